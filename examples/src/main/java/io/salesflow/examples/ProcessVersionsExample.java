package io.salesflow.examples;

import io.salesflow.BantAssessment;
import io.salesflow.Deal;
import io.salesflow.DealFacts;
import io.salesflow.EventType;
import io.salesflow.SalesEvent;
import io.salesflow.SalesEvent.ContactChannel;
import io.salesflow.SalesEvent.LossReason;
import io.salesflow.SalesProcess;
import io.salesflow.Stage;
import io.salesflow.StageKind;
import io.salesflow.TransitionGuard;
import io.salesflow.TransitionRecord;
import io.salesflow.analytics.FunnelReport;
import io.salesflow.catalog.CatalogEvents;
import io.salesflow.catalog.SalesCatalog;
import io.salesflow.engine.DealEngine;
import io.salesflow.engine.FireResult;
import io.salesflow.guard.SalesGuards;
import io.salesflow.store.DealStore;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A process that changes under live deals: deals run on the five-step process, a version 2 with onboarding and
 * follow-up stages is registered, new deals start on it, a plan migrates the old ones, and the history says who did
 * what, and why; a sales manager's override and a change of owner are recorded the same way.
 */
public final class ProcessVersionsExample {
  /** Who runs the migration in the example. */
  static final String OPS = "ops-ann";
  /** Why, as the migrated deals' history records it. */
  static final String WHY = "five-step grows onboarding and follow-up stages";

  private ProcessVersionsExample() {}

  /**
   * What {@link #run} did, for the tests to check.
   *
   * @param before the deals as they were on version 1, by stage
   * @param fresh the deal started after version 2 was registered, as it is at the end
   * @param stillOnVersionOne an event fired at a version-1 deal after version 2 was registered
   * @param progress the bulk migration's final report
   * @param after the same deals as {@code before}, after the migration
   * @param override the sales manager's override of the fresh deal
   * @param report the funnel of version 2 over every deal at the end
   * @param history the history of the deal won on version 1 and migrated out of post-sale, as printed
   */
  public record Outcome(Map<String, Deal> before, Deal fresh, FireResult stillOnVersionOne,
      DealEngine.MigrationProgress progress, Map<String, Deal> after, FireResult.Accepted override,
      FunnelReport report, List<String> history) {}

  /**
   * Returns version 2 of the five-step process: the post-sale stage becomes onboarding then follow-up, as in the
   * eight-step process, and a deal needs an amount (sent with a proposal) to enter closing.
   *
   * @return version 2 of {@code five-step}
   */
  public static SalesProcess fiveStepWithOnboarding() {
    SalesProcess v1 = SalesCatalog.fiveStep();
    // tag::versions-define[]
    SalesProcess v2 = v1.toBuilder()
        .version(2)
        .name("Five-step sales process with onboarding")
        .replaceStage(v1.stage("closing").toBuilder().addRequiredToEnter("amount").build()) // a tightened rule
        .internal("handling-objections", EventType.PROPOSAL_SENT)         // the proposal brings the amount
        .removeStage("post-sale")                                          // one post-sale stage becomes two
        .stageAfter("closing", Stage.postSale("onboarding", "Onboarding"))
        .stageAfter("onboarding", Stage.postSale("follow-up", "Follow-up"))
        .transition("closing", EventType.CLOSED_WON, "onboarding",
            SalesGuards.noOpenObjections().and(TransitionGuard.requiredFields("contract")))
        .transition("onboarding", EventType.ONBOARDING_DONE, "follow-up")
        .internal("onboarding", EventType.FOLLOW_UP_LOGGED)
        .internal("follow-up", EventType.FOLLOW_UP_LOGGED)
        .internal("follow-up", EventType.REFERRAL_RECEIVED)
        .transition("follow-up", CatalogEvents.POST_SALE_COMPLETED, "customer")
        .build();
    // end::versions-define[]
    return v2;
  }

