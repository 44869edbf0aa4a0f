package io.salesflow.examples;

import io.salesflow.BantAssessment;
import io.salesflow.Deal;
import io.salesflow.DealFacts;
import io.salesflow.DealFacts.Objection;
import io.salesflow.EventType;
import io.salesflow.SalesEvent;
import io.salesflow.SalesEvent.ApproachMethod;
import io.salesflow.SalesEvent.ClosingTechnique;
import io.salesflow.SalesEvent.ContactChannel;
import io.salesflow.SalesEvent.FollowUpOutcome;
import io.salesflow.SalesEvent.LeadSource;
import io.salesflow.SalesEvent.LeadTemperature;
import io.salesflow.SalesEvent.LossReason;
import io.salesflow.SalesEvent.ObjectionCategory;
import io.salesflow.SalesEvent.StakeholderRole;
import io.salesflow.SalesProcess;
import io.salesflow.Stage;
import io.salesflow.StageKind;
import io.salesflow.Transition;
import io.salesflow.catalog.CatalogEvents;
import io.salesflow.catalog.SalesCatalog;
import io.salesflow.engine.DealEngine;
import io.salesflow.engine.FireResult;
import io.salesflow.engine.FireResult.RejectionKind;
import io.salesflow.testkit.EventGenerator;
import io.salesflow.testkit.ManualClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;

/**
 * A sales team working deals through a process, as the catalog's articles describe it: about half of the prospects
 * are not a fit (“8 Key Stages that the Best Sales Process Covers” (SmartWinnr): "at least 50%"), prospects go quiet
 * and reps give up on them at the rates “7-step sales process” (Lucidchart) reports (44% after one rejection, 22%
 * after two, 14% after three, 12% after four; 80% of sales need five follow-ups), prospects raise objections that
 * send deals back, and closing succeeds more often with some approaches, closing techniques and lead temperatures
 * than others (made-up effects, so the analytics have something to find).
 *
 * <p>The rep knows nothing but the process: the next move is the first transition of the shortest path to a win;
 * when a guard says no, the rep reads what blocks the deal and does what the stage allows (another channel, the
 * contract, the buy-in, resolving objections) before trying again.
 *
 * <p>Time passes as it does for a rep: before each step the rep waits a random time typical of the stage (see
 * {@link #typicalStep(Stage)}), hours in a stage where deals stall within a week, days in longer ones; follow-ups to
 * a quiet prospect go out about every three days. The same seed gives the same deals, events and instants.
 */
final class PipelineSimulator {
  /** One fired event and what the engine answered; replayed on another engine to compare. */
  record Step(String dealId, SalesEvent event, FireResult result) {}

  /**
   * One simulated deal: when it started, the facts, stage and owner it started with, and every event fired at it; an
   * expansion deal (an upsell of a won deal, say) starts past the first stages with its parent named in its facts.
   */
  record DealRun(String dealId, Instant startedAt, DealFacts facts, String entryStage, @Nullable String owner,
      List<Step> steps) {

    /** {@return how an engine starts this deal again} */
    DealEngine.Start start(String processId) {
      DealEngine.Start start = DealEngine.Start.of(dealId, processId).facts(facts).entryStage(entryStage);
      return owner == null ? start : start.owner(owner);
    }
  }

  /** The reps of the simulated team, the deals' owners: deals are dealt to them in turn. */
  static final List<String> REPS = List.of("avery", "blake", "casey", "devon");

  private static final List<ContactChannel> CHANNELS = List.of(ContactChannel.EMAIL, ContactChannel.PHONE,
      ContactChannel.VIDEO_CALL, ContactChannel.IN_PERSON, ContactChannel.SOCIAL);
  private static final double[] GIVE_UP_AFTER = {0.44, 0.22, 0.14, 0.12}; // per rejection, Lucidchart's figures
  private static final int MAX_EVENTS = 90;

  private final SalesProcess process;
  private final DealEngine engine;
  private final ManualClock clock;
  private final SplittableRandom random;
  private final Instant end;
  private final EventGenerator events;
  private final Map<String, List<Transition>> pathToWin = new HashMap<>();
  /** Expansion deals started from won deals, run after the deal that started them. */
  private final List<DealRun> expansions = new ArrayList<>();
  private int dealt;

