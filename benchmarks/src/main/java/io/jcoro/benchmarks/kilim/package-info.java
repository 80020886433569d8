/**
 * Kilim 2.0.2's generators in the shapes of the JMH benchmarks, the peer measured in the same
 * run as jcoro. The classes here are woven at build time by Kilim's own weaver
 * ({@code kilim.tools.Weaver}, run by the benchmarks module's build on this package only, with
 * the build's current ASM in place of the ASM 7.1 Kilim asks for, which cannot read class files
 * of Java 14 and later). They hold no jcoro code: jcoro's instrumenter leaves them alone.
 */
package io.jcoro.benchmarks.kilim;
