/**
 * N1: echo throughput and latency with 100 and 1,000 concurrent loopback clients, jcoro's echo
 * server (the course's echoserver2 on the scheduler) against a virtual-thread-per-connection
 * server, both driven by the scheduler issue's load generator
 * ({@code io.jcoro.samples.net.EchoLoad}) in the same JVM.
 */
package io.jcoro.benchmarks.net;
