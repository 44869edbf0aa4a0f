package io.salesflow.testkit;

import io.salesflow.Deal;
import io.salesflow.DealFacts;
import io.salesflow.EventType;
import io.salesflow.SalesEvent;
import io.salesflow.SalesProcess;
import io.salesflow.Stage;
import io.salesflow.store.DealStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DynamicTest;

/**
 * The testkit's entry point: property-tests one process on one engine with a single call.
 *
 * <pre>{@code
 * @Test
 * void myProcessHoldsItsInvariants() {
 *   ProcessProperties.forProcess(myProcess).walks(500).check();
 * }
 *
 * @TestFactory
 * Stream<DynamicTest> myProcess() {
 *   return ProcessProperties.forProcess(myProcess).engine(EngineFactory.tableEngine()).dynamicTests();
 * }
 * }</pre>
 *
 * <p>{@link #check()} fires seeded random walks from {@link EventGenerator#walk} at a fresh deal on a fresh engine
 * each: two in three deals start in the initial stage, the others in another open or post-sale stage with the facts
 * of a few earlier events, as an imported or referred deal starts. After every event it compares the engine's answer
 * with the definition's own decision for the same deal, event and instant, and checks every invariant of
 * {@link ProcessInvariants}; a guard, listener, store or engine that throws is a failure too. A walk that breaks one
 * is shrunk to a shortest sub-sequence that still breaks it (delta debugging: dropping chunks, then single events,
 * replaying on a fresh engine each time), and a {@link WalkFailure} prints it with the original length, the walk's
 * seed and a JUnit test to paste; {@link #replay(long)} with that seed fails the same way. Without
 * {@link #seed(long)}, each run picks a new seed, printed on failure. {@link #check()} returns the {@link Coverage} of
 * its walks, and fails below a {@link #requireCoverage(Coverage.Floor) floor} you set.
 *
 * <p>A configuration object: not thread-safe, but {@link #check()} may be called any number of times.
 *
 * @since 0.1
 */
public final class ProcessProperties {
  private final SalesProcess process;
  private EngineFactory engines = EngineFactory.tableEngine();
  private @Nullable String enginesExpression = "EngineFactory.tableEngine()";
  private boolean compareReasons = true;
  private Coverage.@Nullable Floor floor;
  private int walks = 300;
  private int maxSteps = 30;
  private int maxPathLength = 12;
  private int maxPaths = 200;
  private @Nullable Long seed;
  private EventGenerator events;

  private ProcessProperties(SalesProcess process) {
    this.process = process;
    this.events = EventGenerator.forProcess(process);
  }

  /**
   * Returns properties for {@code process}, on the table engine, with 300 walks of up to 30 events.
   *
   * @param process the process under test
   * @return the configuration, to adjust and then {@link #check()}
   */
  public static ProcessProperties forProcess(SalesProcess process) {
    return new ProcessProperties(Objects.requireNonNull(process, "process must not be null"));
  }

  /**
   * Sets the engine under test; defaults to {@link EngineFactory#tableEngine()}.
   *
   * @param engines creates a fresh engine for every walk and path
   * @return this configuration
   */
  public ProcessProperties engine(EngineFactory engines) {
    this.engines = Objects.requireNonNull(engines, "engines must not be null");
    this.enginesExpression = null;
    return this;
  }

  /**
   * Sets how many random walks {@link #check()} runs; defaults to 300.
   *
   * @param walks the number of walks, at least 1
   * @return this configuration
   * @throws IllegalArgumentException if {@code walks} is less than 1
   */
  public ProcessProperties walks(int walks) {
    this.walks = atLeastOne(walks, "walks");
    return this;
  }

  /**
   * Sets the most events a walk has; defaults to 30. Walks end a few events after the deal is won or lost.
   *
   * @param maxSteps the most events per walk, from 1 to 10,000
   * @return this configuration
   * @throws IllegalArgumentException if {@code maxSteps} is less than 1 or above 10,000
   */
  public ProcessProperties maxSteps(int maxSteps) {
    if (maxSteps > EventGenerator.MAX_WALK_LENGTH) {
      throw new IllegalArgumentException("maxSteps must be between 1 and " + EventGenerator.MAX_WALK_LENGTH
          + ", but was " + maxSteps);
    }
    this.maxSteps = atLeastOne(maxSteps, "maxSteps");
    return this;
  }