  /**
   * Runs the whole story on one store: deals in every stage of version 1, version 2 registered, a new deal, the
   * migration, an override past a guard and a new owner.
   *
   * @param engines a fresh engine builder each time, for example {@code DealEngine::tableEngine}
   * @param clock the clock of both engines and of the events
   * @return what happened
   */
  public static Outcome run(Supplier<DealEngine.Builder> engines, Clock clock) {
    DealStore store = DealStore.inMemory();
    SalesProcess v1 = SalesCatalog.fiveStep();
    Map<String, Deal> before;
    try (DealEngine onVersionOne = engines.get().process(v1).store(store).clock(clock).build()) {
      before = oneDealPerStage(onVersionOne, clock);
    }
    Instant now = clock.instant();

    // tag::versions-register[]
    SalesProcess v2 = fiveStepWithOnboarding();
    DealEngine engine = engines.get().process(v1).process(v2).store(store).clock(clock).build();

    Deal fresh = engine.start(DealEngine.Start.of("D-100", "five-step").owner("rep-ann").actor("web-form"));
    // fresh.processVersion() is 2: new deals start on the latest version

    FireResult stillOnVersionOne = engine.fire("D-presentation", new SalesEvent.PresentationDelivered(now));
    // accepted on version 1, which the deal runs on until it is migrated
    // end::versions-register[]

    List<DealEngine.MigrationProgress> reports = new ArrayList<>();
    // tag::versions-migrate[]
    SalesProcess.MigrationPlan plan = SalesProcess.MigrationPlan.builder(v1, v2)
        .map("post-sale", "onboarding")            // every other stage keeps its id in version 2
        .missingFields(SalesProcess.MigrationPlan.MissingFields.MOVE_WITH_EXCEPTION) // closing needs an amount now
        .build();                                  // refused, listing every problem, if a stage were left unmapped

    DealEngine.MigrationProgress progress = engine.migrateAll(plan, "ops-ann", "five-step grows onboarding and"
        + " follow-up stages", 500, reports::add); // in batches; run it again after a crash to finish
    // end::versions-migrate[]

    List<String> history = new ArrayList<>();
    // tag::versions-history[]
    for (TransitionRecord record : engine.get("D-signed").history()) {
      history.add(record.toString());
    }
    // v1 closing (internal) on contract-signed at ... by unknown
    // v2 closing -> post-sale on closed-won at ... by unknown
    // v3 post-sale -> onboarding on deal-migrated at ... by ops-ann
    SalesEvent.DealMigrated migrated = (SalesEvent.DealMigrated) engine.get("D-signed").lastTransition()
        .orElseThrow().event();
    // migrated.fromVersion() 1, migrated.toVersion() 2, migrated.reason() "five-step grows onboarding and ..."
    // end::versions-history[]
    history.add(migrated.fromVersion() + " -> " + migrated.toVersion() + ": " + migrated.reason());

    engine.fire("D-100", new SalesEvent.ContactMade(now, ContactChannel.PHONE), DealEngine.Fire.by("rep-ann"));
    // tag::overrides[]
    FireResult denied = engine.fire("D-100", new SalesEvent.QualificationAssessed(now,
        BantAssessment.builder().budget(new BigDecimal("40000"), true).build()), DealEngine.Fire.by("rep-ann"));
    // rejected: BANT needs all four dimensions confirmed

    FireResult.Accepted override = engine.override("D-100", "presentation", "manager-max",
        "authority, need and timing confirmed with the CFO in person");
    engine.assignOwner("D-100", "rep-bob", "manager-max");   // recorded too: from rep-ann to rep-bob

    FunnelReport report = FunnelReport.of(v2, engine.store().findByProcess("five-step"), clock.instant());
    // report.stage("qualification").overridden() counts D-100 apart: not a conversion the guard allowed
    // report.winRateBy(FunnelReport::owner) and report.byOwner() cut the funnel by rep
    // end::overrides[]
    if (denied.isAccepted()) {
      throw new IllegalStateException("the guard let a partial BANT through: " + denied);
    }

    Map<String, Deal> after = new LinkedHashMap<>();
    before.keySet().forEach(id -> after.put(id, engine.get(id)));
    Deal freshNow = engine.get("D-100");
    engine.close();
    return new Outcome(before, freshNow, stillOnVersionOne, progress, after, override, report, history);
  }

  /** Starts one deal in each open and post-sale stage of version 1, and one won and one lost. */
  private static Map<String, Deal> oneDealPerStage(DealEngine engine, Clock clock) {
    SalesProcess v1 = engine.process("five-step");
    Map<String, Deal> deals = new LinkedHashMap<>();
    for (Stage stage : v1.stages(StageKind.OPEN, StageKind.POST_SALE)) {
      String id = "D-" + stage.id();
      engine.start(DealEngine.Start.of(id, v1.id()).entryStage(stage.id()).owner(owner(deals.size()))
          .facts(DealFacts.builder().source("web").build()));
      deals.put(id, engine.get(id));
    }
    Instant now = clock.instant();
    engine.start(DealEngine.Start.of("D-lost", v1.id()).entryStage("presentation").owner("rep-bob"));
    engine.fire("D-lost", new SalesEvent.ClosedLost(now, LossReason.COMPETITOR, "signed elsewhere"));
    deals.put("D-lost", engine.get("D-lost"));
    engine.start(DealEngine.Start.of("D-won", v1.id()).entryStage("closing").owner("rep-ann"));
    engine.fire("D-won", new SalesEvent.ContractSigned(now));
    engine.fire("D-won", new SalesEvent.ClosedWon(now, new BigDecimal("24000")));
    engine.fire("D-won", new SalesEvent.Custom(CatalogEvents.POST_SALE_COMPLETED, now));
    deals.put("D-won", engine.get("D-won"));
    engine.start(DealEngine.Start.of("D-signed", v1.id()).entryStage("closing").owner("rep-chen"));
    engine.fire("D-signed", new SalesEvent.ContractSigned(now));
    engine.fire("D-signed", new SalesEvent.ClosedWon(now, new BigDecimal("18000")));
    deals.put("D-signed", engine.get("D-signed"));
    return deals;
  }

  private static String owner(int index) {
    return List.of("rep-ann", "rep-bob", "rep-chen").get(index % 3);
  }

  /**
   * Runs the story on the table engine and prints what it did.
   *
   * @param args none
   */
  public static void main(String[] args) {
    Outcome outcome = run(DealEngine::tableEngine, Clock.systemUTC());
    System.out.println("new deal " + outcome.fresh());
    System.out.println(outcome.progress());
    outcome.after().forEach((id, deal) -> System.out.println("  " + id + ": " + deal.stage() + " on version "
        + deal.processVersion()));
    outcome.history().forEach(line -> System.out.println("  " + line));
    System.out.println("override: " + outcome.override().transition());
    System.out.println("win rate by owner: " + outcome.report().winRateBy(FunnelReport::owner));
  }
}
