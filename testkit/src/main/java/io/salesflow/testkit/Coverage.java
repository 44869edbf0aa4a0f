package io.salesflow.testkit;

import io.salesflow.SalesProcess;
import io.salesflow.Stage;
import io.salesflow.StageKind;
import io.salesflow.Transition;
import io.salesflow.engine.CompiledProcess.Decision;
import io.salesflow.engine.FireResult.RejectionKind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the walks of one {@link ProcessProperties#check()} covered, by the definition's own decisions on the events
 * fired: the stages visited, the transitions taken, each guard seen allowing and denying, and the kinds of rejection
 * met.
 *
 * <pre>{@code
 * Coverage coverage = ProcessProperties.forProcess(process).check();
 * assertThat(coverage.guardsNeverDenying()).isEmpty();
 *
 * // or let the property fail below a floor
 * ProcessProperties.forProcess(process).requireCoverage(Coverage.Floor.everything()).check();
 * }</pre>
 *
 * <p>A guard is counted per guarded transition, each time the definition asks it: the guards of a stage's
 * transitions on the event's type are asked in definition order until one allows. Immutable and thread-safe;
 * {@link #toString()} is a report to read.
 *
 * @since 0.1
 */
public final class Coverage {
  private final SalesProcess process;
  private final int walks;
  private final int events;
  private final Set<String> stagesVisited;
  private final Map<Transition, Integer> taken;
  private final Map<Transition, Integer> allowed;
  private final Map<Transition, Integer> denied;
  private final Map<RejectionKind, Integer> rejections;

  private Coverage(Counter counter) {
    this.process = counter.process;
    this.walks = counter.walks;
    this.events = counter.events;
    this.stagesVisited = Collections.unmodifiableSet(new LinkedHashSet<>(counter.stagesVisited));
    this.taken = Map.copyOf(counter.taken);
    this.allowed = Map.copyOf(counter.allowed);
    this.denied = Map.copyOf(counter.denied);
    this.rejections = Collections.unmodifiableMap(new EnumMap<>(counter.rejections));
  }

  /**
   * The least coverage a property requires; {@link ProcessProperties#requireCoverage(Floor)} fails the property
   * when the walks cover less. Each share is between 0 and 1.
   *
   * @param stages the share of the process's stages the walks must visit
   * @param transitions the share of the process's transitions the walks must take
   * @param guardVerdicts the share of the verdicts its guarded transitions can give (each allowing and each denying)
   *     the walks must see
   * @since 0.1
   */
  public record Floor(double stages, double transitions, double guardVerdicts) {
    /**
     * Checks that each share is between 0 and 1.
     *
     * @param stages the share of stages to visit
     * @param transitions the share of transitions to take
     * @param guardVerdicts the share of guard verdicts to see
     * @throws IllegalArgumentException if a share is outside 0 to 1
     */
    public Floor {
      share(stages, "stages");
      share(transitions, "transitions");
      share(guardVerdicts, "guardVerdicts");
    }

    /** {@return the floor that requires every stage, every transition and every guard both allowing and denying} */
    public static Floor everything() {
      return new Floor(1, 1, 1);
    }

    private static void share(double value, String what) {
      if (!(value >= 0 && value <= 1)) {
        throw new IllegalArgumentException(what + " must be a share between 0 and 1, but was " + value);
      }
    }
  }

  /** {@return the id of the process covered} */
  public String processId() {
    return process.id();
  }

  /** {@return how many walks were run} */
  public int walks() {
    return walks;
  }

  /** {@return how many events were fired, over all walks} */
  public int events() {
    return events;
  }

  /** {@return the ids of the stages the walks visited, the initial one included, in the process's order} */
  public List<String> stagesVisited() {
    return process.stages().stream().map(Stage::id).filter(stagesVisited::contains).toList();
  }

  /** {@return the ids of the stages no walk visited, in the process's order} */
  public List<String> stagesNeverVisited() {
    return process.stages().stream().map(Stage::id).filter(id -> !stagesVisited.contains(id)).toList();
  }

  /**
   * Returns whether a walk reached a stage of the given kind.
   *
   * @param kind for example {@link StageKind#WON} or {@link StageKind#LOST}
   * @return whether a walk visited a stage of that kind
   */
  public boolean reached(StageKind kind) {
    Objects.requireNonNull(kind, "kind must not be null");
    return process.stages().stream().anyMatch(s -> s.kind() == kind && stagesVisited.contains(s.id()));
  }

  /** {@return the transitions the definition took on the walks' events, in the process's order} */
  public List<Transition> transitionsTaken() {
    return process.transitions().stream().filter(taken::containsKey).toList();
  }

  /** {@return the transitions of the process that no walk took, in the process's order} */
  public List<Transition> transitionsNeverTaken() {
    return process.transitions().stream().filter(t -> !taken.containsKey(t)).toList();
  }

  /**
   * Returns how often a transition was taken.
   *
   * @param transition a transition of the process
   * @return how many times the definition took it, over all walks
   */
  public int timesTaken(Transition transition) {
    return taken.getOrDefault(Objects.requireNonNull(transition, "transition must not be null"), 0);
  }

  /** {@return the transitions of the process that have a guard, in the process's order} */
  public List<Transition> guardedTransitions() {
    return process.transitions().stream().filter(Transition::isGuarded).toList();
  }

  /**
   * Returns how often a transition's guard allowed.
   *
   * @param transition a transition of the process
   * @return how many times its guard was asked and allowed
   */
  public int timesAllowed(Transition transition) {
    return allowed.getOrDefault(Objects.requireNonNull(transition, "transition must not be null"), 0);
  }

  /**
   * Returns how often a transition's guard denied.
   *
   * @param transition a transition of the process
   * @return how many times its guard was asked and denied
   */
  public int timesDenied(Transition transition) {
    return denied.getOrDefault(Objects.requireNonNull(transition, "transition must not be null"), 0);
  }

  /** {@return the guarded transitions whose guard the walks never saw allow, in the process's order} */
  public List<Transition> guardsNeverAllowing() {
    return guardedTransitions().stream().filter(t -> !allowed.containsKey(t)).toList();
  }

  /** {@return the guarded transitions whose guard the walks never saw deny, in the process's order} */
  public List<Transition> guardsNeverDenying() {
    return guardedTransitions().stream().filter(t -> !denied.containsKey(t)).toList();
  }

  /** {@return how many events the definition rejected, by kind; kinds never met are absent} */
  public Map<RejectionKind, Integer> rejections() {
    return rejections;
  }

  /** {@return the share of the process's stages visited, between 0 and 1} */
  public double stageShare() {
    return share(stagesVisited().size(), process.stages().size());
  }

  /** {@return the share of the process's transitions taken, between 0 and 1} */
  public double transitionShare() {
    return share(taken.size(), process.transitions().size());
  }

  /**
   * Returns the share of guard verdicts seen: each guarded transition can be seen allowing and denying, so a process
   * with three guarded transitions has six verdicts to see. A process without guards has them all.
   *
   * @return the share, between 0 and 1
   */
  public double guardVerdictShare() {
    int guarded = guardedTransitions().size();
    return share(2 * guarded - guardsNeverAllowing().size() - guardsNeverDenying().size(), 2 * guarded);
  }

  /**
   * Returns what falls short of {@code floor}, one sentence per share, naming what was never covered.
   *
   * @param floor the least coverage required
   * @return the shortfalls; empty when the coverage reaches the floor
   */
  public List<String> shortfalls(Floor floor) {
    Objects.requireNonNull(floor, "floor must not be null");
    List<String> shortfalls = new ArrayList<>(3);
    if (stageShare() < floor.stages()) {
      shortfalls.add("stages visited: " + percent(stageShare()) + ", below " + percent(floor.stages())
          + "; never visited: " + stagesNeverVisited());
    }
    if (transitionShare() < floor.transitions()) {
      shortfalls.add("transitions taken: " + percent(transitionShare()) + ", below " + percent(floor.transitions())
          + "; never taken: " + transitionsNeverTaken());
    }
    if (guardVerdictShare() < floor.guardVerdicts()) {
      shortfalls.add("guard verdicts seen: " + percent(guardVerdictShare()) + ", below "
          + percent(floor.guardVerdicts()) + "; never allowing: " + guardsNeverAllowing() + "; never denying: "
          + guardsNeverDenying());
    }
    return shortfalls;
  }

  /** {@return the report: shares, what was never covered, each guard's verdicts and the rejections by kind} */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    out.append("coverage of process '").append(process.id()).append("' by ").append(walks).append(" walks of ")
        .append(events).append(" events in all:\n");
    out.append("  stages visited: ").append(stagesVisited.size()).append(" of ").append(process.stages().size())
        .append(" (").append(percent(stageShare())).append(')');
    if (!stagesNeverVisited().isEmpty()) {
      out.append("; never visited: ").append(stagesNeverVisited());
    }
    out.append("\n  transitions taken: ").append(taken.size()).append(" of ").append(process.transitions().size())
        .append(" (").append(percent(transitionShare())).append(')');
    if (!transitionsNeverTaken().isEmpty()) {
      out.append("; never taken: ").append(transitionsNeverTaken());
    }
    out.append("\n  guard verdicts seen: ").append(percent(guardVerdictShare())).append('\n');
    for (Transition t : guardedTransitions()) {
      out.append("    ").append(t).append(": allowed ").append(timesAllowed(t)).append(", denied ")
          .append(timesDenied(t)).append('\n');
    }
    out.append("  rejections: ").append(rejections.isEmpty() ? "none" : rejections.entrySet().stream()
        .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")));
    return out.toString();
  }

  private static double share(int part, int whole) {
    return whole == 0 ? 1.0 : (double) part / whole;
  }

  private static String percent(double share) {
    return String.format(Locale.ROOT, "%.0f%%", share * 100);
  }

  /** Counts coverage while walks run; one per run, on one thread. */
  static final class Counter {
    private final SalesProcess process;
    private int walks;
    private int events;
    private final Set<String> stagesVisited = new LinkedHashSet<>();
    private final Map<Transition, Integer> taken = new HashMap<>();
    private final Map<Transition, Integer> allowed = new HashMap<>();
    private final Map<Transition, Integer> denied = new HashMap<>();
    private final Map<RejectionKind, Integer> rejections = new EnumMap<>(RejectionKind.class);

    Counter(SalesProcess process) {
      this.process = process;
    }

    /** A walk started with its deal in {@code stage}. */
    void walkStarted(String stage) {
      walks++;
      stagesVisited.add(stage);
    }

    /** The definition decided an event of a walk. */
    void decided(Oracle.Expected expected) {
      events++;
      for (Oracle.Verdict verdict : expected.verdicts()) {
        if (verdict.transition().isGuarded()) {
          (verdict.verdict().allowed() ? allowed : denied).merge(verdict.transition(), 1, Integer::sum);
        }
      }
      if (expected.decision() instanceof Decision.Refuse refuse) {
        rejections.merge(refuse.kind(), 1, Integer::sum);
      } else {
        Transition t = Objects.requireNonNull(expected.taken());
        taken.merge(t, 1, Integer::sum);
        stagesVisited.add(t.target());
      }
    }

    Coverage coverage() {
      return new Coverage(this);
    }
  }
}
