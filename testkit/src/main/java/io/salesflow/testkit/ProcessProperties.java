package io.salesflow.testkit;

import io.salesflow.EventType;
import io.salesflow.SalesEvent;
import io.salesflow.SalesProcess;
import io.salesflow.store.DealStore;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.BiFunction;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;
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
 * each, checking every invariant of {@link ProcessInvariants} after every event. A walk that breaks one is shrunk to
 * a shortest sub-sequence that still breaks it (delta debugging: dropping chunks, then single events, replaying on a
 * fresh engine each time), and a {@link WalkFailure} prints it with the original length and the walk's seed;
 * {@link #replay(long)} with that seed fails the same way. Without {@link #seed(long)}, each run picks a new seed,
 * printed on failure.
 *
 * <p>A configuration object: not thread-safe, but {@link #check()} may be called any number of times.
 *
 * @since 0.1
 */
public final class ProcessProperties {
  private final SalesProcess process;
  private EngineFactory engines = EngineFactory.tableEngine();
  private int walks = 200;
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
   * Returns properties for {@code process}, on the table engine, with 200 walks of up to 30 events.
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
    return this;
  }

  /**
   * Sets how many random walks {@link #check()} runs; defaults to 200.
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
   * guards read. See {@link EventGenerator#withPayload}.
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
   * Runs the walks.
   *
   * @throws WalkFailure for the first walk that breaks an invariant, shrunk, with its seed
   */
  public void check() {
    runWalks(seed == null ? new SplittableRandom().nextLong() : seed);
  }

  /**
   * Runs the one walk with the given seed (from a {@link WalkFailure}) under this configuration: the same process,
   * engine and {@link #maxSteps(int)}.
   *
   * @param walkSeed the walk's own seed, as {@link WalkFailure#seed()} gives it; not the run's seed
   * @throws WalkFailure if the walk breaks an invariant, shrunk as {@link #check()} shrinks it
   */
  public void replay(long walkSeed) {
    runWalk(walkSeed, "replayed walk");
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
    return Stream.concat(ProcessPaths.of(process).dynamicTests(engines, maxPathLength, maxPaths, events),
        Stream.of(walking));
  }

  private void runWalks(long runSeed) {
    SplittableRandom seeds = new SplittableRandom(runSeed);
    long[] walkSeeds = IntStream.range(0, walks).mapToLong(i -> seeds.nextLong()).toArray();
    for (int i = 0; i < walks; i++) {
      runWalk(walkSeeds[i], "walk " + (i + 1) + " of " + walks + " (run seed " + runSeed + ")");
    }
  }

  private void runWalk(long walkSeed, String which) {
    WalkRunner runner = new WalkRunner(process,
        clock -> engines.create(clock, DealStore.inMemory(), List.of(process)));
    List<SalesEvent> walk = events.walk(new SplittableRandom(walkSeed), maxSteps);
    Optional<WalkRunner.Failure> failure = runner.run(walk);
    if (failure.isEmpty()) {
      return;
    }
    String invariant = failure.get().violation().invariant();
    List<SalesEvent> shrunk = Shrinker.shrink(walk.subList(0, failure.get().step()),
        candidate -> runner.run(candidate).filter(f -> f.violation().invariant().equals(invariant)).isPresent());
    WalkRunner.Failure last = runner.run(shrunk).orElse(failure.get());
    String events = IntStream.range(0, shrunk.size())
        .mapToObj(i -> "  " + (i + 1) + ". " + shrunk.get(i))
        .collect(Collectors.joining("\n"));
    String message = "process '" + process.id() + "' on engine '" + last.engine() + "': " + which
        + " broke the invariant \"" + invariant + "\".\n"
        + "Shrunk from " + walk.size() + " to " + shrunk.size() + " events:\n"
        + (shrunk.isEmpty() ? "  (none: starting the deal broke it)" : events) + "\n"
        + "Event " + last.step() + " broke it: " + last.violation().message() + "\n"
        + "Seed: " + walkSeed + "; replay with ProcessProperties.forProcess(process).maxSteps(" + maxSteps
        + ").replay(" + walkSeed + "L) on the same engine.";
    throw new WalkFailure(message, walkSeed, invariant, shrunk, walk.size());
  }

  private static int atLeastOne(int value, String what) {
    if (value < 1) {
      throw new IllegalArgumentException(what + " must be at least 1, but was " + value);
    }
    return value;
  }
}
