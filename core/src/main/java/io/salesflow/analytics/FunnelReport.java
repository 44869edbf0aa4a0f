package io.salesflow.analytics;

import io.salesflow.Deal;
import io.salesflow.SalesEvent.ApproachMethod;
import io.salesflow.SalesEvent.ClosingTechnique;
import io.salesflow.SalesEvent.LeadTemperature;
import io.salesflow.SalesProcess;
import io.salesflow.Stage;
import io.salesflow.StageKind;
import io.salesflow.TransitionRecord;
import io.salesflow.store.DealStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;


/**
 * A funnel report over the deals of one process at an instant: per stage how many entered, advanced, were lost,
 * are still there, converted onwards, how long they stayed and how many are stalled; overall win rate and cycle
 * time; and win rates by any recorded fact.
 *
 * <pre>{@code
 * FunnelReport report = FunnelReport.of(process, store, clock.instant()); // or over a collection of deals
 * report.stages().forEach(s -> System.out.println(s.stage().name() + " " + s.entered() + " " + s.conversion()));
 * report.winRateBy(FunnelReport::approachMethod);
 * }</pre>
 *
 * <p>Immutable once built.
 *
 * @since 0.1
 */
public final class FunnelReport {
  private final SalesProcess process;
  private final Instant at;
  private final List<Deal> deals;
  private final List<StageFunnel> stages;
  private final int won;
  private final int lost;
  private final Optional<Duration> medianCycleTime;
  private final List<DealStore.Unreadable> skipped;

  private FunnelReport(SalesProcess process, Instant at, List<Deal> deals, List<DealStore.Unreadable> skipped) {
    this.process = process;
    this.at = at;
    this.deals = deals;
    this.skipped = skipped;
    Map<String, Integer> order = new HashMap<>();
    for (Stage stage : process.stages()) {
      order.put(stage.id(), order.size());
    }
    Map<String, Tally> tallies = new LinkedHashMap<>();
    process.stages().forEach(s -> tallies.put(s.id(), new Tally()));
    List<Duration> cycles = new ArrayList<>();
    int wonCount = 0;
    int lostCount = 0;
    for (Deal deal : deals) {
      StageKind kind = process.stage(deal.stage()).kind();
      if (kind.isWon()) {
        wonCount++;
      } else if (kind == StageKind.LOST) {
        lostCount++;
      }
      tallyDeal(deal, tallies, order, cycles);
    }
    List<StageFunnel> result = new ArrayList<>();
    for (Stage stage : process.stages()) {
      Tally t = tallies.get(stage.id());
      int stalled = 0;
      for (Deal deal : deals) {
        if (deal.stage().equals(stage.id()) && stage.isStalled(deal, at)) {
          stalled++;
        }
      }
      result.add(new StageFunnel(stage, t.entered, t.advanced, t.lost, t.stillThere, t.reachedLater,
          percentile(t.stays, 50), percentile(t.stays, 90), stalled));
    }
    this.stages = List.copyOf(result);
    this.won = wonCount;
    this.lost = lostCount;
    this.medianCycleTime = percentile(cycles, 50);
  }

  /**
   * Builds the report.
   *
   * @param process the process the deals run through, whose stages the report lists in pipeline order
   * @param deals deals of {@code process}; deals of other processes are an error, and so are deals that are in, or
   *     passed through, a stage the process does not have (a deal recorded under an older definition, say): the
   *     report would have nowhere to count them, so it refuses them rather than leave them out silently
   * @param at the instant "now" for stalled deals and stays still going on
   * @return the report; the deals are copied
   * @throws IllegalArgumentException if a deal belongs to another process, or is in or passed through a stage the
   *     process lacks; the message names the deal and the stage
   */
  public static FunnelReport of(SalesProcess process, Collection<Deal> deals, Instant at) {
    Objects.requireNonNull(process, "process must not be null");
    Objects.requireNonNull(deals, "deals must not be null");
    Objects.requireNonNull(at, "at must not be null");
    requireProcess(process, deals);
    return new FunnelReport(process, at, List.copyOf(deals), List.of());
  }

