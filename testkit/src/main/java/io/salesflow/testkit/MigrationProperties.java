package io.salesflow.testkit;

import io.salesflow.Deal;
import io.salesflow.SalesEvent;
import io.salesflow.SalesProcess;
import io.salesflow.SalesProcess.MigrationPlan;
import io.salesflow.Stage;
import io.salesflow.StageKind;
import io.salesflow.TransitionRecord;
import io.salesflow.engine.DealEngine;
import io.salesflow.engine.FireResult;
import io.salesflow.store.DealStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;

/**
 * Property-tests a {@link MigrationPlan}: deals in random states of the old version, on one engine that runs both
 * versions, are migrated in bulk, and every one must land where the plan says with its history intact.
 *
 * <pre>{@code
 * @Test
 * void myPlanMovesEveryDealSafely() {
 *   MigrationProperties.forPlan(plan).deals(300).check();
 * }
 * }</pre>
 *
 * <p>{@link #check()} starts the deals on the old version (a quarter of them in a random open or post-sale stage,
 * half with an owner) and fires up to 15 generated events at each, so they sit in every stage the old version
 * reaches, won and lost included. It then runs {@link DealEngine#migrateAll} in small batches and checks each deal:
 * <ul>
 *   <li>migrated, it is in a stage of the new version, the one the plan maps its old stage to, on the new version;
 *       its version went up by one and its history is the old one plus one record, continuous, saying from which
 *       stage and version to which, who and why, with the facts the plan makes and, as the plan allows, the
 *       requirements it did not meet;</li>
 *   <li>refused, which only a plan that refuses deals missing a required field may do, it is unchanged and listed
 *       with the reasons;</li>
 *   <li>running the plan again migrates nothing, and migrating one deal again returns its recorded migration;</li>
 *   <li>a migrated deal keeps running: an event generated for it on the new version is decided by the new version,
 *       with every invariant of {@link ProcessInvariants} holding.</li>
 * </ul>
 * A failure names the deal, the property and the run's seed; {@link #seed(long)} with it replays the run.
 *
 * <p>A configuration object: not thread-safe, but {@link #check()} may be called any number of times.
 *
 * @since 0.1
 */
public final class MigrationProperties {
  /** The actor the property's migrations are recorded with. */
  static final String ACTOR = "testkit-migration";
  /** The reason the property's migrations are recorded with. */
  static final String REASON = "checking the migration plan";
  static final String LANDS = "a migrated deal is in the stage of the new version the plan maps its stage to";
  static final String ONE_RECORD = "a migration adds one continuous history record and raises the version by one";
  static final String RECORDED = "the migration is recorded with who, why, from and to";
  static final String FACTS = "a migrated deal has the facts the plan makes";
  static final String REFUSED = "only a plan that refuses deals missing a required field refuses, and changes nothing";
  static final String ONCE = "a deal is migrated once";
  static final String KEEPS_RUNNING = "a migrated deal keeps running on the new version";

  private final MigrationPlan plan;
  private EngineFactory engines = EngineFactory.tableEngine();
  private int deals = 200;
  private @Nullable Long seed;

  private MigrationProperties(MigrationPlan plan) {
    this.plan = plan;
  }

  /**
   * Returns properties for {@code plan}, on the table engine, with 200 deals.
   *
   * @param plan the plan under test
   * @return the configuration, to adjust and then {@link #check()}
   */
  public static MigrationProperties forPlan(MigrationPlan plan) {
    return new MigrationProperties(Objects.requireNonNull(plan, "plan must not be null"));
  }

  /**
   * Sets the engine under test; defaults to {@link EngineFactory#tableEngine()}. It is given both of the plan's
   * versions.
   *
   * @param engines creates the engine of a run
   * @return this configuration
   */
  public MigrationProperties engine(EngineFactory engines) {
    this.engines = Objects.requireNonNull(engines, "engines must not be null");
    return this;
  }

  /**
   * Sets how many deals a run migrates; defaults to 200.
   *
   * @param deals the number of deals, at least 1
   * @return this configuration
   * @throws IllegalArgumentException if {@code deals} is less than 1
   */
  public MigrationProperties deals(int deals) {
    if (deals < 1) {
      throw new IllegalArgumentException("deals must be at least 1, but was " + deals);
    }
    this.deals = deals;
    return this;
  }

  /**
   * Fixes the seed of the run, so the deals are the same each time; by default each run picks a new one.
   *
   * @param seed the run's seed
   * @return this configuration
   */
  public MigrationProperties seed(long seed) {
    this.seed = seed;
    return this;
  }

