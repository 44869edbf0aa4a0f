package io.salesflow.spring;

import io.salesflow.Deal;
import io.salesflow.DealFacts;
import io.salesflow.SalesEvent;
import io.salesflow.SalesProcess;
import io.salesflow.Stage;
import io.salesflow.StageKind;
import io.salesflow.engine.DealEngine;
import io.salesflow.engine.FireResult;
import io.salesflow.testkit.ManualClock;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/** Runs the same seeded walk on two engines and says where they first differ. */
final class EngineDriver {
  private EngineDriver() {}

  /** What one call did: a result, or the exception it threw, compared by class and message. */
  record Outcome(FireResult result, String thrown) {
    static Outcome of(Supplier<? extends FireResult> call) {
      try {
        return new Outcome(call.get(), null);
      } catch (RuntimeException e) {
        return new Outcome(null, e.getClass().getName() + ": " + e.getMessage());
      }
    }

    @Override
    public String toString() {
      return thrown != null ? "threw " + thrown : result.toString();
    }
  }

  /** Counts of what walks did, so a test can check that they exercised what they were meant to. */
  static final class Tally {
    long steps;
    long accepted;
    long internal;
    long thrown;
    long terminalEntries;
    long overrides;
    long migrations;
    long ownersAssigned;
    long keyedAdministrative;
    final java.util.Map<String, Long> byKind = new java.util.TreeMap<>();
    final java.util.Set<io.salesflow.Transition> taken =
        java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    final java.util.Set<String> outcomesReached = new java.util.TreeSet<>();

    void add(SalesProcess process, Outcome outcome) {
      steps++;
      if (outcome.thrown() != null) {
        thrown++;
        return;
      }
      FireResult result = outcome.result();
      if (result instanceof FireResult.Accepted accepted) {
        this.accepted++;
        if (accepted.transition().internal()) {
          internal++;
        }
        Stage to = process.stage(accepted.transition().to());
        if (to.isTerminal()) {
          terminalEntries++;
          outcomesReached.add(to.kind().name());
        }
      } else {
        byKind.merge(((FireResult.Rejected) result).kind().name(), 1L, Long::sum);
      }
    }

    @Override
    public String toString() {
      return steps + " steps: " + accepted + " accepted (" + internal + " internal), rejected " + byKind + ", "
          + thrown + " thrown, outcomes " + outcomesReached + " (" + terminalEntries + "), " + taken.size()
          + " transitions taken, " + overrides + " overrides, " + migrations + " migrations, " + ownersAssigned
          + " owners assigned, " + keyedAdministrative + " of those under a key, each retried";
    }
  }

  /**
   * Starts deal {@code dealId} on both engines and fires a seeded random walk at it, failing at the first step where
   * the engines disagree; the message names the seed and the step.
   */
  static void walk(SalesProcess process, String dealId, long seed, DealEngine reference, DealEngine candidate,
      ManualClock clock, Tally tally) {
    walk(process, dealId, seed, reference, candidate, clock, tally, 42);
  }

  /** Like {@link #walk(SalesProcess, String, long, DealEngine, DealEngine, ManualClock, Tally)}, shorter walks. */
  static void walk(SalesProcess process, String dealId, long seed, DealEngine reference, DealEngine candidate,
      ManualClock clock, Tally tally, int maxLength) {
    walk(process, null, dealId, seed, reference, candidate, clock, tally, maxLength);
  }

  /**
   * Like {@link #walk(SalesProcess, String, long, DealEngine, DealEngine, ManualClock, Tally)}, and when a plan is
   * given, with administrative steps among the events: overrides to random stages (reopening closed deals too),
   * changes of owner, and once the migration of the deal by the plan, after which it runs on the plan's new version.
   * The deal starts on the plan's old version, which both engines must run, as the new one.
   */
  static void walk(SalesProcess process, SalesProcess.@Nullable MigrationPlan plan, String dealId, long seed,
      DealEngine reference, DealEngine candidate, ManualClock clock, Tally tally, int maxLength) {
    RandomGenerator random = new java.util.SplittableRandom(seed);
    List<Stage> open = process.stages(StageKind.OPEN, StageKind.POST_SALE);
    String entry = random.nextInt(5) == 0 ? open.get(random.nextInt(open.size())).id() : process.initialStage().id();
    DealFacts facts = random.nextBoolean() ? DealFacts.none() : DealFacts.builder().source("web")
        .putAttributes("campaign", "autumn").build();
    DealEngine.Start start = DealEngine.Start.of(dealId, process.id()).facts(facts).entryStage(entry);
    if (plan != null) {
      start = start.processVersion(plan.fromVersion());
    }
    Deal expected = reference.start(start);
    Deal actual = candidate.start(start);
    check(actual, expected, process, seed, 0, "start");
    int length = 1 + random.nextInt(maxLength);
    int afterTerminal = 0;
    for (int step = 1; step <= length && afterTerminal < 2; step++) {
      clock.advance(java.time.Duration.ofMinutes(1 + random.nextInt(3000)));
      Deal now = reference.get(dealId);
      SalesProcess running = plan != null && now.processVersion() == plan.toVersion() ? plan.to() : process;
      if (plan != null && random.nextInt(8) == 0) {
        administrativeStep(running, plan, dealId, now, random, reference, candidate, process, seed, step, tally);
        Deal after = reference.get(dealId);
        if ((after.processVersion() == plan.toVersion() ? plan.to() : process).stage(after.stage()).isTerminal()) {
          afterTerminal++;
        }
        continue;
      }
      SalesEvent event = RandomEvents.next(running, now.stage(), random, clock.instant());
      Outcome want;
      Outcome got;
      if (random.nextInt(20) == 0) {
        long version = now.version() - random.nextInt(2);
        want = Outcome.of(() -> reference.fire(dealId, version, event));
        got = Outcome.of(() -> candidate.fire(dealId, version, event));
      } else {
        want = Outcome.of(() -> reference.fire(dealId, event));
        got = Outcome.of(() -> candidate.fire(dealId, event));
      }
      check(got, want, process, seed, step, event);
      tally.add(running, want);
      if (want.result() instanceof FireResult.Accepted accepted && running == process) {
        io.salesflow.engine.CompiledProcess.Decision decision = io.salesflow.engine.CompiledProcess.Decision.firstAllowed(process,
            io.salesflow.GuardContext.of(now, event, accepted.transition().at()),
            process.transitions(now.stage(), event.type()));
        tally.taken.add(((io.salesflow.engine.CompiledProcess.Decision.Take) decision).transition());
      }
      if (running.stage(reference.get(dealId).stage()).isTerminal()) {
        afterTerminal++;
      }
    }
    check(candidate.get(dealId), reference.get(dealId), process, seed, length, "end of walk");
  }