  PipelineSimulator(SalesProcess process, DealEngine engine, ManualClock clock, long seed, Instant end) {
    this.process = process;
    this.engine = engine;
    this.clock = clock;
    this.random = new SplittableRandom(seed);
    this.end = end;
    this.events = EventGenerator.forProcess(process);
    for (Stage stage : process.stages()) {
      pathToWin.put(stage.id(), shortestPathToWin(stage.id()));
    }
  }

  /** The stage-changing transitions of the shortest path from {@code from} to a won or post-sale stage. */
  private List<Transition> shortestPathToWin(String from) {
    for (Map.Entry<String, List<Transition>> path : process.graph().shortestPathsFrom(from).entrySet()) {
      if (!path.getKey().equals(from) && process.stage(path.getKey()).kind().isWon()) {
        return path.getValue();
      }
    }
    return List.of();
  }

  /** A simulated prospect and the rep working it. */
  private final class Prospect {
    final boolean fit = random.nextDouble() >= 0.5;
    final LeadTemperature temperature = pick(new LeadTemperature[] {LeadTemperature.COLD, LeadTemperature.WARM,
        LeadTemperature.HOT}, new double[] {0.45, 0.35, 0.20});
    final ApproachMethod approach = pick(new ApproachMethod[] {ApproachMethod.PREMIUM, ApproachMethod.QUESTION,
        ApproachMethod.PRODUCT}, new double[] {0.3, 0.4, 0.3});
    final ClosingTechnique technique = pick(new ClosingTechnique[] {ClosingTechnique.ALTERNATIVE_CHOICE,
        ClosingTechnique.EXTRA_INDUCEMENT, ClosingTechnique.STANDING_ROOM_ONLY}, new double[] {0.4, 0.35, 0.25});
    final int persistence = persistence();
    final LeadSource source = pick(new LeadSource[] {LeadSource.INBOUND, LeadSource.OUTBOUND, LeadSource.REFERRAL,
        LeadSource.PARTNER, LeadSource.NEW}, new double[] {0.35, 0.35, 0.15, 0.10, 0.05});
    final BigDecimal budget = BigDecimal.valueOf(5_000 + random.nextInt(0, 96) * 1_000L);
    int channel = random.nextInt(CHANNELS.size());
    final Set<String> quietIn = new HashSet<>();

    double winChance() {
      double p = 0.55;
      p += approach == ApproachMethod.QUESTION ? 0.10 : approach == ApproachMethod.PRODUCT ? -0.10 : 0;
      p += technique == ClosingTechnique.ALTERNATIVE_CHOICE ? 0.05
          : technique == ClosingTechnique.STANDING_ROOM_ONLY ? -0.10 : 0;
      p += temperature == LeadTemperature.HOT ? 0.10 : temperature == LeadTemperature.COLD ? -0.15 : 0;
      p += source == LeadSource.REFERRAL ? 0.15 : source == LeadSource.OUTBOUND ? -0.05 : 0;
      return p;
    }

    ContactChannel nextChannel() {
      return CHANNELS.get(channel++ % CHANNELS.size());
    }
  }

  private int persistence() {
    double r = random.nextDouble();
    for (int i = 0; i < GIVE_UP_AFTER.length; i++) {
      if (r < GIVE_UP_AFTER[i]) {
        return i + 1;
      }
      r -= GIVE_UP_AFTER[i];
    }
    return Integer.MAX_VALUE; // the 8% who keep going
  }

  private <T> T pick(T[] values, double[] weights) {
    double r = random.nextDouble();
    for (int i = 0; i < values.length - 1; i++) {
      if (r < weights[i]) {
        return values[i];
      }
      r -= weights[i];
    }
    return values[values.length - 1];
  }

  private Instant time;
  private List<Step> steps;
  private Deal deal;