  /**
   * Bounds the exhaustive paths of {@link #dynamicTests()}; defaults to paths of at most 12 transitions, 200 paths.
   *
   * @param maxLength the most transitions a path to an outcome may have, at least 1
   * @param maxPaths the most paths to outcomes tested, at least 1
   * @return this configuration
   * @throws IllegalArgumentException if a bound is less than 1
   */
  public ProcessProperties paths(int maxLength, int maxPaths) {
    this.maxPathLength = atLeastOne(maxLength, "maxLength");
    this.maxPaths = atLeastOne(maxPaths, "maxPaths");
    return this;
  }

  /**
   * Makes events of {@code type} with {@code payload} in walks and paths: for custom events whose attributes your
   * guards read (the catalog's custom events have payloads already). See {@link EventGenerator#withPayload}.
   *
   * @param type the event type the payload is for
   * @param payload makes an event of {@code type} from the event's time and the walk's random generator
   * @return this configuration
   */
  public ProcessProperties payload(EventType type, BiFunction<Instant, RandomGenerator, ? extends SalesEvent> payload) {
    this.events = events.withPayload(type, payload);
    return this;
  }

  /**
   * Fixes the seed of the run, so every walk is the same each time; by default each run picks a new one.
   *
   * @param seed the run's seed, from which each walk's seed is drawn
   * @return this configuration
   */
  public ProcessProperties seed(long seed) {
    this.seed = seed;
    return this;
  }

  /**
   * Accepts a rejection whose reasons differ from the definition's, as long as its kind is the same: for an engine
   * that words its reasons differently on purpose. By default the reasons must be exactly the definition's.
   *
   * @return this configuration
   */
  public ProcessProperties ignoreRejectionReasons() {
    this.compareReasons = false;
    return this;
  }

  /**
   * Makes {@link #check()} fail when its walks, all passing, cover less than {@code floor}: fewer stages visited,
   * transitions taken or guard verdicts seen than required. By default any coverage passes.
   *
   * <pre>{@code
   * ProcessProperties.forProcess(process).requireCoverage(Coverage.Floor.everything()).check();
   * }</pre>
   *
   * @param floor the least coverage; {@link Coverage.Floor#everything()} requires every stage, every transition and
   *     every guard seen both allowing and denying
   * @return this configuration
   */
  public ProcessProperties requireCoverage(Coverage.Floor floor) {
    this.floor = Objects.requireNonNull(floor, "floor must not be null");
    return this;
  }

  /**
   * Runs the walks. After every event of every walk, the engine's answer is compared with what the definition itself
   * decides for the same deal, event and instant: accepted with the same transition record, target stage, facts and
   * version, or rejected with the same kind and reasons; and every invariant of {@link ProcessInvariants} is
   * checked. A guard, listener, store or engine that throws is a failure too.
   *
   * @return what the walks covered, by the definition's decisions
   * @throws WalkFailure for the first walk that breaks an invariant, shrunk, with its seed
   * @throws AssertionError if every walk passed but they covered less than {@link #requireCoverage(Coverage.Floor)}
   *     requires
   */
  public Coverage check() {
    return runWalks(seed == null ? new SplittableRandom().nextLong() : seed);
  }

  /**
   * Runs the one walk with the given seed (from a {@link WalkFailure}) under this configuration: the same process,
   * engine, payloads and {@link #maxSteps(int)}.
   *
   * @param walkSeed the walk's own seed, as {@link WalkFailure#seed()} gives it; not the run's seed
   * @return what the walk covered
   * @throws WalkFailure if the walk breaks an invariant, shrunk as {@link #check()} shrinks it
   */
  public Coverage replay(long walkSeed) {
    Coverage.Counter counter = new Coverage.Counter(process);
    runWalk(walkSeed, "the replayed walk", counter);
    return counter.coverage();
  }

