package io.salesflow.benchmarks;

import io.salesflow.benchmarks.Workload.Step;

/**
 * One way of running the {@link Workload}: keeps the stage of each of the {@link Workload#DEALS} deals somewhere
 * and moves it on each event.
 */
public interface Row extends AutoCloseable {

  /**
   * Fires {@code step} at the deal in {@code slot} and returns its stage id afterwards. When {@code last}, the deal
   * finished its script and the row recycles it to the first stage after firing.
   */
  String fire(int slot, Step step, boolean last);

  @Override
  default void close() {}
}
