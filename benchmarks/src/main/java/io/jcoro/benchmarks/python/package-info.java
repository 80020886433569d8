/** The CPython column: the course's language running the same shapes, timed by its own timeit. */
package io.jcoro.benchmarks.python;