  /**
   * Fires exactly these events, in order, at a new deal on a new engine and checks every step as {@link #check()}
   * does: for scenarios of your own, and for the regression tests {@link WalkFailure#regressionTest(String, String)}
   * writes. The deal is started in the initial stage; the engine's clock reads each event's time while it is fired.
   *
   * @param walk the events to fire
   * @return what the walk covered
   * @throws WalkFailure if an event breaks an invariant, with the walk shrunk as {@link #check()} shrinks it
   */
  public Coverage checkWalk(List<SalesEvent> walk) {
    return checkWalk(Walk.fromInitialStage(process, copy(walk)));
  }

  /**
   * Fires exactly these events, in order, at a deal started in {@code stage} with {@code facts} (as a deal imported
   * from a CRM or referred in is started), and checks every step as {@link #check()} does.
   *
   * @param stage the open or post-sale stage to start the deal in
   * @param facts what is known about the deal when it starts; {@code DealFacts.none().apply(event)} gives the facts
   *     an earlier event leaves
   * @param walk the events to fire
   * @return what the walk covered
   * @throws IllegalArgumentException if the process has no open or post-sale stage {@code stage}
   * @throws WalkFailure if an event breaks an invariant, with the walk shrunk as {@link #check()} shrinks it
   */
  public Coverage checkWalk(String stage, DealFacts facts, List<SalesEvent> walk) {
    Objects.requireNonNull(stage, "stage must not be null");
    Objects.requireNonNull(facts, "facts must not be null");
    if (process.findStage(stage).filter(s -> !s.isTerminal()).isEmpty()) {
      throw new IllegalArgumentException("process '" + process.id() + "' has no open or post-sale stage '" + stage
          + "' to start a deal in; its stages are " + process.stages().stream().map(Stage::id).toList());
    }
    return checkWalk(new Walk(stage, facts, null, copy(walk)));
  }

  private Coverage checkWalk(Walk walk) {
    Coverage.Counter counter = new Coverage.Counter(process);
    failIfBroken(walk, null, "the given walk", counter);
    return counter.coverage();
  }

  private static List<SalesEvent> copy(List<SalesEvent> walk) {
    return List.copyOf(Objects.requireNonNull(walk, "walk must not be null"));
  }

  /**
   * Returns dynamic tests for a {@code @TestFactory}: a test per shortest path to each stage and per simple path to
   * an outcome (see {@link ProcessPaths}), and one test running the random walks.
   *
   * @return the tests; the walking test is last and names its run seed
   */
  public Stream<DynamicTest> dynamicTests() {
    long runSeed = seed == null ? new SplittableRandom().nextLong() : seed;
    DynamicTest walking = DynamicTest.dynamicTest(walks + " random walks of up to " + maxSteps + " events (seed "
        + runSeed + ")", () -> runWalks(runSeed));
    return Stream.concat(ProcessPaths.of(process).dynamicTests(engines, maxPathLength, maxPaths, events,
        compareReasons), Stream.of(walking));
  }

  private Coverage runWalks(long runSeed) {
    SplittableRandom seeds = new SplittableRandom(runSeed);
    long[] walkSeeds = IntStream.range(0, walks).mapToLong(i -> seeds.nextLong()).toArray();
    Coverage.Counter counter = new Coverage.Counter(process);
    for (int i = 0; i < walks; i++) {
      runWalk(walkSeeds[i], "walk " + (i + 1) + " of " + walks + " (run seed " + runSeed + ")", counter);
    }
    Coverage coverage = counter.coverage();
    if (floor != null) {
      List<String> shortfalls = coverage.shortfalls(floor);
      if (!shortfalls.isEmpty()) {
        throw new AssertionError("process '" + process.id() + "': all " + walks
            + " walks (run seed " + runSeed + ") passed, but covered less than required:\n  "
            + String.join("\n  ", shortfalls) + "\nGive payload() generators that meet the guards, more walks() or"
            + " longer ones (maxSteps), or a lower floor.\n" + coverage);
      }
    }
    return coverage;
  }

  private void runWalk(long walkSeed, String which, Coverage.Counter counter) {
    Walk walk;
    try {
      walk = events.randomWalk(new SplittableRandom(walkSeed), maxSteps);
    } catch (RuntimeException e) {
      throw new WalkFailure("process '" + process.id() + "': generating " + which + " broke the invariant \""
          + Invariants.PAYLOADS_ANSWER + "\".", walkSeed, Invariants.PAYLOADS_ANSWER,
          Walk.fromInitialStage(process, List.of()), 0, 0, "generating the walk threw " + e, null, null, process.id(),
          "(none yet)", process.initialStage().id(), List.of(), configuration(), replayHint(walkSeed),
          processExpression(), enginesExpression, e);
    }
    failIfBroken(walk, walkSeed, which, counter);
  }