  private static void requireProcess(SalesProcess process, Collection<Deal> deals) {
    for (Deal deal : deals) {
      if (!deal.processId().equals(process.id())) {
        throw new IllegalArgumentException("deal '" + deal.id() + "' runs in process '" + deal.processId()
            + "', not in '" + process.id() + "'; report on one process at a time");
      }
      checkStages(process, deal);
    }
  }

  /**
   * Builds the report over the deals of {@code process} in a store. A deal the store cannot read, or whose stage or
   * history names a stage the process does not have, is left out and listed in {@link #skipped()}, so that one
   * damaged deal does not stop the report.
   *
   * @param process the process to report on
   * @param store the store to read the process's deals from
   * @param at the instant "now" for stalled deals and stays still going on
   * @return the report
   * @since 0.1
   */
  public static FunnelReport of(SalesProcess process, DealStore store, Instant at) {
    Objects.requireNonNull(process, "process must not be null");
    Objects.requireNonNull(store, "store must not be null");
    Objects.requireNonNull(at, "at must not be null");
    List<DealStore.Unreadable> skipped = new ArrayList<>();
    List<Deal> deals = new ArrayList<>();
    for (Deal deal : store.findByProcess(process.id(), skipped::add)) {
      String unknown = unknownStage(process, deal);
      if (!deal.processId().equals(process.id())) {
        skipped.add(new DealStore.Unreadable(deal.id(), "the store returned it for process '" + process.id()
            + "', but it runs in process '" + deal.processId() + "'"));
      } else if (unknown != null) {
        skipped.add(new DealStore.Unreadable(deal.id(), "it names stage '" + unknown + "', which process '"
            + process.id() + "' does not have; fix the stored deal or report with the process version it ran on"));
      } else {
        deals.add(deal);
      }
    }
    return new FunnelReport(process, at, List.copyOf(deals), List.copyOf(skipped));
  }

  private static @Nullable String unknownStage(SalesProcess process, Deal deal) {
    if (process.findStage(deal.stage()).isEmpty()) {
      return deal.stage();
    }
    for (TransitionRecord record : deal.history().asList()) {
      if (process.findStage(record.from()).isEmpty()) {
        return record.from();
      }
      if (process.findStage(record.to()).isEmpty()) {
        return record.to();
      }
    }
    return null;
  }

  /**
   * Returns the deals the report left out because its store could not read them, each with its id and what is
   * wrong with it; always empty for a report over a collection of deals.
   *
   * @return the skipped deals, in the order the store reported them
   * @since 0.1
   */
  public List<DealStore.Unreadable> skipped() {
    return skipped;
  }

  private static void checkStages(SalesProcess process, Deal deal) {
    checkStage(process, deal, deal.stage(), "is in");
    for (TransitionRecord record : deal.history()) {
      checkStage(process, deal, record.from(), "passed through");
      checkStage(process, deal, record.to(), "passed through");
    }
  }

  private static void checkStage(SalesProcess process, Deal deal, String stage, String how) {
    if (process.findStage(stage).isEmpty()) {
      throw new IllegalArgumentException("deal '" + deal.id() + "' " + how + " stage '" + stage + "', which process '"
          + process.id() + "' does not have; a funnel report counts every deal in the process's stages, so migrate the"
          + " deal or leave it out");
    }
  }

  private static final class Tally {
    int entered;
    int advanced;
    int lost;
    int stillThere;
    int reachedLater;
    final List<Duration> stays = new ArrayList<>();
  }