  /**
   * Runs one deal, started at {@code start}, until it is won or lost or the simulated period ends, then the expansion
   * deals started from it, if it was won; returns the deal's run followed by theirs.
   */
  List<DealRun> runWithExpansions(String dealId, Instant start) {
    expansions.clear();
    List<DealRun> runs = new ArrayList<>();
    Prospect prospect = new Prospect();
    DealFacts facts = DealFacts.builder().leadSource(prospect.source).build();
    runs.add(run(dealId, start, prospect, facts, process.initialStage().id(), REPS.get(dealt++ % REPS.size())));
    List<DealRun> started = List.copyOf(expansions);
    runs.addAll(started);
    return runs;
  }

  /** Runs one deal, started at {@code start}, until it is won or lost or the simulated period ends. */
  DealRun run(String dealId, Instant start) {
    return run(dealId, start, new Prospect(), DealFacts.none(), process.initialStage().id(), null);
  }

  private DealRun run(String dealId, Instant start, Prospect prospect, DealFacts facts, String entryStage,
      @Nullable String owner) {
    time = start;
    clock.set(start);
    steps = new ArrayList<>();
    DealEngine.Start first = DealEngine.Start.of(dealId, process.id()).facts(facts).entryStage(entryStage);
    deal = engine.start(owner == null ? first : first.owner(owner));
    if (facts.leadSource().isPresent()) {
      forecast(prospect);
    }
    int stuck = 0;
    String lastStage = deal.stage();
    while (steps.size() < MAX_EVENTS && !process.stage(deal.stage()).isTerminal() && time.isBefore(end)) {
      Stage stage = process.stage(deal.stage());
      if (!prospect.fit && has(EventType.DISQUALIFIED)) {
        if (has(EventType.QUALIFICATION_ASSESSED)) {
          fire(new SalesEvent.QualificationAssessed(step(), BantAssessment.builder()
              .budget(prospect.budget.divide(BigDecimal.TEN), false).build()));
        }
        if (has(EventType.DISQUALIFIED)) {
          fire(new SalesEvent.Disqualified(step(),
              random.nextBoolean() ? "no budget for this" : "not the right buyer"));
          continue;
        }
      }
      if (stage.kind() == StageKind.OPEN && !prospect.quietIn.contains(stage.id()) && random.nextDouble() < 0.12) {
        prospect.quietIn.add(stage.id());
        if (!followUpQuietProspect(prospect)) {
          continue;
        }
      }
      if (has(EventType.OBJECTION_RAISED) && random.nextDouble() < 0.15) {
        fire(new SalesEvent.ObjectionRaised(step(), ObjectionCategory.values()[random.nextInt(6)], "raised in "
            + stage.id()));
        continue;
      }
      List<Transition> path = pathToWin.get(stage.id());
      if (path.isEmpty()) {
        fire(new SalesEvent.ClosedLost(step(), LossReason.OTHER, "no way forward"));
        continue;
      }
      Transition next = path.get(0);
      SalesEvent event = next.event().equals(EventType.CLOSED_WON) && random.nextDouble() > prospect.winChance()
          ? new SalesEvent.ClosedLost(step(), random.nextBoolean() ? LossReason.PRICE : LossReason.COMPETITOR,
              "lost at " + stage.id(), prospect.technique)
          : goodEvent(next.event(), prospect);
      FireResult result = fire(event);
      if (result instanceof FireResult.Rejected rejected && rejected.kind() == RejectionKind.GUARD_DENIED) {
        unblock(prospect);
      }
      if (process.stage(deal.stage()).kind() == StageKind.POST_SALE && !lastStage.equals(deal.stage())
          && deal.facts().parentDealId().isEmpty() && deal.facts().expansions().isEmpty()) {
        maybeExpand(prospect);
      }
      if (deal.stage().equals(lastStage)) {
        if (++stuck >= 6) {
          fire(new SalesEvent.ClosedLost(step(), LossReason.NO_DECISION, "stalled in " + lastStage));
        }
      } else {
        stuck = 0;
        lastStage = deal.stage();
      }
    }
    return new DealRun(dealId, start, facts, entryStage, owner, List.copyOf(steps));
  }

