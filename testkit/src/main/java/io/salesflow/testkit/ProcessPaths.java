package io.salesflow.testkit;

import io.salesflow.SalesProcess;
import io.salesflow.Stage;
import io.salesflow.Transition;
import io.salesflow.store.DealStore;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * Bounded exhaustive exploration of a process: every simple path (no stage twice) from the initial stage to each
 * outcome, and the shortest path to each stage, as XState's model-based testing generates them.
 *
 * <pre>{@code
 * @TestFactory
 * Stream<DynamicTest> everyPathToAnOutcome() {
 *   return ProcessPaths.of(process).dynamicTests(EngineFactory.tableEngine(), 12, 500);
 * }
 * }</pre>
 *
 * <p>A dynamic test drives a deal along its path on a fresh engine, generating for each step events of its type until
 * one passes the step's guard (firing the stage's internal events first when the guard needs facts), and checks every
 * invariant after every event. A path whose guard no generated event passes is reported as aborted, not passed.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class ProcessPaths {
  private final SalesProcess process;

  private ProcessPaths(SalesProcess process) {
    this.process = process;
  }

  /**
   * Returns the paths of {@code process}.
   *
   * @param process the process to explore
   * @return the paths, computed when asked for
   */
  public static ProcessPaths of(SalesProcess process) {
    return new ProcessPaths(Objects.requireNonNull(process, "process must not be null"));
  }

  /**
   * A path through a process: stage-changing transitions, each starting where the previous one ended.
   *
   * @param start the stage the path starts in
   * @param steps the transitions taken, in order; empty for the path to the initial stage itself
   * @since 0.1
   */
  public record Path(String start, List<Transition> steps) {
    /**
     * Checks the start and copies the steps.
     *
     * @param start the stage the path starts in
     * @param steps the transitions taken, in order; not checked for continuity
     */
    public Path {
      Objects.requireNonNull(start, "start must not be null");
      steps = List.copyOf(steps);
    }

    /** {@return the stage the path ends in: the last step's target, or the start for a path with no steps} */
    public String end() {
      return steps.isEmpty() ? start : steps.get(steps.size() - 1).target();
    }

    /** {@return the stages visited, the start included, in order} */
    public List<String> stages() {
      List<String> stages = new ArrayList<>();
      stages.add(start);
      steps.forEach(t -> stages.add(t.target()));
      return stages;
    }

    @Override
    public String toString() {
      return start + steps.stream().map(t -> " -[" + t.event() + "]-> " + t.target()).collect(Collectors.joining());
    }
  }

  /**
   * Returns every simple path from the initial stage to a won or lost stage, in depth-first order, at most
   * {@code maxPaths} of them and none longer than {@code maxLength} transitions. Two transitions between the same
   * stages on different events make two paths.
   *
   * @param maxLength the most transitions a path may have; longer paths are left out
   * @param maxPaths the most paths returned; the search stops there
   * @return the paths, unmodifiable
   * @throws IllegalArgumentException if a bound is less than 1
   */
  public List<Path> simplePathsToOutcomes(int maxLength, int maxPaths) {
    if (maxLength < 1 || maxPaths < 1) {
      throw new IllegalArgumentException("maxLength and maxPaths must be at least 1, but were " + maxLength + " and "
          + maxPaths);
    }
    List<Path> paths = new ArrayList<>();
    String initial = process.initialStage().id();
    Set<String> onPath = new HashSet<>(Set.of(initial));
    search(initial, new ArrayDeque<>(), onPath, maxLength, maxPaths, paths);
    return List.copyOf(paths);
  }

  private void search(String stage, Deque<Transition> steps, Set<String> onPath, int maxLength, int maxPaths,
      List<Path> paths) {
    for (Transition t : process.transitionsFrom(stage)) {
      if (paths.size() >= maxPaths) {
        return;
      }
      if (t.internal() || onPath.contains(t.target())) {
        continue;
      }
      steps.addLast(t);
      if (process.stage(t.target()).isTerminal()) {
        paths.add(new Path(process.initialStage().id(), List.copyOf(steps)));
      } else if (steps.size() < maxLength) {
        onPath.add(t.target());
        search(t.target(), steps, onPath, maxLength, maxPaths, paths);
        onPath.remove(t.target());
      }
      steps.removeLast();
    }
  }

  /** {@return the shortest path from the initial stage to each stage it reaches, by stage id, in pipeline order} */
  public Map<String, Path> shortestPaths() {
    String initial = process.initialStage().id();
    Map<String, List<Transition>> found = process.graph().shortestPathsFrom(initial);
    Map<String, Path> ordered = new LinkedHashMap<>();
    for (Stage stage : process.stages()) {
      List<Transition> steps = found.get(stage.id());
      if (steps != null) {
        ordered.put(stage.id(), new Path(initial, steps));
      }
    }
    return ordered;
  }

  /**
   * Returns one dynamic test per shortest path to a stage and one per simple path to an outcome (within the bounds),
   * each driving a deal along its path on a fresh engine from {@code engines} and checking every invariant.
   *
   * @param engines creates the engine under test, once per test
   * @param maxLength the most transitions a path to an outcome may have
   * @param maxPaths the most paths to outcomes tested
   * @return the tests, shortest paths first, for a {@code @TestFactory}
   * @throws IllegalArgumentException if a bound is less than 1
   */
  public Stream<DynamicTest> dynamicTests(EngineFactory engines, int maxLength, int maxPaths) {
    return dynamicTests(engines, maxLength, maxPaths, EventGenerator.forProcess(process));
  }

  /**
   * Returns the same dynamic tests as {@link #dynamicTests(EngineFactory, int, int)}, generating events with
   * {@code events}, so that its {@link EventGenerator#withPayload payloads} can pass guards that read custom
   * attributes.
   *
   * @param engines creates the engine under test, once per test
   * @param maxLength the most transitions a path to an outcome may have
   * @param maxPaths the most paths to outcomes tested
   * @param events generates the events fired along each path; its process should be this one
   * @return the tests, shortest paths first, for a {@code @TestFactory}
   * @throws IllegalArgumentException if a bound is less than 1
   */
  public Stream<DynamicTest> dynamicTests(EngineFactory engines, int maxLength, int maxPaths, EventGenerator events) {
    return dynamicTests(engines, maxLength, maxPaths, events, true);
  }

  /** The dynamic tests, comparing rejection reasons with the definition's only if {@code compareReasons}. */
  Stream<DynamicTest> dynamicTests(EngineFactory engines, int maxLength, int maxPaths, EventGenerator events,
      boolean compareReasons) {
    Objects.requireNonNull(engines, "engines must not be null");
    Objects.requireNonNull(events, "events must not be null");
    PathDriver driver = new PathDriver(process,
        clock -> engines.create(clock, DealStore.inMemory(), List.of(process)), events.payloads(), compareReasons);
    Stream<DynamicTest> shortest = shortestPaths().entrySet().stream().map(e -> DynamicTest.dynamicTest(
        "shortest path to '" + e.getKey() + "': " + e.getValue(),
        () -> driver.drive(e.getValue().steps(), new SplittableRandom(e.getKey().hashCode()))));
    List<Path> simple = simplePathsToOutcomes(maxLength, maxPaths);
    Stream<DynamicTest> outcomes = simple.stream().map(path -> DynamicTest.dynamicTest(
        "path to outcome: " + path, () -> driver.drive(path.steps(), new SplittableRandom(path.toString().hashCode()))));
    return Stream.concat(shortest, outcomes);
  }
}