  private void tallyDeal(Deal deal, Map<String, Tally> tallies, Map<String, Integer> order, List<Duration> cycles) {
    List<TransitionRecord> records = deal.history().asList();
    String first = records.isEmpty() ? deal.stage() : records.get(0).from();
    // visits in order: stage and when it was entered
    List<String> visitStages = new ArrayList<>();
    List<Instant> visitStarts = new ArrayList<>();
    visitStages.add(first);
    visitStarts.add(deal.createdAt());
    Map<String, String> lastExitTarget = new HashMap<>();
    Instant wonAt = null;
    for (TransitionRecord record : records) {
      if (record.internal()) {
        continue;
      }
      int last = visitStages.size() - 1;
      tallies.get(visitStages.get(last)).stays.add(Duration.between(visitStarts.get(last), record.at()));
      lastExitTarget.put(record.from(), record.to());
      visitStages.add(record.to());
      visitStarts.add(record.at());
      if (wonAt == null && process.stage(record.to()).kind().isWon()) {
        wonAt = record.at();
      }
    }
    if (wonAt != null) {
      cycles.add(Duration.between(deal.createdAt(), wonAt));
    }
    Map<String, Integer> firstVisit = new HashMap<>();
    for (int i = 0; i < visitStages.size(); i++) {
      firstVisit.putIfAbsent(visitStages.get(i), i);
    }
    for (Map.Entry<String, Integer> entry : firstVisit.entrySet()) {
      String stage = entry.getKey();
      Tally tally = tallies.get(stage);
      tally.entered++;
      if (deal.stage().equals(stage)) {
        tally.stillThere++;
      } else if (process.stage(lastExitTarget.get(stage)).kind() == StageKind.LOST) {
        tally.lost++;
      } else {
        tally.advanced++;
      }
      int index = order.get(stage);
      for (int i = entry.getValue() + 1; i < visitStages.size(); i++) {
        String later = visitStages.get(i);
        if (order.get(later) > index && process.stage(later).kind() != StageKind.LOST) {
          tally.reachedLater++;
          break;
        }
      }
    }
  }

  static Optional<Duration> percentile(List<Duration> values, int percentile) {
    if (values.isEmpty()) {
      return Optional.empty();
    }
    List<Duration> sorted = new ArrayList<>(values);
    sorted.sort(Comparator.naturalOrder());
    // nearest-rank percentile: the smallest value with at least p% of values at or below it
    int rank = (int) Math.ceil(percentile / 100.0 * sorted.size());
    return Optional.of(sorted.get(Math.max(0, rank - 1)));
  }

  /** {@return the process reported on} */
  public SalesProcess process() {
    return process;
  }

  /** {@return the instant the report is for} */
  public Instant at() {
    return at;
  }

  /** {@return how many deals the report covers} */
  public int deals() {
    return deals.size();
  }

  /** {@return the figures per stage, in pipeline order} */
  public List<StageFunnel> stages() {
    return stages;
  }

  /**
   * Returns the figures of one stage.
   *
   * @param stageId the id of a stage of the process
   * @return the stage's figures
   * @throws IllegalArgumentException if the process has no such stage
   */
  public StageFunnel stage(String stageId) {
    return stages.stream().filter(s -> s.stage().id().equals(stageId)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("process '" + process.id() + "' has no stage '" + stageId
            + "'"));
  }

  /** {@return how many deals were won: those in a won or post-sale stage} */
  public int won() {
    return won;
  }

  /** {@return how many deals were lost or disqualified: those in a lost stage} */
  public int lost() {
    return lost;
  }

  /** {@return how many deals are still open} */
  public int open() {
    return deals.size() - won - lost;
  }

  /** {@return won deals over closed deals (won plus lost), from 0 to 1; empty when none is closed} */
  public Optional<Double> winRate() {
    int closed = won + lost;
    return closed == 0 ? Optional.empty() : Optional.of((double) won / closed);
  }

  /** {@return the median time from a deal's start to its win, over won deals; empty when none was won} */
  public Optional<Duration> medianCycleTime() {
    return medianCycleTime;
  }