  /**
   * An override, a new owner or the migration, done on both engines and compared. On every other step an override or
   * new owner goes with options (an idempotency key, on every fourth step an expected version too, a stale one on
   * every eighth) and is retried at once under the same key, which must answer as the first call did.
   */
  private static void administrativeStep(SalesProcess running, SalesProcess.MigrationPlan plan, String dealId,
      Deal now, RandomGenerator random, DealEngine reference, DealEngine candidate, SalesProcess process, long seed,
      int step, Tally tally) {
    int roll = random.nextInt(3);
    DealEngine.Fire options = step % 2 == 0 ? keyed(step, now) : null;
    Outcome want;
    Outcome got;
    String what;
    if (roll == 0 && now.processVersion() == plan.fromVersion()) {
      what = "migration";
      want = Outcome.of(() -> reference.migrate(dealId, plan, "ops-ann", "moving to version " + plan.toVersion()));
      got = Outcome.of(() -> candidate.migrate(dealId, plan, "ops-ann", "moving to version " + plan.toVersion()));
      tally.migrations++;
    } else if (roll == 1) {
      String owner = List.of("rep-ann", "rep-bob", "rep-chen").get(random.nextInt(3));
      what = "owner " + owner;
      if (options == null) {
        want = Outcome.of(() -> reference.assignOwner(dealId, owner, "manager-max"));
        got = Outcome.of(() -> candidate.assignOwner(dealId, owner, "manager-max"));
      } else {
        want = Outcome.of(() -> reference.assignOwner(dealId, options, owner));
        got = Outcome.of(() -> candidate.assignOwner(dealId, options, owner));
        check(got, want, process, seed, step, what + " " + options);
        what = what + " retried under " + options;
        check(Outcome.of(() -> reference.assignOwner(dealId, options, owner)), want, process, seed, step, what);
        got = Outcome.of(() -> candidate.assignOwner(dealId, options, owner));
        tally.keyedAdministrative++;
      }
      tally.ownersAssigned++;
    } else {
      List<Stage> stages = running.stages();
      String target = stages.get(random.nextInt(stages.size())).id();
      what = "override to " + target;
      if (options == null) {
        want = Outcome.of(() -> reference.override(dealId, target, "manager-max", "pipeline review"));
        got = Outcome.of(() -> candidate.override(dealId, target, "manager-max", "pipeline review"));
      } else {
        want = Outcome.of(() -> reference.override(dealId, options, target, "pipeline review"));
        got = Outcome.of(() -> candidate.override(dealId, options, target, "pipeline review"));
        check(got, want, process, seed, step, what + " " + options);
        what = what + " retried under " + options;
        check(Outcome.of(() -> reference.override(dealId, options, target, "pipeline review")), want, process, seed,
            step, what);
        got = Outcome.of(() -> candidate.override(dealId, options, target, "pipeline review"));
        tally.keyedAdministrative++;
      }
      tally.overrides++;
    }
    check(got, want, process, seed, step, what);
    check(candidate.get(dealId), reference.get(dealId), process, seed, step, what + " (stored)");
  }

  /** Options with a key for the step; with the deal's version or, on every eighth step, the one before it. */
  private static DealEngine.Fire keyed(int step, Deal now) {
    DealEngine.Fire options = DealEngine.Fire.by("manager-max").idempotencyKey("admin-" + step);
    return step % 4 != 0 ? options : options.expectedVersion(Math.max(0, now.version() - (step % 8 == 0 ? 1 : 0)));
  }

  private static void check(Object actual, Object expected, SalesProcess process, long seed, int step,
      Object what) {
    if (!Objects.equals(actual, expected)) {
      throw new AssertionError("engines differ in process '" + process.id() + "', walk seed " + seed + ", step "
          + step + " (" + what + "):\n  expected: " + expected + "\n  actual:   " + actual);
    }
  }
}
