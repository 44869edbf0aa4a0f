package io.salesflow;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The stages of a process as a directed graph along its stage-changing transitions: reachability, distances and
 * shortest paths, computed here once for the validator, the testkit, diagrams and tests. Transitions that name a
 * stage the process lacks are left out (the validator reports them). Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class ProcessGraph {
  private final Map<String, Stage> stages;
  private final Map<String, List<Transition>> out = new HashMap<>();
  private final Map<String, Set<String>> in = new HashMap<>();

  ProcessGraph(Map<String, Stage> stages, List<Transition> transitions) {
    this.stages = stages;
    for (Transition t : transitions) {
      if (!t.internal() && stages.containsKey(t.source()) && stages.containsKey(t.target())) {
        out.computeIfAbsent(t.source(), s -> new ArrayList<>()).add(t);
        in.computeIfAbsent(t.target(), s -> new LinkedHashSet<>()).add(t.source());
      }
    }
  }

  /**
   * Returns the stages a deal in {@code stageId} can reach along stage-changing transitions, {@code stageId}
   * included, nearest first.
   *
   * @param stageId the id of a stage of the process
   * @return the ids of the reachable stages, unmodifiable
   * @throws IllegalArgumentException if the process has no such stage
   */
  public Set<String> reachableFrom(String stageId) {
    return Collections.unmodifiableSet(shortestPathsFrom(stageId).keySet());
  }

  /**
   * Returns, for each stage a deal in {@code stageId} can reach, the fewest stage-changing transitions that take it
   * there (the first found in definition order); nearest stages first, {@code stageId} itself with an empty path.
   *
   * @param stageId the id of a stage of the process
   * @return the path to each reachable stage, by stage id, unmodifiable
   * @throws IllegalArgumentException if the process has no such stage
   */
  public Map<String, List<Transition>> shortestPathsFrom(String stageId) {
    requireStage(stageId);
    Map<String, List<Transition>> paths = new LinkedHashMap<>();
    paths.put(stageId, List.of());
    Deque<String> todo = new ArrayDeque<>(List.of(stageId));
    while (!todo.isEmpty()) {
      String stage = todo.poll();
      for (Transition t : out.getOrDefault(stage, List.of())) {
        if (!paths.containsKey(t.target())) {
          List<Transition> path = new ArrayList<>(paths.get(stage));
          path.add(t);
          paths.put(t.target(), List.copyOf(path));
          todo.add(t.target());
        }
      }
    }
    return Collections.unmodifiableMap(paths);
  }

  /**
   * Returns, for each stage from which a stage of one of the {@code goal} kinds can be reached, the fewest
   * stage-changing transitions that take a deal there.
   *
   * @param goal the kinds of stage to reach, for example won and lost
   * @return the distance of each stage, by stage id, unmodifiable: goal stages have distance 0, stages that cannot
   *     get there are absent
   */
  public Map<String, Integer> distancesTo(Set<StageKind> goal) {
    Objects.requireNonNull(goal, "goal must not be null");
    Map<String, Integer> distance = new LinkedHashMap<>();
    Deque<String> todo = new ArrayDeque<>();
    for (Stage stage : stages.values()) {
      if (goal.contains(stage.kind())) {
        distance.put(stage.id(), 0);
        todo.add(stage.id());
      }
    }
    while (!todo.isEmpty()) {
      String stage = todo.poll();
      for (String previous : in.getOrDefault(stage, Set.of())) {
        if (!distance.containsKey(previous)) {
          distance.put(previous, distance.get(stage) + 1);
          todo.add(previous);
        }
      }
    }
    return Collections.unmodifiableMap(distance);
  }

  private void requireStage(String stageId) {
    Objects.requireNonNull(stageId, "stageId must not be null");
    if (!stages.containsKey(stageId)) {
      throw new IllegalArgumentException("the process has no stage '" + stageId + "'; its stages are "
          + stages.keySet());
    }
  }
}