  /**
   * Runs the property.
   *
   * @throws AssertionError naming the first deal that breaks it, the property broken and the run's seed
   */
  public void check() {
    long runSeed = seed == null ? new SplittableRandom().nextLong() : seed;
    SplittableRandom random = new SplittableRandom(runSeed);
    ManualClock clock = ManualClock.startingAt(WalkRunner.EPOCH);
    try (DealEngine engine = engines.create(clock, DealStore.inMemory(), List.of(plan.from(), plan.to()))) {
      Map<String, Deal> before = startDeals(engine, clock, random);
      clock.advance(Duration.ofDays(1));
      List<DealEngine.MigrationProgress> reports = new ArrayList<>();
      DealEngine.MigrationProgress progress = engine.migrateAll(plan, ACTOR, REASON, 16, reports::add);
      Map<String, List<String>> refused = new LinkedHashMap<>();
      progress.refused().forEach(r -> refused.put(r.dealId(), r.reasons()));
      if (!progress.finished() || reports.isEmpty() || !reports.get(reports.size() - 1).equals(progress)
          || progress.migrated() + refused.size() != before.size()) {
        fail(runSeed, null, ONCE, "the bulk migration reported " + progress + " (after " + reports.size()
            + " reports) for " + before.size() + " deals");
      }
      EventGenerator newEvents = EventGenerator.forProcess(plan.to());
      for (Deal old : before.values()) {
        Deal now = engine.get(old.id());
        String failure = refused.containsKey(old.id()) ? checkRefused(old, now, refused.get(old.id()))
            : checkMigrated(old, now);
        if (failure == null) {
          failure = checkOnce(engine, now);
        }
        if (failure == null && !refused.containsKey(old.id())) {
          failure = checkKeepsRunning(engine, clock, newEvents, now, random);
        }
        if (failure != null) {
          int split = failure.indexOf('|');
          fail(runSeed, old, failure.substring(0, split), failure.substring(split + 1));
        }
      }
      DealEngine.MigrationProgress again = engine.migrateAll(plan, ACTOR, REASON);
      if (again.migrated() != 0 || again.refused().size() != refused.size()) {
        fail(runSeed, null, ONCE, "running the plan a second time reported " + again);
      }
    } catch (AssertionError failure) {
      throw failure;
    } catch (RuntimeException e) {
      throw new AssertionError("migration plan of process '" + plan.processId() + "' from version "
          + plan.fromVersion() + " to " + plan.toVersion() + ": the engine threw " + e + ".\nSeed: " + runSeed
          + "; replay with MigrationProperties.forPlan(plan).deals(" + deals + ").seed(" + runSeed + "L).check()", e);
    }
  }

  private Map<String, Deal> startDeals(DealEngine engine, ManualClock clock, SplittableRandom random) {
    SalesProcess from = plan.from();
    EventGenerator oldEvents = EventGenerator.forProcess(from);
    List<Stage> entries = from.stages(StageKind.OPEN, StageKind.POST_SALE);
    Map<String, Deal> started = new LinkedHashMap<>();
    for (int i = 0; i < deals; i++) {
      String id = "M-" + i;
      DealEngine.Start start = DealEngine.Start.of(id, from.id()).processVersion(from.version());
      if (random.nextInt(4) == 0) {
        start = start.entryStage(entries.get(random.nextInt(entries.size())).id());
      }
      if (random.nextBoolean()) {
        start = start.owner(Payloads.pick(List.of("rep-ann", "rep-bob", "rep-chen"), random));
      }
      Deal deal = engine.start(start);
      int steps = random.nextInt(16);
      for (int step = 0; step < steps && !from.stage(deal.stage()).isTerminal(); step++) {
        clock.advance(Duration.ofMinutes(30 + random.nextInt(3_000)));
        deal = engine.fire(id, oldEvents.eventFor(deal, clock.instant(), random)).deal();
      }
      started.put(id, engine.get(id));
    }
    return started;
  }