  /**
   * The rep's first forecast of a new deal (close in three to eight weeks, at the prospect's budget) and the
   * stakeholders met early, within hours: one to four, the first a decision-maker half of the time.
   */
  private void forecast(Prospect prospect) {
    Instant at = later(Duration.ofHours(2));
    fire(new SalesEvent.ForecastUpdated(at, LocalDate.ofInstant(at, ZoneOffset.UTC).plusDays(20 + random.nextInt(40)),
        prospect.budget, null));
    int stakeholders = 1 + random.nextInt(4);
    for (int i = 0; i < stakeholders; i++) {
      StakeholderRole role = i == 0 && random.nextBoolean() ? StakeholderRole.DECISION_MAKER
          : StakeholderRole.values()[2 + random.nextInt(StakeholderRole.values().length - 2)];
      fire(new SalesEvent.StakeholderEngaged(later(Duration.ofHours(2)), "contact-" + i, role));
    }
  }

  /**
   * A won customer asks for more a quarter of the time: the rep records an upsell, cross-sell or renewal on the
   * customer's deal and works the new deal, linked to it, from the process's expansion entry stage.
   */
  private void maybeExpand(Prospect prospect) {
    if (!has(EventType.EXPANSION_STARTED) || random.nextDouble() >= 0.25) {
      return;
    }
    LeadSource kind = pick(new LeadSource[] {LeadSource.UPSELL, LeadSource.CROSS_SELL, LeadSource.RENEWAL},
        new double[] {0.5, 0.25, 0.25});
    String parentId = deal.id();
    String childId = parentId + "-" + kind.label();
    fire(new SalesEvent.ExpansionStarted(step(), kind, childId));
    Deal parent = deal;
    Instant parentTime = time;
    List<Step> parentSteps = steps;
    DealFacts facts = DealFacts.builder().leadSource(kind).parentDealId(parentId).build();
    Prospect customer = new Prospect();
    expansions.add(run(childId, time, customer, facts, SalesCatalog.expansionEntryStage(process, kind),
        parent.owner()));
    deal = parent;
    time = parentTime;
    steps = parentSteps;
    clock.set(time);
  }

  /** The prospect went quiet: follow up as persistently as this rep does; returns whether the deal goes on. */
  private boolean followUpQuietProspect(Prospect prospect) {
    if (!has(EventType.FOLLOW_UP_LOGGED)) {
      return true;
    }
    int rejections = 0;
    for (int made = 1; made <= 8; made++) {
      boolean answered = random.nextDouble() < 0.3;
      boolean rejected = !answered && random.nextDouble() < 0.5;
      rejections += rejected ? 1 : 0;
      fire(new SalesEvent.FollowUpLogged(later(Duration.ofDays(3)), prospect.nextChannel(),
          answered ? FollowUpOutcome.RESPONDED : rejected ? FollowUpOutcome.REJECTED : FollowUpOutcome.NO_RESPONSE));
      if (answered) {
        return true;
      }
      if (rejected && rejections >= prospect.persistence) { // the rep gives up after this many rejections
        if (fire(new SalesEvent.ClosedLost(step(), LossReason.NO_DECISION, "declined")).isAccepted()) {
          return false;
        }
      }
      if (made >= prospect.persistence) {
        FireResult drop = fire(new SalesEvent.ClosedLost(step(), LossReason.NO_RESPONSE, "went quiet"));
        if (drop.isAccepted()) {
          return false;
        }
        if (has(CatalogEvents.NURTURE_STARTED) && fire(new SalesEvent.Custom(CatalogEvents.NURTURE_STARTED, step()))
            .isAccepted()) {
          return false;
        }
      }
    }
    return !fire(new SalesEvent.ClosedLost(step(), LossReason.NO_RESPONSE, "went quiet")).isAccepted();
  }

