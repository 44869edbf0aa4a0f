package io.salesflow.analytics;

import io.salesflow.Stage;
import java.time.Duration;
import java.util.Optional;

/**
 * The funnel figures of one stage over a set of deals.
 *
 * <p>A deal counts once per stage however often it entered it. Of the deals that {@link #entered()} a stage, each
 * is exactly one of: {@link #stillThere()} (in it now), {@link #lost()} (it last left the stage straight into a
 * lost stage: lost or disqualified there) or {@link #advanced()} (it last left the stage for any other stage: on
 * down the pipeline, or back in a loop). So {@code entered == advanced + lost + stillThere}.
 *
 * @param stage the stage
 * @param entered deals that were ever in the stage
 * @param advanced deals that last left it for a stage that is not lost
 * @param lost deals that last left it straight into a lost stage
 * @param stillThere deals in it now
 * @param reachedLaterStage deals that, after being in it, entered a later stage of the pipeline that is not lost
 * @param medianTimeInStage the median length of completed stays, if any
 * @param p90TimeInStage the 90th percentile length of completed stays, if any
 * @param stalledNow deals in it now for longer than its stall threshold
 * @since 0.1
 */
public record StageFunnel(Stage stage, int entered, int advanced, int lost, int stillThere, int reachedLaterStage,
    Optional<Duration> medianTimeInStage, Optional<Duration> p90TimeInStage, int stalledNow) {

  /**
   * The share of deals that entered this stage and later reached a later, not-lost stage of the pipeline; empty
   * when no deal entered it.
   */
  public Optional<Double> conversion() {
    return entered == 0 ? Optional.empty() : Optional.of((double) reachedLaterStage / entered);
  }
}
