package io.salesflow.analytics;

import io.salesflow.Deal;
import io.salesflow.DealFacts;
import io.salesflow.SalesEvent;
import io.salesflow.SalesEvent.ApproachMethod;
import io.salesflow.SalesEvent.ClosingTechnique;
import io.salesflow.SalesEvent.LeadTemperature;
import io.salesflow.SalesProcess;
import io.salesflow.Stage;
import io.salesflow.StageKind;
import io.salesflow.TransitionRecord;
import io.salesflow.store.DealStore;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;


/**
 * A funnel report over the deals of one process at an instant: per stage how many entered, advanced, were lost,
 * were moved on by an override, are still there, converted onwards, how long they stayed and how many are stalled;
 * overall win rate and cycle time; win rates by any recorded fact; and the same cut by owner.
 *
 * <pre>{@code
 * FunnelReport report = FunnelReport.of(process, store, clock.instant()); // or over a collection of deals
 * report.stages().forEach(s -> System.out.println(s.stage().name() + " " + s.entered() + " " + s.conversion()));
 * report.winRateBy(FunnelReport::approachMethod);
 * report.winRateBy(FunnelReport::owner);
 * report.byOwner().forEach((owner, funnel) -> System.out.println(owner + " " + funnel.winRate()));
 * }</pre>
 *
 * <p>Administrative records count apart: a deal that left a stage by an override (or by a migration into another
 * stage) counts as {@link StageFunnel#overridden() overridden} there, not as advanced or lost, and a stage reached by
 * one is no conversion. Stages a deal passed through on an older version of the process that this version lacks are
 * left out.
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
  private final int overrides;
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
    int overrideCount = 0;
    for (Deal deal : deals) {
      StageKind kind = process.stage(deal.stage()).kind();
      if (kind.isWon()) {
        wonCount++;
      } else if (kind == StageKind.LOST) {
        lostCount++;
      }
      overrideCount += tallyDeal(deal, tallies, order, cycles);
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
      result.add(new StageFunnel(stage, t.entered, t.advanced, t.lost, t.overridden, t.stillThere, t.reachedLater,
          percentile(t.stays, 50), percentile(t.stays, 90), stalled));
    }
    this.stages = List.copyOf(result);
    this.won = wonCount;
    this.lost = lostCount;
    this.overrides = overrideCount;
    this.medianCycleTime = percentile(cycles, 50);
  }

  /**
   * Builds the report.
   *
   * @param process the process the deals run through, whose stages the report lists in pipeline order
   * @param deals deals of {@code process}, of any of its versions; deals of other processes are an error, and so are
   *     deals that are in, or passed through, a stage this version of the process does not have (a deal recorded
   *     under an older definition that was not migrated, say): the report would have nowhere to count them, so it
   *     refuses them rather than leave them out silently. The stages a migrated deal passed through before its
   *     migration to this version are its old version's: they are left out.
   * @param at the instant "now" for stalled deals and stays still going on
   * @return the report; the deals are copied
   * @throws IllegalArgumentException if a deal belongs to another process, or is in or passed through a stage this
   *     version of the process lacks; the message names the deal, its version and the stage
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
      checkOwns(process, deal);
      checkHistory(process, deal);
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

  /**
   * The first stage the deal is in or passed through that {@code process} lacks, or null. The stages a migrated deal
   * passed through before its migration to this version are its old version's, and are not looked at.
   */
  private static @Nullable String unknownStage(SalesProcess process, Deal deal) {
    if (process.findStage(deal.stage()).isEmpty()) {
      return deal.stage();
    }
    List<TransitionRecord> records = deal.history().asList();
    int since = 0;
    for (int i = records.size() - 1; i >= 0; i--) {
      if (records.get(i).event() instanceof SalesEvent.DealMigrated migrated
          && migrated.toVersion() == process.version()) {
        since = i; // the migration record: its from stage is the old version's, its to stage this one's
        break;
      }
    }
    for (int i = since; i < records.size(); i++) {
      TransitionRecord record = records.get(i);
      boolean migration = i == since && record.event() instanceof SalesEvent.DealMigrated;
      if (!migration && process.findStage(record.from()).isEmpty()) {
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

  private static void checkOwns(SalesProcess process, Deal deal) {
    if (!deal.processId().equals(process.id())) {
      throw new IllegalArgumentException("deal '" + deal.id() + "' runs in process '" + deal.processId()
          + "', not in '" + process.id() + "'; report on one process at a time");
    }
    if (process.findStage(deal.stage()).isEmpty()) {
      throw unknownStage(process, deal, deal.stage());
    }
  }

  private static void checkHistory(SalesProcess process, Deal deal) {
    String unknown = unknownStage(process, deal);
    if (unknown != null) {
      throw unknownStage(process, deal, unknown);
    }
  }

  private static IllegalArgumentException unknownStage(SalesProcess process, Deal deal, String stage) {
    return new IllegalArgumentException("deal '" + deal.id() + "' " + (stage.equals(deal.stage()) ? "is in"
        : "passed through") + " stage '" + stage + "', which version " + process.version() + " of process '"
        + process.id() + "' does not have (the deal runs on version " + deal.processVersion() + "); a funnel report"
        + " counts every deal in the process's stages, so report on the deal's own version (engine.process(id,"
        + " version)), migrate the deal, or leave it out");
  }

  private static final class Tally {
    int entered;
    int advanced;
    int lost;
    int overridden;
    int stillThere;
    int reachedLater;
    final List<Duration> stays = new ArrayList<>();
  }

  /** How one stay in a stage ended: where the deal went, and whether an administrative record moved it. */
  private record Exit(String to, boolean administrative) {}

  /** Tallies one deal's stays and returns how many overrides its history holds. */
  private int tallyDeal(Deal deal, Map<String, Tally> tallies, Map<String, Integer> order, List<Duration> cycles) {
    List<TransitionRecord> records = deal.history().asList();
    String first = records.isEmpty() ? deal.stage() : records.get(0).from();
    // visits in order: stage, when it was entered and whether an administrative record moved the deal there
    List<String> visitStages = new ArrayList<>();
    List<Instant> visitStarts = new ArrayList<>();
    List<Boolean> visitAdministrative = new ArrayList<>();
    visitStages.add(first);
    visitStarts.add(deal.createdAt());
    visitAdministrative.add(false);
    Map<String, Exit> lastExit = new HashMap<>();
    Instant wonAt = null;
    int overrideCount = 0;
    for (TransitionRecord record : records) {
      if (record.event() instanceof SalesEvent.StageOverridden) {
        overrideCount++;
      }
      if (record.internal()) {
        continue;
      }
      int last = visitStages.size() - 1;
      Tally left = tallies.get(visitStages.get(last));
      if (left != null) { // null: a stage of an older version that this one lacks
        left.stays.add(Duration.between(visitStarts.get(last), record.at()));
      }
      lastExit.put(record.from(), new Exit(record.to(), record.administrative()));
      visitStages.add(record.to());
      visitStarts.add(record.at());
      visitAdministrative.add(record.administrative());
      if (wonAt == null && process.findStage(record.to()).map(s -> s.kind().isWon()).orElse(false)) {
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
      if (tally == null) {
        continue;
      }
      tally.entered++;
      Exit exit = lastExit.get(stage);
      if (deal.stage().equals(stage)) {
        tally.stillThere++;
      } else if (exit.administrative()) {
        tally.overridden++;
      } else if (process.findStage(exit.to()).map(s -> s.kind() == StageKind.LOST).orElse(false)) {
        tally.lost++;
      } else {
        tally.advanced++;
      }
      int index = order.get(stage);
      for (int i = entry.getValue() + 1; i < visitStages.size(); i++) {
        if (visitAdministrative.get(i)) {
          break; // an override took the deal on from here: what it reached after is no conversion of this stage
        }
        String later = visitStages.get(i);
        Integer laterIndex = order.get(later);
        if (laterIndex != null && laterIndex > index && process.stage(later).kind() != StageKind.LOST) {
          tally.reachedLater++;
          break;
        }
      }
    }
    return overrideCount;
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

  /**
   * {@return how many overrides the deals' histories hold: moves past the process's rules, which the funnel counts
   * apart from the conversions guards allowed}
   */
  public int overrides() {
    return overrides;
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
   * Returns the report cut by owner: one report per owner over that owner's deals, to see whether a particular rep
   * is having a problem. Deals without an owner are in no cut, only in this report.
   *
   * @return a report per owner, by owner in alphabetical order
   */
  public Map<String, FunnelReport> byOwner() {
    Map<String, List<Deal>> byOwner = new TreeMap<>();
    for (Deal deal : deals) {
      if (deal.owner() != null) {
        byOwner.computeIfAbsent(deal.owner(), o -> new ArrayList<>()).add(deal);
      }
    }
    Map<String, FunnelReport> reports = new LinkedHashMap<>();
    byOwner.forEach((owner, owned) -> reports.put(owner, new FunnelReport(process, at, List.copyOf(owned),
        List.of())));
    return Collections.unmodifiableMap(reports);
  }

  /**
   * Returns the owner of a deal, for {@link #winRateBy}: {@code report.winRateBy(FunnelReport::owner)} gives the win
   * rate of each rep.
   *
   * @param deal any deal
   * @return the owner, or empty if the deal has none
   */
  public static Optional<String> owner(Deal deal) {
    return Optional.ofNullable(deal.owner());
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
   * @throws IllegalArgumentException if a deal belongs to another process, or is in a stage this version of the
   *     process does not have
   */
  public static List<Deal> stalled(SalesProcess process, Collection<Deal> deals, Instant now) {
    Objects.requireNonNull(process, "process must not be null");
    Objects.requireNonNull(deals, "deals must not be null");
    Objects.requireNonNull(now, "now must not be null");
    return deals.stream().filter(deal -> {
      checkOwns(process, deal);
      return process.stage(deal.stage()).isStalled(deal, now);
    }).sorted(Comparator.comparing((Deal d) -> overdueBy(process, d, now)).reversed()).toList();
  }

  /**
   * Returns the stalled deals of each owner, as {@link #stalled(SalesProcess, Collection, Instant)} finds them: the
   * list a sales manager goes through with each rep. Stalled deals without an owner are in no list; {@code stalled}
   * lists them with the rest.
   *
   * @param process the process the deals run through
   * @param deals deals of {@code process}
   * @param now the instant to judge at
   * @return for each owner with a stalled deal, in alphabetical order, the stalled deals, furthest past their stage's
   *     threshold first
   * @throws IllegalArgumentException if a deal belongs to another process, or is in a stage this version of the
   *     process does not have
   */
  public static Map<String, List<Deal>> stalledByOwner(SalesProcess process, Collection<Deal> deals, Instant now) {
    Map<String, List<Deal>> byOwner = new TreeMap<>();
    for (Deal deal : stalled(process, deals, now)) {
      if (deal.owner() != null) {
        byOwner.computeIfAbsent(deal.owner(), o -> new ArrayList<>()).add(deal);
      }
    }
    Map<String, List<Deal>> result = new LinkedHashMap<>();
    byOwner.forEach((owner, stalled) -> result.put(owner, List.copyOf(stalled)));
    return Collections.unmodifiableMap(result);
  }

  private static Duration overdueBy(SalesProcess process, Deal deal, Instant now) {
    return deal.timeInStage(now).minus(process.stage(deal.stage()).stallAfter().orElse(Duration.ZERO));
  }

  /**
   * The funnel figures of one stage over a set of deals.
   *
   * <p>A deal counts once per stage however often it entered it. Of the deals that {@link #entered()} a stage, each
   * is exactly one of: {@link #stillThere()} (in it now), {@link #lost()} (it last left the stage straight into a
   * lost stage: lost or disqualified there), {@link #overridden()} (it last left the stage by an override, or by a
   * migration into another stage, not through a transition the process allowed) or {@link #advanced()} (it last left
   * the stage for any other stage: on down the pipeline, or back in a loop). So
   * {@code entered == advanced + lost + overridden + stillThere}.
   *
   * @param stage the stage
   * @param entered deals that were ever in the stage
   * @param advanced deals that last left it for a stage that is not lost, through a transition of the process
   * @param lost deals that last left it straight into a lost stage, through a transition of the process
   * @param overridden deals that last left it by an override or a migration into another stage
   * @param stillThere deals in it now
   * @param reachedLaterStage deals that, after being in it, entered a later stage of the pipeline that is not lost
   *     through transitions of the process alone: what a deal reached after an override (or a migration into another
   *     stage) moved it is no conversion
   * @param medianTimeInStage the median length of completed stays, if any
   * @param p90TimeInStage the 90th percentile length of completed stays, if any
   * @param stalledNow deals in it now for longer than its stall threshold
   * @since 0.1
   */
  public record StageFunnel(Stage stage, int entered, int advanced, int lost, int overridden, int stillThere,
      int reachedLaterStage,
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

  // ------------------------------------------------------------------------------------------ lead source, CSV

  /**
   * Returns the lead source recorded on a deal, for {@link #winRateBy}: new, inbound, outbound, referral, partner,
   * or an existing customer's upsell, cross-sell, renewal or repeat order.
   *
   * @param deal any deal
   * @return the source's label, for example {@code "referral"}, or empty if none was recorded
   * @since 0.1
   */
  public static Optional<String> leadSource(Deal deal) {
    return deal.facts().leadSource().map(SalesEvent.LeadSource::label);
  }

  /**
   * Returns the report's stage figures as comma-separated values (RFC 4180, CRLF line ends), one row per stage in
   * pipeline order after a header: {@code process,stage,name,kind,entered,advanced,lost,still_there,
   * reached_later_stage,conversion,median_hours,p90_hours,stalled_now}. Conversion is a fraction from 0 to 1, empty
   * where no deal entered; times are in hours, empty where no stay ended.
   *
   * @return the CSV text, ready for a spreadsheet
   * @since 0.1
   */
  public String csv() {
    Csv csv = new Csv().row("process", "stage", "name", "kind", "entered", "advanced", "lost", "still_there",
        "reached_later_stage", "conversion", "median_hours", "p90_hours", "stalled_now");
    for (StageFunnel s : stages) {
      csv.row(process.id(), s.stage().id(), s.stage().name(), s.stage().kind(), s.entered(), s.advanced(), s.lost(),
          s.stillThere(), s.reachedLaterStage(), s.conversion(), hours(s.medianTimeInStage()),
          hours(s.p90TimeInStage()), s.stalledNow());
    }
    return csv.toString();
  }

  private static Optional<BigDecimal> hours(Optional<Duration> duration) {
    return duration.map(d -> BigDecimal.valueOf(d.toSeconds()).divide(BigDecimal.valueOf(3600), 2,
        RoundingMode.HALF_EVEN));
  }

  /** The owner of a deal, for the forecast's owner cut. */
  static @Nullable String ownerOf(Deal deal) {
    return deal.owner();
  }

  // ------------------------------------------------------------------------------------------------- forecast

  /**
   * A sales forecast over deals of one or more processes: each open deal weighted by its stage's win probability
   * (the weighted pipeline), in the forecast category of its stage or the one its rep put it in, by the month it is
   * expected to close; won deals count in full, in the month they were won.
   *
   * <pre>{@code
   * FunnelReport.Forecast forecast = FunnelReport.Forecast.of(processes, deals, ZoneOffset.UTC);
   * forecast.weightedPipeline();              // sum of amount x win probability over open deals
   * forecast.byMonth().forEach(g -> System.out.println(g.key() + " " + g.weighted()));
   * Files.writeString(Path.of("forecast.csv"), forecast.csv());
   * }</pre>
   *
   * <p>A deal's amount is {@link DealFacts#amount()} (zero while none is known), its month that of
   * {@link DealFacts#expectedClose()} (none while unknown), its category its own
   * {@link DealFacts#forecastCategory() override} or else its {@link Stage#forecastCategory() stage's}; a stage
   * without a win probability weighs 0. Deals in lost stages are left out; {@link Stage.ForecastCategory#OMITTED
   * omitted} deals are listed with a weight of 0. Immutable.
   *
   * @since 0.1
   */
  public static final class Forecast {
    /** The group key of deals without an expected close date, in {@link #byMonth()}. */
    public static final String NO_MONTH = "none";
    /** The group key of deals without an owner, in {@link #byOwner()}. */
    public static final String NO_OWNER = "unassigned";

    private final List<Line> lines;

    private Forecast(List<Line> lines) {
      this.lines = lines;
    }

    /**
     * Builds the forecast.
     *
     * @param processes the processes the deals run through
     * @param deals the deals; those in a lost stage are left out
     * @param zone the zone whose calendar the win of a won deal falls into a month in
     * @return the forecast, one line per open or won deal, in the order of {@code deals}
     * @throws IllegalArgumentException if a deal runs in a process not given, or is in a stage it does not have
     */
    public static Forecast of(Collection<SalesProcess> processes, Collection<Deal> deals, ZoneId zone) {
      Map<String, SalesProcess> byId = byId(processes);
      Objects.requireNonNull(zone, "zone must not be null");
      List<Line> lines = new ArrayList<>();
      for (Deal deal : Objects.requireNonNull(deals, "deals must not be null")) {
        Stage stage = stageOf(byId, deal);
        if (stage.kind() == StageKind.LOST) {
          continue;
        }
        BigDecimal amount = deal.facts().amount().orElse(BigDecimal.ZERO);
        if (stage.kind().isWon()) {
          Instant wonAt = wonAt(byId.get(deal.processId()), deal);
          lines.add(new Line(deal.id(), deal.processId(), stage.id(), Optional.ofNullable(ownerOf(deal)),
              Optional.ofNullable(wonAt).map(at -> YearMonth.from(at.atZone(zone))),
              Stage.ForecastCategory.CLOSED, amount, 1.0, amount));
        } else {
          Stage.ForecastCategory category = deal.facts().forecastCategory().orElse(stage.forecastCategory());
          double p = stage.winProbability().orElse(0.0);
          lines.add(new Line(deal.id(), deal.processId(), stage.id(), Optional.ofNullable(ownerOf(deal)),
              deal.facts().expectedClose().map(YearMonth::from), category, amount, p, weigh(amount, p, category)));
        }
      }
      return new Forecast(List.copyOf(lines));
    }

    private static BigDecimal weigh(BigDecimal amount, double probability, Stage.ForecastCategory category) {
      return category == Stage.ForecastCategory.OMITTED ? BigDecimal.ZERO
          : amount.multiply(BigDecimal.valueOf(probability));
    }

    /** {@return one line per open or won deal, in the order the deals were given} */
    public List<Line> lines() {
      return lines;
    }

    /** {@return the weighted pipeline: amount times win probability, summed over the open deals not omitted} */
    public BigDecimal weightedPipeline() {
      BigDecimal sum = BigDecimal.ZERO;
      for (Line line : lines) {
        if (line.category() != Stage.ForecastCategory.CLOSED) {
          sum = sum.add(line.weighted());
        }
      }
      return sum;
    }

    /**
     * Groups the lines by a key and sums each group.
     *
     * @param key the group a line belongs to
     * @return one group per key, in the order keys first appear among the lines
     */
    public List<Group> by(Function<Line, String> key) {
      Objects.requireNonNull(key, "key must not be null");
      Map<String, List<Line>> groups = new LinkedHashMap<>();
      for (Line line : lines) {
        groups.computeIfAbsent(Objects.requireNonNull(key.apply(line), "group key must not be null"),
            k -> new ArrayList<>()).add(line);
      }
      List<Group> result = new ArrayList<>();
      groups.forEach((k, members) -> {
        BigDecimal amount = BigDecimal.ZERO;
        BigDecimal weighted = BigDecimal.ZERO;
        for (Line line : members) {
          amount = amount.add(line.amount());
          weighted = weighted.add(line.weighted());
        }
        result.add(new Group(k, members.size(), amount, weighted));
      });
      return List.copyOf(result);
    }

    /** {@return the lines summed by process id} */
    public List<Group> byProcess() {
      return by(Line::processId);
    }

    /** {@return the lines summed by stage, keyed {@code process/stage}} */
    public List<Group> byStage() {
      return by(line -> line.processId() + "/" + line.stageId());
    }

    /** {@return the lines summed by owner; deals without one under {@value #NO_OWNER}} */
    public List<Group> byOwner() {
      return by(line -> line.owner().orElse(NO_OWNER));
    }

    /**
     * {@return the lines summed by month ({@code 2026-03}), earliest first, deals without an expected close date last
     * under {@value #NO_MONTH}}
     */
    public List<Group> byMonth() {
      List<Group> groups = new ArrayList<>(by(line -> line.month().map(YearMonth::toString).orElse(NO_MONTH)));
      groups.sort(Comparator.comparing((Group g) -> g.key().equals(NO_MONTH)).thenComparing(Group::key));
      return List.copyOf(groups);
    }

    /** {@return the lines summed by forecast category, in the order of {@link Stage.ForecastCategory}} */
    public List<Group> byCategory() {
      List<Group> groups = new ArrayList<>(by(line -> line.category().label()));
      groups.sort(Comparator.comparing(g -> categoryOf(g.key())));
      return List.copyOf(groups);
    }

    private static Stage.ForecastCategory categoryOf(String label) {
      for (Stage.ForecastCategory category : Stage.ForecastCategory.values()) {
        if (category.label().equals(label)) {
          return category;
        }
      }
      throw new IllegalStateException(label);
    }

    /**
     * Returns the lines as comma-separated values (RFC 4180, CRLF line ends) after a header:
     * {@code deal,process,stage,owner,close_month,category,amount,probability,weighted}. Amounts are in plain
     * notation with a dot; empty fields are unknown values.
     *
     * @return the CSV text
     */
    public String csv() {
      Csv csv = new Csv().row("deal", "process", "stage", "owner", "close_month", "category", "amount",
          "probability", "weighted");
      for (Line line : lines) {
        csv.row(line.dealId(), line.processId(), line.stageId(), line.owner(), line.month(), line.category(),
            line.amount(), line.probability(), line.weighted());
      }
      return csv.toString();
    }

    /**
     * Compares, month by month, the forecast made at the start of each month with what was won in it: for each month
     * from {@code from} to {@code to}, the deals that were open at its first instant and expected to close in it, as
     * their history had it then (stage, amount, expected close and category as recorded by the events accepted
     * before that instant), weighted as {@link #of} weighs them, against the deals won during the month.
     *
     * <p>A value a deal was started with and that no event recorded before the month's start counts only if no later
     * event changed it either: the start of a deal is not in its history.
     *
     * @param processes the processes the deals run through
     * @param deals the deals
     * @param from the first month, which should be over to mean something
     * @param to the last month, not before {@code from}
     * @param zone the zone whose calendar says where months start
     * @return one row per month, in order
     * @throws IllegalArgumentException if {@code to} is before {@code from}, or a deal runs in a process not given
     */
    public static List<Accuracy> accuracy(Collection<SalesProcess> processes, Collection<Deal> deals,
        YearMonth from, YearMonth to, ZoneId zone) {
      Map<String, SalesProcess> byId = byId(processes);
      Objects.requireNonNull(deals, "deals must not be null");
      Objects.requireNonNull(from, "from must not be null");
      Objects.requireNonNull(to, "to must not be null");
      Objects.requireNonNull(zone, "zone must not be null");
      if (to.isBefore(from)) {
        throw new IllegalArgumentException("to (" + to + ") must not be before from (" + from + ")");
      }
      List<Accuracy> rows = new ArrayList<>();
      for (YearMonth month = from; !month.isAfter(to); month = month.plusMonths(1)) {
        Instant start = month.atDay(1).atStartOfDay(zone).toInstant();
        Instant end = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
        int forecastDeals = 0;
        BigDecimal weighted = BigDecimal.ZERO;
        BigDecimal commit = BigDecimal.ZERO;
        int wonDeals = 0;
        BigDecimal won = BigDecimal.ZERO;
        for (Deal deal : deals) {
          SalesProcess process = byId.get(deal.processId());
          stageOf(byId, deal);
          AsOf then = AsOf.of(process, deal, start);
          if (then != null && then.stage.kind() == StageKind.OPEN && then.expectedClose != null
              && YearMonth.from(then.expectedClose).equals(month)) {
            Stage.ForecastCategory category = then.category != null ? then.category : then.stage.forecastCategory();
            forecastDeals++;
            weighted = weighted.add(weigh(then.amount, then.stage.winProbability().orElse(0.0), category));
            if (category == Stage.ForecastCategory.COMMIT) {
              commit = commit.add(then.amount);
            }
          }
          Instant wonAt = wonAt(process, deal);
          if (wonAt != null && !wonAt.isBefore(start) && wonAt.isBefore(end)) {
            wonDeals++;
            won = won.add(deal.facts().amount().orElse(BigDecimal.ZERO));
          }
        }
        rows.add(new Accuracy(month, forecastDeals, weighted, commit, wonDeals, won));
      }
      return List.copyOf(rows);
    }

    /**
     * Returns accuracy rows as comma-separated values (RFC 4180) after a header:
     * {@code month,forecast_deals,forecast_weighted,forecast_commit,won_deals,won,won_to_forecast}.
     *
     * @param rows rows from {@link #accuracy}
     * @return the CSV text
     */
    public static String accuracyCsv(List<Accuracy> rows) {
      Csv csv = new Csv().row("month", "forecast_deals", "forecast_weighted", "forecast_commit", "won_deals", "won",
          "won_to_forecast");
      for (Accuracy row : Objects.requireNonNull(rows, "rows must not be null")) {
        csv.row(row.month(), row.forecastDeals(), row.forecastWeighted(), row.forecastCommit(), row.wonDeals(),
            row.won(), row.wonToForecast());
      }
      return csv.toString();
    }

    @Override
    public String toString() {
      return "Forecast{" + lines.size() + " deals, weighted pipeline " + weightedPipeline().toPlainString() + "}";
    }

    /**
     * One deal in the forecast.
     *
     * @param dealId the deal's id
     * @param processId its process
     * @param stageId its stage
     * @param owner its owner, when it has one
     * @param month the month it is expected to close (open deals) or was won in (won deals), when known
     * @param category its forecast category; {@link Stage.ForecastCategory#CLOSED closed} for a won deal
     * @param amount its amount, zero while unknown
     * @param probability its stage's win probability (0 when the stage has none), 1 for a won deal
     * @param weighted {@code amount x probability}; 0 when omitted
     * @since 0.1
     */
    public record Line(String dealId, String processId, String stageId, Optional<String> owner,
        Optional<YearMonth> month, Stage.ForecastCategory category, BigDecimal amount, double probability,
        BigDecimal weighted) {}

    /**
     * The sum of a group of forecast lines.
     *
     * @param key what the lines have in common, for example a month ({@code 2026-03}) or a stage
     * @param deals how many lines
     * @param amount their amounts summed
     * @param weighted their weighted amounts summed
     * @since 0.1
     */
    public record Group(String key, int deals, BigDecimal amount, BigDecimal weighted) {}

    /**
     * One month of {@link #accuracy}: the forecast at its start against what was won in it.
     *
     * @param month the month
     * @param forecastDeals the deals open at its start and expected to close in it
     * @param forecastWeighted their weighted amounts summed
     * @param forecastCommit the amounts of those of them in the commit category
     * @param wonDeals the deals won during the month
     * @param won their amounts summed
     * @since 0.1
     */
    public record Accuracy(YearMonth month, int forecastDeals, BigDecimal forecastWeighted, BigDecimal forecastCommit,
        int wonDeals, BigDecimal won) {

      /** {@return what was won over the weighted forecast, for example 0.9 for 90%; empty when nothing was forecast} */
      public Optional<Double> wonToForecast() {
        return forecastWeighted.signum() == 0 ? Optional.empty()
            : Optional.of(won.divide(forecastWeighted, MathContext.DECIMAL64).doubleValue());
      }
    }

    /** A deal's stage and forecast facts as its history had them at an instant. */
    private static final class AsOf {
      Stage stage;
      BigDecimal amount = BigDecimal.ZERO;
      @Nullable LocalDate expectedClose;
      Stage.@Nullable ForecastCategory category;

      /** Returns the deal as of {@code at}, or null if it did not exist yet. */
      static @Nullable AsOf of(SalesProcess process, Deal deal, Instant at) {
        if (deal.createdAt().isAfter(at)) {
          return null;
        }
        List<TransitionRecord> records = deal.history().asList();
        AsOf then = new AsOf();
        then.stage = process.stage(records.isEmpty() ? deal.stage() : records.get(0).from());
        boolean amountRecorded = false;
        boolean closeRecorded = false;
        boolean categoryRecorded = false;
        for (TransitionRecord record : records) {
          SalesEvent event = record.event();
          boolean before = !record.at().isAfter(at);
          if (before) {
            then.stage = process.stage(record.to());
          }
          BigDecimal amount = event instanceof SalesEvent.ProposalSent p ? p.amount()
              : event instanceof SalesEvent.ForecastUpdated f ? f.amount()
              : event instanceof SalesEvent.ClosedWon w ? w.amount() : null;
          if (amount != null) {
            amountRecorded = true;
            if (before) {
              then.amount = amount;
            }
          }
          if (event instanceof SalesEvent.ForecastUpdated f) {
            categoryRecorded = true;
            if (before) {
              then.category = f.category();
            }
            if (f.expectedClose() != null) {
              closeRecorded = true;
              if (before) {
                then.expectedClose = f.expectedClose();
              }
            }
          }
        }
        if (!amountRecorded) {
          then.amount = deal.facts().amount().orElse(BigDecimal.ZERO);
        }
        if (!closeRecorded) {
          then.expectedClose = deal.facts().expectedClose().orElse(null);
        }
        if (!categoryRecorded) {
          then.category = deal.facts().forecastCategory().orElse(null);
        }
        return then;
      }
    }
  }

  private static Map<String, SalesProcess> byId(Collection<SalesProcess> processes) {
    Map<String, SalesProcess> byId = new HashMap<>();
    for (SalesProcess process : Objects.requireNonNull(processes, "processes must not be null")) {
      byId.put(process.id(), process);
    }
    return byId;
  }

  private static Stage stageOf(Map<String, SalesProcess> processes, Deal deal) {
    SalesProcess process = processes.get(deal.processId());
    if (process == null) {
      throw new IllegalArgumentException("deal '" + deal.id() + "' runs in process '" + deal.processId()
          + "', which is not among the processes given: " + new java.util.TreeSet<>(processes.keySet()));
    }
    return process.findStage(deal.stage()).orElseThrow(() -> new IllegalArgumentException("deal '" + deal.id()
        + "' is in stage '" + deal.stage() + "', which process '" + process.id() + "' does not have"));
  }

  /** The instant a deal first entered a won or post-sale stage, or null if it never did. */
  private static @Nullable Instant wonAt(SalesProcess process, Deal deal) {
    for (TransitionRecord record : deal.history().asList()) {
      if (!record.internal() && process.findStage(record.to()).map(s -> s.kind().isWon()).orElse(false)) {
        return record.at();
      }
    }
    return null;
  }

  // -------------------------------------------------------------------------------------------------- persistence

  /**
   * How persistent the team was: per owner or team, how many follow-ups and rejections its deals saw before they
   * were won or dropped, beside the figures “7-step sales process” (Lucidchart) publishes: 44% of salespeople give up
   * after one rejection, 22% after two, 14% after three and 12% after four, while 80% of sales need at least five
   * follow-ups.
   *
   * <pre>{@code
   * FunnelReport.Persistence persistence = FunnelReport.Persistence.of(processes, deals, deal -> team(deal));
   * persistence.rows().forEach(row -> System.out.println(row.team() + " " + row.droppedShare(1)));
   * }</pre>
   *
   * <p>A deal counts when it is closed: won (in a won or post-sale stage; the follow-ups up to its win count) or
   * dropped (in a lost stage, not disqualified). Rejections are the follow-ups that ended
   * {@link SalesEvent.FollowUpOutcome#REJECTED rejected}. Immutable.
   *
   * @since 0.1
   */
  public static final class Persistence {
    /**
     * The published shares of salespeople who give up after one, two, three and four rejections: 44%, 22%, 14%
     * and 12% (“7-step sales process”, Lucidchart).
     */
    public static final List<Double> PUBLISHED_GIVE_UP_AFTER_REJECTIONS = List.of(0.44, 0.22, 0.14, 0.12);
    /** The published share of sales that need at least five follow-ups: 80% (same source). */
    public static final double PUBLISHED_SALES_NEEDING_FIVE_FOLLOW_UPS = 0.80;
    /** The group of every deal, the first row. */
    public static final String ALL = "all";
    /** The group of deals the team function gave none for. */
    public static final String NO_TEAM = "unassigned";

    private final List<Row> rows;

    private Persistence(List<Row> rows) {
      this.rows = rows;
    }

    /**
     * Builds the report.
     *
     * @param processes the processes the deals run through
     * @param deals the deals; open and disqualified deals are left out
     * @param team the owner or team of a deal; empty puts it under {@value #NO_TEAM}
     * @return the report: a row for all deals, then one per team, by name
     * @throws IllegalArgumentException if a deal runs in a process not given
     */
    public static Persistence of(Collection<SalesProcess> processes, Collection<Deal> deals,
        Function<Deal, Optional<String>> team) {
      Map<String, SalesProcess> byId = byId(processes);
      Objects.requireNonNull(team, "team must not be null");
      Map<String, Tallies> tallies = new java.util.TreeMap<>();
      Tallies all = new Tallies();
      for (Deal deal : Objects.requireNonNull(deals, "deals must not be null")) {
        Stage stage = stageOf(byId, deal);
        boolean won = stage.kind().isWon();
        boolean dropped = stage.kind() == StageKind.LOST && deal.facts().disqualificationReason().isEmpty();
        if (!won && !dropped) {
          continue;
        }
        Instant wonAt = won ? wonAt(byId.get(deal.processId()), deal) : null;
        int followUps = 0;
        int rejections = 0;
        for (DealFacts.FollowUp followUp : deal.facts().followUps().asList()) {
          if (wonAt == null || !followUp.at().isAfter(wonAt)) {
            followUps++;
            if (followUp.outcome() == SalesEvent.FollowUpOutcome.REJECTED) {
              rejections++;
            }
          }
        }
        String name = Objects.requireNonNull(team.apply(deal), "team must not return null").orElse(NO_TEAM);
        for (Tallies t : List.of(all, tallies.computeIfAbsent(name, n -> new Tallies()))) {
          t.add(won, followUps, rejections);
        }
      }
      List<Row> rows = new ArrayList<>();
      rows.add(all.row(ALL));
      tallies.forEach((name, t) -> rows.add(t.row(name)));
      return new Persistence(List.copyOf(rows));
    }

    /**
     * Builds the report per owner: {@code of(processes, deals, FunnelReport::owner)}.
     *
     * @param processes the processes the deals run through
     * @param deals the deals; open and disqualified deals are left out
     * @return the report: a row for all deals, then one per owner, by name; deals without one under
     *     {@value #NO_TEAM}
     * @throws IllegalArgumentException if a deal runs in a process not given
     */
    public static Persistence byOwner(Collection<SalesProcess> processes, Collection<Deal> deals) {
      return of(processes, deals, FunnelReport::owner);
    }

    /** {@return a row for all deals, then one per team, by name} */
    public List<Row> rows() {
      return rows;
    }

    /**
     * Returns the rows as comma-separated values (RFC 4180) after a header: {@code team,won,dropped,
     * follow_ups_per_win,wins_after_five_follow_ups,follow_ups_per_drop,rejections_per_drop,dropped_without_rejection,
     * gave_up_after_1,gave_up_after_2,gave_up_after_3,gave_up_after_4,gave_up_after_5_or_more}: the share of drops
     * without a rejection ({@link Row#droppedShare(int) droppedShare(0)}), then of the drops after a rejection, the
     * share after each number ({@link Row#gaveUpShare(int)}); shares are fractions from 0 to 1, empty when there was
     * nothing to count. A last row, {@code published}, holds the
     * published figures in the same columns.
     *
     * @return the CSV text
     */
    public String csv() {
      Csv csv = new Csv().row("team", "won", "dropped", "follow_ups_per_win", "wins_after_five_follow_ups",
          "follow_ups_per_drop", "rejections_per_drop", "dropped_without_rejection", "gave_up_after_1",
          "gave_up_after_2", "gave_up_after_3", "gave_up_after_4", "gave_up_after_5_or_more");
      for (Row row : rows) {
        csv.row(row.team(), row.won(), row.dropped(), row.followUpsPerWin(), row.winsAfterFiveFollowUps(),
            row.followUpsPerDrop(), row.rejectionsPerDrop(), row.droppedShare(0), row.gaveUpShare(1),
            row.gaveUpShare(2), row.gaveUpShare(3), row.gaveUpShare(4), row.gaveUpShare(5));
      }
      List<Double> p = PUBLISHED_GIVE_UP_AFTER_REJECTIONS;
      csv.row("published", "", "", "", PUBLISHED_SALES_NEEDING_FIVE_FOLLOW_UPS, "", "", "", p.get(0), p.get(1),
          p.get(2), p.get(3), "");
      return csv.toString();
    }

    @Override
    public String toString() {
      return "Persistence{" + rows + "}";
    }

    private static final class Tallies {
      int won;
      int dropped;
      long followUpsWon;
      int winsAfterFive;
      long followUpsDropped;
      long rejectionsDropped;
      final int[] droppedAfter = new int[6];

      void add(boolean isWon, int followUps, int rejections) {
        if (isWon) {
          won++;
          followUpsWon += followUps;
          if (followUps >= 5) {
            winsAfterFive++;
          }
        } else {
          dropped++;
          followUpsDropped += followUps;
          rejectionsDropped += rejections;
          droppedAfter[Math.min(rejections, 5)]++;
        }
      }

      Row row(String name) {
        List<Integer> after = new ArrayList<>(6);
        for (int count : droppedAfter) {
          after.add(count);
        }
        return new Row(name, won, dropped, share(followUpsWon, won), share(winsAfterFive, won),
            share(followUpsDropped, dropped), share(rejectionsDropped, dropped), List.copyOf(after));
      }

      private static Optional<Double> share(long part, int whole) {
        return whole == 0 ? Optional.empty() : Optional.of((double) part / whole);
      }
    }

    /**
     * The persistence of one team (or of all deals).
     *
     * @param team the owner or team, or {@value #ALL}
     * @param won its won deals
     * @param dropped its dropped deals: lost, not disqualified
     * @param followUpsPerWin the average number of follow-ups before a win; empty without wins
     * @param winsAfterFiveFollowUps the share of wins that took at least five follow-ups, to set beside
     *     {@link #PUBLISHED_SALES_NEEDING_FIVE_FOLLOW_UPS}
     * @param followUpsPerDrop the average number of follow-ups before a deal was dropped
     * @param rejectionsPerDrop the average number of rejections before a deal was dropped
     * @param droppedAfterRejections how many deals were dropped after 0, 1, 2, 3, 4, and 5 or more rejections
     * @since 0.1
     */
    public record Row(String team, int won, int dropped, Optional<Double> followUpsPerWin,
        Optional<Double> winsAfterFiveFollowUps, Optional<Double> followUpsPerDrop, Optional<Double> rejectionsPerDrop,
        List<Integer> droppedAfterRejections) {

      /**
       * Returns the share of dropped deals that were dropped after exactly {@code rejections} rejections (5 means
       * five or more), to set beside {@link #PUBLISHED_GIVE_UP_AFTER_REJECTIONS}.
       *
       * @param rejections from 0 to 5
       * @return the share from 0 to 1, or empty when no deal was dropped
       * @throws IllegalArgumentException if {@code rejections} is outside 0 to 5
       */
      public Optional<Double> droppedShare(int rejections) {
        if (rejections < 0 || rejections > 5) {
          throw new IllegalArgumentException("rejections must be between 0 and 5 (five or more), but was "
              + rejections);
        }
        return dropped == 0 ? Optional.empty()
            : Optional.of((double) droppedAfterRejections.get(rejections) / dropped);
      }

      /**
       * Returns, of the deals dropped after at least one rejection, the share dropped after exactly
       * {@code rejections} (5 means five or more): the figure to set beside
       * {@link #PUBLISHED_GIVE_UP_AFTER_REJECTIONS}, which counts salespeople giving up after rejections.
       *
       * @param rejections from 1 to 5
       * @return the share from 0 to 1, or empty when no deal was dropped after a rejection
       * @throws IllegalArgumentException if {@code rejections} is outside 1 to 5
       */
      public Optional<Double> gaveUpShare(int rejections) {
        if (rejections < 1 || rejections > 5) {
          throw new IllegalArgumentException("rejections must be between 1 and 5 (five or more), but was "
              + rejections);
        }
        int afterRejection = dropped - droppedAfterRejections.get(0);
        return afterRejection == 0 ? Optional.empty()
            : Optional.of((double) droppedAfterRejections.get(rejections) / afterRejection);
      }
    }
  }
}
