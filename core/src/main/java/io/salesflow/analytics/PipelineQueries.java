package io.salesflow.analytics;

import io.salesflow.Deal;
import io.salesflow.SalesProcess;
import io.salesflow.Stage;
import io.salesflow.guard.FollowUpCadence;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The deals that need attention at a given instant: stalled ones and those with an overdue follow-up.
 *
 * <p>Both are computed from the deals' recorded facts and the instant passed in, not from timers, so they hold for
 * deals read back from a store. A store may answer the same questions with an indexed query.
 *
 * @since 0.1
 */
public final class PipelineQueries {
  private PipelineQueries() {}

  /**
   * Returns the deals that have been in their stage for longer than the stage's stall threshold at {@code now},
   * longest-stalled first. Deals in stages without a threshold, and terminal stages, never stall. A deal exactly at
   * its threshold is not stalled yet.
   *
   * @throws IllegalArgumentException if a deal belongs to another process
   */
  public static List<Deal> stalled(SalesProcess process, Collection<Deal> deals, Instant now) {
    Objects.requireNonNull(process, "process must not be null");
    Objects.requireNonNull(deals, "deals must not be null");
    Objects.requireNonNull(now, "now must not be null");
    return deals.stream().filter(deal -> {
      if (!deal.processId().equals(process.id())) {
        throw new IllegalArgumentException("deal '" + deal.id() + "' runs in process '" + deal.processId()
            + "', not in '" + process.id() + "'");
      }
      Stage stage = process.stage(deal.stage());
      return !stage.isTerminal() && stage.stallAfter().isPresent()
          && deal.timeInStage(now).compareTo(stage.stallAfter().get()) > 0;
    }).sorted(Comparator.comparing((Deal d) -> overdueBy(process, d, now)).reversed()).toList();
  }

  private static Duration overdueBy(SalesProcess process, Deal deal, Instant now) {
    return deal.timeInStage(now).minus(process.stage(deal.stage()).stallAfter().orElse(Duration.ZERO));
  }

  /**
   * Returns the open deals whose next follow-up under {@code cadence} is overdue at {@code now}, most overdue
   * first. Deals in won or lost stages are left out.
   */
  public static List<Deal> overdueFollowUps(SalesProcess process, Collection<Deal> deals, FollowUpCadence cadence,
      Instant now) {
    Objects.requireNonNull(process, "process must not be null");
    Objects.requireNonNull(deals, "deals must not be null");
    Objects.requireNonNull(cadence, "cadence must not be null");
    List<Deal> open = deals.stream().filter(d -> !process.stage(d.stage()).isTerminal()).toList();
    return cadence.overdue(open, now);
  }
}