  private void failIfBroken(Walk walk, @Nullable Long walkSeed, String which, Coverage.Counter counter) {
    WalkRunner runner = new WalkRunner(process,
        clock -> engines.create(clock, DealStore.inMemory(), List.of(process)), compareReasons);
    Optional<WalkRunner.Failure> failure = runner.run(walk, counter);
    if (failure.isEmpty()) {
      return;
    }
    String invariant = failure.get().violation().invariant();
    Predicate<Walk> fails = candidate -> runner.run(candidate, null)
        .filter(f -> f.violation().invariant().equals(invariant)).isPresent();
    Walk shrunk = shrink(walk.withEvents(walk.events().subList(0, failure.get().step())), fails);
    WalkRunner.Failure last = runner.run(shrunk, null).orElse(failure.get());
    if (!last.violation().invariant().equals(invariant)) {
      last = failure.get(); // a walk that fails differently each time it runs: report its first failure
      shrunk = walk.withEvents(walk.events().subList(0, failure.get().step()));
    }
    throw new WalkFailure("process '" + process.id() + "' on engine '" + last.engine() + "': " + which
        + " broke the invariant \"" + invariant + "\".", walkSeed, invariant, shrunk, walk.events().size(),
        last.step(), last.violation().message(), last.expected(), last.actual(), process.id(), last.engine(),
        process.initialStage().id(), expectedOutcomes(shrunk), configuration(),
        walkSeed == null ? null : replayHint(walkSeed), processExpression(), enginesExpression, last.cause());
  }

  /** Shrinks the events, then the earlier events that give the deal its starting facts, then the events again. */
  private static Walk shrink(Walk failing, Predicate<Walk> fails) {
    Walk walk = failing.withEvents(Shrinker.shrink(failing.events(), events -> fails.test(failing.withEvents(events))));
    List<SalesEvent> earlier = walk.startEvents();
    if (earlier == null || earlier.isEmpty()) {
      return walk;
    }
    Walk events = walk;
    List<SalesEvent> fewer = Shrinker.shrink(earlier, candidate -> fails.test(events.withStartEvents(candidate)));
    if (fewer.size() == earlier.size()) {
      return walk;
    }
    Walk started = walk.withStartEvents(fewer);
    return started.withEvents(Shrinker.shrink(started.events(), e -> fails.test(started.withEvents(e))));
  }

  /** The definition's answer to each event of the walk, until a guard throws. */
  private List<String> expectedOutcomes(Walk walk) {
    List<String> outcomes = new ArrayList<>(walk.events().size());
    Deal deal = Deal.builder().id(WalkRunner.DEAL_ID).processId(process.id()).stage(walk.startStage()).version(0)
        .createdAt(WalkRunner.EPOCH).enteredStageAt(WalkRunner.EPOCH).facts(walk.startFacts()).build();
    for (SalesEvent event : walk.events()) {
      try {
        Oracle.Expected expected = Oracle.expect(process, deal, event, event.occurredAt());
        outcomes.add(expected.describe());
        deal = expected.after();
      } catch (Oracle.GuardThrew threw) {
        outcomes.add("the guard \"" + threw.transition().guard().label() + "\" of " + threw.transition()
            + " throws " + threw.getCause());
        break;
      }
    }
    return outcomes;
  }

  private String replayHint(long walkSeed) {
    return "replay with ProcessProperties.forProcess(process).maxSteps(" + maxSteps + ")"
        + configuration() + ".replay(" + walkSeed + "L) on the same engine, with the same payload generators.";
  }

  private String configuration() {
    return compareReasons ? "" : ".ignoreRejectionReasons()";
  }

  /** Java for the process when the testkit knows it: a catalog process, as the catalog returns it. */
  private @Nullable String processExpression() {
    return Payloads.catalogExpression(process);
  }

  private static int atLeastOne(int value, String what) {
    if (value < 1) {
      throw new IllegalArgumentException(what + " must be at least 1, but was " + value);
    }
    return value;
  }
}
