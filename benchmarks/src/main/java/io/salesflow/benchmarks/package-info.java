/**
 * Benchmarks, not a library: {@link io.salesflow.benchmarks.EngineBenchmarks} (cost per event of both engines beside
 * raw Spring Statemachine, stateless4j and an {@code EnumMap} floor, over the checked {@link
 * io.salesflow.benchmarks.Workload}), {@link io.salesflow.benchmarks.MemoryFootprint} (retained heap per deal) and
 * {@link io.salesflow.benchmarks.JdbcStoreBenchmarks} (the JDBC store's throughput). See {@code benchmarks/README.md}
 * for the commands.
 */
package io.salesflow.benchmarks;