  /** After a guard said no: do what the stage allows to satisfy it, one internal move each. */
  private void unblock(Prospect prospect) {
    for (Objection objection : List.copyOf(deal.facts().openObjections())) {
      if (has(EventType.OBJECTION_RESOLVED)) {
        fire(new SalesEvent.ObjectionResolved(step(), objection.category()));
      }
    }
    for (Transition t : process.transitionsFrom(deal.stage())) {
      if (t.internal() && !t.event().equals(EventType.OBJECTION_RAISED)
          && !t.event().equals(EventType.OBJECTION_RESOLVED) && !t.event().equals(EventType.FOLLOW_UP_LOGGED)
          && !t.event().equals(EventType.REFERRAL_RECEIVED) && !t.event().equals(EventType.FORECAST_UPDATED)
          && !t.event().equals(EventType.STAKEHOLDER_ENGAGED) && !t.event().equals(EventType.EXPANSION_STARTED)) {
        if (t.event().equals(CatalogEvents.BUY_IN_CONFIRMED)) {
          fire(CatalogEvents.buyInConfirmed(step(), CatalogEvents.BuyInSide.BUYER, "buyer"));
          fire(CatalogEvents.buyInConfirmed(step(), CatalogEvents.BuyInSide.SELLER, "vp sales"));
        } else {
          fire(goodEvent(t.event(), prospect));
        }
      }
    }
  }

  private boolean has(EventType type) {
    return !process.transitions(deal.stage(), type).isEmpty();
  }

  /**
   * Waits as long as the rep takes over the next step in the deal's stage, and returns the instant after: the
   * time it takes a prospect to answer, a meeting to be found or a contract to come back signed.
   */
  private Instant step() {
    return later(typicalStep(process.stage(deal.stage())));
  }

  /**
   * The median wait before a step in a stage: a sixth of the stage's stall threshold, so about a day where a deal
   * stalls after a week without contact, two to three days in a two-week stage, five in a 30-day post-sale stage;
   * a day where the stage has no threshold.
   */
  static Duration typicalStep(Stage stage) {
    return stage.stallAfter().map(d -> d.dividedBy(6)).orElse(Duration.ofDays(1));
  }

  /**
   * Moves the simulated time on by a random wait and returns the new instant: log-normal around {@code median}, so
   * most waits are between a third of it and three times it (hours to days, not minutes), and never under an hour.
   */
  private Instant later(Duration median) {
    double factor = Math.exp(0.75 * random.nextGaussian());
    long minutes = Math.max(60, Math.round(median.toMinutes() * factor));
    time = time.plus(Duration.ofMinutes(minutes));
    return time;
  }

  private FireResult fire(SalesEvent event) {
    clock.set(event.occurredAt());
    FireResult result = engine.fire(deal.id(), event);
    steps.add(new Step(deal.id(), event, result));
    deal = result.deal();
    return result;
  }

  /**
   * The next event of the given type for this prospect: the events the story is about carry what a good rep records
   * for the prospect (contact with its approach method, lead temperature, qualification on its budget, the proposal
   * and win at that budget with its closing technique, a fast buyer); the events of any other type, built-in or the
   * catalog's, come from the testkit's {@link EventGenerator}, so a new event type needs nothing here.
   */
  private SalesEvent goodEvent(EventType type, Prospect prospect) {
    Instant at = step();
    if (type.equals(EventType.CONTACT_MADE)) {
      return new SalesEvent.ContactMade(at, prospect.nextChannel(), prospect.approach);
    }
    if (type.equals(EventType.LEAD_SCORED)) {
      return new SalesEvent.LeadScored(at, prospect.temperature == LeadTemperature.COLD && random.nextDouble() < 0.3
          ? LeadTemperature.WARM : prospect.temperature);
    }
    if (type.equals(EventType.QUALIFICATION_ASSESSED)) {
      return new SalesEvent.QualificationAssessed(at, BantAssessment.builder().budget(prospect.budget, true)
          .authority(true, 2 + random.nextInt(9)).painPoints("slow reporting", "manual quotes")
          .decisionBy(LocalDate.ofInstant(at, ZoneOffset.UTC).plusDays(14 + random.nextInt(40))).build());
    }
    if (type.equals(EventType.PROPOSAL_SENT)) {
      return new SalesEvent.ProposalSent(at, prospect.budget);
    }
    if (type.equals(EventType.CLOSED_WON)) {
      return new SalesEvent.ClosedWon(at, prospect.budget, prospect.technique);
    }
    if (type.equals(CatalogEvents.BUYER_SEGMENTED)) {
      return CatalogEvents.buyerSegmented(at, CatalogEvents.SEGMENT_FAST);
    }
    return events.event(type, at, random);
  }
}