  /**
   * Returns the win rates of the closed deals grouped by a fact, best first; deals without the fact are left out.
   *
   * @param fact extracts the fact's value from a deal, for example {@link #approachMethod(Deal)}
   * @return one breakdown for each value found, by falling win rate, then by value
   */
  public List<Breakdown> winRateBy(Function<Deal, Optional<String>> fact) {
    Objects.requireNonNull(fact, "fact must not be null");
    Map<String, int[]> counts = new LinkedHashMap<>();
    for (Deal deal : deals) {
      StageKind kind = process.stage(deal.stage()).kind();
      if (!kind.isWon() && kind != StageKind.LOST) {
        continue;
      }
      fact.apply(deal).ifPresent(value -> counts.computeIfAbsent(value, v -> new int[2])[kind.isWon() ? 0 : 1]++);
    }
    List<Breakdown> result = new ArrayList<>();
    counts.forEach((value, c) -> result.add(new Breakdown(value, c[0], c[1])));
    result.sort(Comparator.comparing((Breakdown b) -> b.winRate().orElse(0.0)).reversed()
        .thenComparing(Breakdown::value));
    return List.copyOf(result);
  }

  /**
   * Returns the approach method recorded on a deal, for {@link #winRateBy}.
   *
   * @param deal any deal
   * @return the method's label, for example {@code "question"}, or empty if none was recorded
   */
  public static Optional<String> approachMethod(Deal deal) {
    return deal.facts().approachMethod().map(ApproachMethod::label);
  }

  /**
   * Returns the closing technique recorded on a deal's win or loss, for {@link #winRateBy}.
   *
   * @param deal any deal
   * @return the technique's label, for example {@code "alternative-choice"}, or empty if none was recorded
   */
  public static Optional<String> closingTechnique(Deal deal) {
    return deal.facts().closingTechnique().map(ClosingTechnique::label);
  }

  /**
   * Returns the lead temperature recorded on a deal, for {@link #winRateBy}.
   *
   * @param deal any deal
   * @return the temperature's label, for example {@code "warm"}, or empty if none was recorded
   */
  public static Optional<String> leadTemperature(Deal deal) {
    return deal.facts().leadTemperature().map(LeadTemperature::label);
  }

  @Override
  public String toString() {
    return "FunnelReport{" + process.id() + ", " + deals.size() + " deals, won " + won + ", lost " + lost
        + (skipped.isEmpty() ? "" : ", " + skipped.size() + " unreadable deals skipped") + "}";
  }

  /**
   * Returns the deals that have been in their stage for longer than the stage's stall threshold at {@code now},
   * longest-stalled first; see {@link Stage#isStalled(Deal, Instant)}. {@code DealStore.findStalled} answers the same
   * for stored deals.
   *
   * @param process the process the deals run through
   * @param deals deals of {@code process}
   * @param now the instant to judge at
   * @return the stalled deals, by how far they are past their stage's threshold, furthest first
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
      return process.stage(deal.stage()).isStalled(deal, now);
    }).sorted(Comparator.comparing((Deal d) -> overdueBy(process, d, now)).reversed()).toList();
  }

  private static Duration overdueBy(SalesProcess process, Deal deal, Instant now) {
    return deal.timeInStage(now).minus(process.stage(deal.stage()).stallAfter().orElse(Duration.ZERO));
  }

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
     * {@return the share of deals that entered this stage and later reached a later, not-lost stage of the pipeline;
     * empty when no deal entered it}
     */
    public Optional<Double> conversion() {
      return entered == 0 ? Optional.empty() : Optional.of((double) reachedLaterStage / entered);
    }
  }

  /**
   * How the closed deals with one value of a fact turned out, for example those approached with the question approach.
   *
   * @param value the fact's value, for example {@code "question"}
   * @param won closed deals with this value that were won
   * @param lost closed deals with this value that were lost
   * @since 0.1
   */
  public record Breakdown(String value, int won, int lost) {

    /** {@return the share of closed deals that were won, from 0 to 1; empty when none is closed} */
    public Optional<Double> winRate() {
      int closed = won + lost;
      return closed == 0 ? Optional.empty() : Optional.of((double) won / closed);
    }
  }
}