  /** Returns null when the deal was migrated as the plan says, or "property|what went wrong". */
  private @Nullable String checkMigrated(Deal old, Deal now) {
    String expectedStage = plan.targetStage(old.stage());
    if (now.processVersion() != plan.toVersion() || !now.stage().equals(expectedStage)
        || plan.to().findStage(now.stage()).isEmpty()) {
      return LANDS + "|it is in stage '" + now.stage() + "' of version " + now.processVersion() + ", expected '"
          + expectedStage + "' of version " + plan.toVersion();
    }
    List<TransitionRecord> records = now.history().asList();
    if (now.version() != old.version() + 1 || records.size() != old.history().size() + 1
        || !records.subList(0, old.history().size()).equals(old.history().asList())
        || !Invariants.continuity(now).isEmpty()) {
      return ONE_RECORD + "|it went from version " + old.version() + " with history " + old.history().asList()
          + " to version " + now.version() + " with " + records;
    }
    TransitionRecord record = records.get(records.size() - 1);
    List<String> unmet = plan.unmetRequirements(expectedStage, plan.migrateFacts(old.facts()));
    boolean internal = old.stage().equals(expectedStage);
    if (!(record.event() instanceof SalesEvent.DealMigrated migrated) || migrated.fromVersion() != plan.fromVersion()
        || migrated.toVersion() != plan.toVersion() || !migrated.reason().equals(REASON)
        || !migrated.exceptions().equals(unmet) || !ACTOR.equals(record.actor())
        || !record.from().equals(old.stage()) || !record.to().equals(expectedStage) || record.internal() != internal
        || !now.enteredStageAt().equals(internal ? old.enteredStageAt() : record.at())) {
      return RECORDED + "|its migration was recorded as " + record + " with " + record.event() + ", entered stage at "
          + now.enteredStageAt() + "; expected a deal-migrated record from '" + old.stage() + "' (version "
          + plan.fromVersion() + ") to '" + expectedStage + "' (version " + plan.toVersion() + ") by " + ACTOR
          + " with exceptions " + unmet;
    }
    if (!now.facts().equals(plan.migrateFacts(old.facts())) || !Objects.equals(now.owner(), old.owner())
        || !Objects.equals(now.startKey(), old.startKey()) || !now.createdAt().equals(old.createdAt())) {
      return FACTS + "|its facts became " + now.facts() + " (owner " + now.owner() + ") instead of "
          + plan.migrateFacts(old.facts()) + " (owner " + old.owner() + ")";
    }
    return null;
  }

  private @Nullable String checkRefused(Deal old, Deal now, List<String> reasons) {
    List<String> unmet = plan.unmetRequirements(plan.targetStage(old.stage()), plan.migrateFacts(old.facts()));
    if (plan.missingFields() != MigrationPlan.MissingFields.REFUSE || unmet.isEmpty() || !now.equals(old)
        || reasons.isEmpty()) {
      return REFUSED + "|it was refused with " + reasons + " under a plan that "
          + (plan.missingFields() == MigrationPlan.MissingFields.REFUSE ? "refuses" : "moves")
          + " deals missing a field; its unmet requirements are " + unmet + "; it went from " + old + " to " + now;
    }
    return null;
  }

  /** Migrating the deal again must write nothing. */
  private @Nullable String checkOnce(DealEngine engine, Deal now) {
    FireResult again = engine.migrate(now.id(), plan, ACTOR, REASON);
    Deal stored = engine.get(now.id());
    long migrations = stored.history().stream().filter(r -> r.event() instanceof SalesEvent.DealMigrated).count();
    boolean refused = now.processVersion() == plan.fromVersion();
    if (!stored.equals(now) || migrations != (refused ? 0 : 1)
        || refused != (again instanceof FireResult.Rejected)
        || !refused && !again.equals(new FireResult.Accepted(now, now.lastTransition().orElseThrow()))) {
      return ONCE + "|migrating it again answered " + again + " and left it at " + stored + " with " + migrations
          + " migration records";
    }
    return null;
  }

  private @Nullable String checkKeepsRunning(DealEngine engine, ManualClock clock, EventGenerator newEvents,
      Deal migrated, SplittableRandom random) {
    clock.advance(Duration.ofMinutes(30 + random.nextInt(3_000)));
    SalesEvent event = newEvents.eventFor(migrated, clock.instant(), random);
    FireResult result;
    try {
      result = engine.fire(migrated.id(), event);
    } catch (RuntimeException e) {
      return KEEPS_RUNNING + "|firing " + event + " at it threw " + e;
    }
    List<Violation> violations = Invariants.step(plan.to(), migrated, migrated, event, result,
        engine.get(migrated.id()));
    return violations.isEmpty() ? null
        : KEEPS_RUNNING + "|after the migration, " + event + " broke \"" + violations.get(0).invariant() + "\": "
            + violations.get(0).message();
  }

  private void fail(long runSeed, @Nullable Deal deal, String property, String what) {
    throw new AssertionError("migration plan of process '" + plan.processId() + "' from version "
        + plan.fromVersion() + " to " + plan.toVersion() + ": "
        + (deal == null ? "" : "deal '" + deal.id() + "' (in '" + deal.stage() + "' at version " + deal.version()
            + ") ") + "broke the property \"" + property + "\": " + what + ".\nSeed: " + runSeed
        + "; replay with MigrationProperties.forPlan(plan).deals(" + deals + ").seed(" + runSeed + "L).check()");
  }
}
