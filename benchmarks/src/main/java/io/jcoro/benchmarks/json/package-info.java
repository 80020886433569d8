/** The JSON the runner saves and the report reads back (JMH's result files included). */
package io.jcoro.benchmarks.json;
