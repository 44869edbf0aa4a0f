package io.salesflow;

import io.salesflow.InvalidProcessException.Problem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A sales process definition: its stages, the transitions between them and the stage every deal starts in.
 *
 * <p>Build one with {@link #builder(String)}; {@link Builder#build()} validates the whole definition and throws one
 * {@link InvalidProcessException} listing every problem. A process is the single table of legal moves: engines,
 * diagrams and the testkit all read it.
 *
 * <pre>{@code
 * SalesProcess process = SalesProcess.builder("inbound-demo")
 *     .stage(Stage.open("new", "New lead"))
 *     .stage(Stage.open("demo", "Demo"))
 *     .stage(Stage.won("won", "Won"))
 *     .stage(Stage.lost("lost", "Lost"))
 *     .initialStage("new")
 *     .transition("new", EventType.CONTACT_MADE, "demo")
 *     .transition("demo", EventType.CLOSED_WON, "won")
 *     .transition("new", EventType.CLOSED_LOST, "lost")
 *     .transition("demo", EventType.CLOSED_LOST, "lost")
 *     .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe. Equality is identity: guards are functions and cannot be compared.
 *
 * @since 0.1
 */
public final class SalesProcess {
  private final String id;
  private final String name;
  private final String description;
  private final String initialStage;
  private final Map<String, Stage> stages;
  private final List<Transition> declared;
  private final List<Transition> transitions;
  private final Map<String, Map<EventType, List<Transition>>> table;
  private final Set<EventType> eventTypes;
  private final ProcessGraph graph;

  private SalesProcess(Builder builder) {
    this.id = builder.id;
    this.name = builder.name == null ? builder.id : builder.name;
    this.description = builder.description;
    this.initialStage = Objects.requireNonNull(builder.initialStage, "initial stage must not be null");
    this.stages = Collections.unmodifiableMap(new LinkedHashMap<>(builder.stages));
    this.declared = List.copyOf(builder.transitions);
    this.transitions = declared.stream().map(t -> withStageRules(stages, t)).toList();
    this.graph = new ProcessGraph(stages, transitions);
    Map<String, Map<EventType, List<Transition>>> byStage = new HashMap<>();
    Set<EventType> types = new LinkedHashSet<>();
    for (Transition t : transitions) {
      byStage.computeIfAbsent(t.source(), s -> new LinkedHashMap<>())
          .computeIfAbsent(t.event(), e -> new ArrayList<>())
          .add(t);
      types.add(t.event());
    }
    Map<String, Map<EventType, List<Transition>>> frozen = new HashMap<>();
    byStage.forEach((stage, byEvent) -> {
      Map<EventType, List<Transition>> events = new LinkedHashMap<>();
      byEvent.forEach((event, list) -> events.put(event, List.copyOf(list)));
      frozen.put(stage, Collections.unmodifiableMap(events));
    });
    this.table = Collections.unmodifiableMap(frozen);
    this.eventTypes = Collections.unmodifiableSet(types);
  }

  /**
   * Adds the required fields of the source and target stages to a stage-changing transition's guard: the transition
   * as engines evaluate it. {@code t} must name stages of {@code stages}.
   */
  static Transition withStageRules(Map<String, Stage> stages, Transition t) {
    if (t.internal()) {
      return t;
    }
    List<TransitionGuard> guards = new ArrayList<>(3);
    Set<String> toLeave = stages.get(t.source()).requiredToLeave();
    if (!toLeave.isEmpty() && !t.source().equals(t.target())) {
      guards.add(Guards.requiredFields("requires " + String.join(", ", toLeave) + " to leave " + t.source(),
          toLeave.toArray(String[]::new)));
    }
    Set<String> toEnter = stages.get(t.target()).requiredToEnter();
    if (!toEnter.isEmpty() && !t.source().equals(t.target())) {
      guards.add(Guards.requiredFields("requires " + String.join(", ", toEnter) + " to enter " + t.target(),
          toEnter.toArray(String[]::new)));
    }
    if (guards.isEmpty()) {
      return t;
    }
    guards.add(t.guard());
    return new Transition(t.source(), t.event(), t.target(), false, TransitionGuard.allOf(guards));
  }

  /**
   * Returns a builder for a new process.
   *
   * @param id the stable id, lower-case kebab-case, for example {@code "seven-step-textbook"}
   * @return a builder with no stages and no transitions
   * @throws IllegalArgumentException if {@code id} is not kebab-case
   */
  public static Builder builder(String id) {
    return new Builder(Checks.kebabId(id, "process id"));
  }

  /** {@return a builder holding this definition, to change it and build a revalidated copy} */
  public Builder toBuilder() {
    Builder builder = new Builder(id).name(name).description(description).initialStage(initialStage);
    stages.values().forEach(builder::stage);
    declared.forEach(builder::transition);
    return builder;
  }

  /** {@return the stable id, which deals and stores refer to the process by} */
  public String id() {
    return id;
  }

  /** {@return the display name; the id when none was given} */
  public String name() {
    return name;
  }

  /** {@return a short description; empty when none was given} */
  public String description() {
    return description;
  }

  /** {@return the stage every deal starts in} */
  public Stage initialStage() {
    return stages.get(initialStage);
  }

  /** {@return every stage, in the order they were added (the pipeline order)} */
  public List<Stage> stages() {
    return List.copyOf(stages.values());
  }

  /**
   * Returns the stage with the given id.
   *
   * @param stageId the id of a stage of this process
   * @return the stage
   * @throws IllegalArgumentException if the process has no such stage; the message lists the stages it has
   */
  public Stage stage(String stageId) {
    Stage stage = stages.get(Objects.requireNonNull(stageId, "stageId must not be null"));
    if (stage == null) {
      throw new IllegalArgumentException(
          "process '" + id + "' has no stage " + Checks.quote(stageId) + "; its stages are "
              + Checks.listed(stages.keySet()));
    }
    return stage;
  }

  /**
   * Returns the stage with the given id, if the process has it.
   *
   * @param stageId a stage id, of this process or not
   * @return the stage, or empty if the process has none with that id
   */
  public Optional<Stage> findStage(String stageId) {
    return Optional.ofNullable(stages.get(Objects.requireNonNull(stageId, "stageId must not be null")));
  }

  /**
   * Returns every transition, in the order they were added, with the guards engines evaluate: a stage's
   * {@link Stage#requiredToLeave() required fields} and the target's {@link Stage#requiredToEnter() required fields}
   * are part of each stage-changing transition's guard.
   *
   * @return the transitions, unmodifiable
   */
  public List<Transition> transitions() {
    return transitions;
  }

  /**
   * Answers "what is blocking this deal?": every transition from the deal's stage and whether it is allowed at
   * {@code now}, with every unmet condition when it is not.
   *
   * <p>Each guard is asked as if the event brought no new facts: a qualification as the deal's current BANT
   * assessment, a win at the deal's current amount, a loss with reason {@code no-response} (the strictest, which
   * follow-up thresholds apply to), contacts and follow-ups through a channel already used. Firing a real event may
   * change the answer by bringing new facts; {@link #explain(Deal, SalesEvent, Instant)} asks about one.
   *
   * @param deal a deal of this process
   * @param now the instant to judge time-based guards at, usually the engine clock's
   * @return one option for each transition from the deal's stage, in the order they were added; empty in a terminal
   *     stage
   * @throws IllegalArgumentException if the deal does not belong to this process
   */
  public List<TransitionOption> explain(Deal deal, Instant now) {
    checkOwns(deal);
    Objects.requireNonNull(now, "now must not be null");
    List<TransitionOption> options = new ArrayList<>();
    for (Transition t : transitionsFrom(deal.stage())) {
      GuardContext context = GuardContext.of(deal, BuiltInEvent.neutral(t.event(), deal, now), now);
      options.add(new TransitionOption(t, t.evaluate(context)));
    }
    return List.copyOf(options);
  }

  /**
   * Returns, for each transition from the deal's stage on {@code event}'s type, whether {@code event} would be
   * allowed at {@code now} and, if not, why. Nothing is fired.
   *
   * @param deal a deal of this process
   * @param event the event that might be fired, with the facts it would bring
   * @param now the instant to judge time-based guards at, usually the engine clock's
   * @return one option for each such transition, in the order an engine tries them; empty when the stage has no
   *     transition on that type
   * @throws IllegalArgumentException if the deal does not belong to this process
   */
  public List<TransitionOption> explain(Deal deal, SalesEvent event, Instant now) {
    checkOwns(deal);
    GuardContext context = GuardContext.of(deal, event, now);
    return transitions(deal.stage(), event.type()).stream()
        .map(t -> new TransitionOption(t, t.evaluate(context)))
        .toList();
  }

  private void checkOwns(Deal deal) {
    Objects.requireNonNull(deal, "deal must not be null");
    if (!deal.processId().equals(id)) {
      throw new IllegalArgumentException("deal '" + deal.id() + "' runs in process '" + deal.processId()
          + "', not in '" + id + "'");
    }
  }

  /**
   * Returns the transitions leaving {@code stageId} (internal ones included), in the order they were added.
   *
   * @param stageId a stage id; one the process does not have has no transitions
   * @return the transitions, unmodifiable; empty for a terminal or unknown stage
   */
  public List<Transition> transitionsFrom(String stageId) {
    Map<EventType, List<Transition>> byEvent = table.get(Objects.requireNonNull(stageId, "stageId must not be null"));
    if (byEvent == null) {
      return List.of();
    }
    List<Transition> result = new ArrayList<>();
    byEvent.values().forEach(result::addAll);
    return List.copyOf(result);
  }

  /**
   * Returns the transitions from {@code stageId} on {@code event}, in the order an engine tries them: the first whose
   * guard allows is taken.
   *
   * @param stageId a stage id; one the process does not have has no transitions
   * @param event the event type
   * @return the transitions, unmodifiable; empty when the process has no such move
   */
  public List<Transition> transitions(String stageId, EventType event) {
    Map<EventType, List<Transition>> byEvent = table.get(Objects.requireNonNull(stageId, "stageId must not be null"));
    if (byEvent == null) {
      return List.of();
    }
    List<Transition> list = byEvent.get(Objects.requireNonNull(event, "event must not be null"));
    return list == null ? List.of() : list;
  }

  /** {@return the stages as a graph along the stage-changing transitions: reachability, distances, shortest paths} */
  public ProcessGraph graph() {
    return graph;
  }

  /** {@return the event types some transition of this process fires on, in the order first used} */
  public Set<EventType> eventTypes() {
    return eventTypes;
  }

  /**
   * Returns the event types a deal in {@code stageId} can be sent, in the order their transitions were added.
   *
   * @param stageId a stage id; one the process does not have has no transitions
   * @return the event types, unmodifiable; empty for a terminal or unknown stage
   */
  public Set<EventType> eventTypesFrom(String stageId) {
    Map<EventType, List<Transition>> byEvent = table.get(Objects.requireNonNull(stageId, "stageId must not be null"));
    return byEvent == null ? Set.of() : Collections.unmodifiableSet(byEvent.keySet());
  }

  /**
   * Returns the stages of the given kinds, in pipeline order.
   *
   * @param kinds the kinds wanted; none gives an empty list
   * @return the stages, unmodifiable
   */
  public List<Stage> stages(StageKind... kinds) {
    Set<StageKind> wanted = Set.of(kinds);
    return stages.values().stream().filter(s -> wanted.contains(s.kind())).collect(Collectors.toUnmodifiableList());
  }

  @Override
  public String toString() {
    return "SalesProcess{" + id + ", " + stages.size() + " stages, " + transitions.size() + " transitions}";
  }

  /**
   * Builds a {@link SalesProcess}. Each call checks its own arguments at once (nulls, id format, duplicate stages);
   * {@link #build()} checks the definition as a whole. Not thread-safe.
   *
   * @since 0.1
   */
  public static final class Builder {
    private final String id;
    private String name;
    private String description = "";
    private String initialStage;
    private final Map<String, Stage> stages = new LinkedHashMap<>();
    private final List<Transition> transitions = new ArrayList<>();

    private Builder(String id) {
      this.id = id;
    }

    /**
     * Sets the display name; defaults to the id.
     *
     * @param name the name reports and diagrams show; not blank
     * @return this builder
     * @throws IllegalArgumentException if {@code name} is blank
     */
    public Builder name(String name) {
      this.name = Checks.notBlank(name, "process name");
      return this;
    }

    /**
     * Sets a short description; defaults to empty.
     *
     * @param description a sentence or two on what the process is for; may be empty
     * @return this builder
     */
    public Builder description(String description) {
      this.description = Objects.requireNonNull(description, "description must not be null");
      return this;
    }

    /**
     * Adds a stage; stages keep the order they are added in, which is the pipeline order reports and diagrams use.
     *
     * @param stage the stage, whose id must be new to this builder
     * @return this builder
     * @throws IllegalArgumentException if a stage with the same id was already added
     */
    public Builder stage(Stage stage) {
      Objects.requireNonNull(stage, "stage must not be null");
      if (stages.containsKey(stage.id())) {
        throw new IllegalArgumentException("process '" + id + "' already has a stage '" + stage.id()
            + "'; use replaceStage to change it");
      }
      stages.put(stage.id(), stage);
      return this;
    }

    /**
     * Replaces the stage with the same id, keeping its place in the pipeline (to rename it or change its metadata).
     *
     * @param stage the new stage, with the id of one already added
     * @return this builder
     * @throws IllegalArgumentException if there is no stage with that id
     */
    public Builder replaceStage(Stage stage) {
      Objects.requireNonNull(stage, "stage must not be null");
      if (!stages.containsKey(stage.id())) {
        throw new IllegalArgumentException("process '" + id + "' has no stage '" + stage.id()
            + "' to replace; its stages are " + stages.keySet());
      }
      stages.put(stage.id(), stage);
      return this;
    }

    /**
     * Sets the stage every deal starts in; {@link #build()} checks that it is a stage of the process.
     *
     * @param stageId the stage's id, which may be added before or after this call
     * @return this builder
     * @throws IllegalArgumentException if {@code stageId} is not kebab-case
     */
    public Builder initialStage(String stageId) {
      this.initialStage = Checks.kebabId(stageId, "initial stage id");
      return this;
    }

    /**
     * Adds an unguarded stage-changing transition.
     *
     * @param source the id of the stage the transition leaves
     * @param event the event type it fires on
     * @param target the id of the stage it enters; equal to {@code source} for a self-transition, which resets the
     *     stage entry time
     * @return this builder
     * @throws IllegalArgumentException if a stage id is not kebab-case
     */
    public Builder transition(String source, EventType event, String target) {
      return transition(Transition.external(source, event, target, TransitionGuard.always()));
    }

    /**
     * Adds a guarded stage-changing transition; transitions on the same stage and event are tried in order.
     *
     * @param source the id of the stage the transition leaves
     * @param event the event type it fires on
     * @param target the id of the stage it enters
     * @param guard the condition the transition is taken under
     * @return this builder
     * @throws IllegalArgumentException if a stage id is not kebab-case
     */
    public Builder transition(String source, EventType event, String target, TransitionGuard guard) {
      return transition(Transition.external(source, event, target, guard));
    }

    /**
     * Adds an unguarded internal transition: the event is recorded and its facts kept, the stage stays.
     *
     * @param stage the id of the stage the deal stays in
     * @param event the event type to record there
     * @return this builder
     * @throws IllegalArgumentException if {@code stage} is not kebab-case
     */
    public Builder internal(String stage, EventType event) {
      return transition(Transition.internal(stage, event, TransitionGuard.always()));
    }

    /**
     * Adds a guarded internal transition.
     *
     * @param stage the id of the stage the deal stays in
     * @param event the event type to record there
     * @param guard the condition the event is recorded under
     * @return this builder
     * @throws IllegalArgumentException if {@code stage} is not kebab-case
     */
    public Builder internal(String stage, EventType event, TransitionGuard guard) {
      return transition(Transition.internal(stage, event, guard));
    }

    /**
     * Adds a transition, after those already added.
     *
     * @param transition the transition, external or internal
     * @return this builder
     */
    public Builder transition(Transition transition) {
      transitions.add(Objects.requireNonNull(transition, "transition must not be null"));
      return this;
    }

    /**
     * Removes every transition from {@code source} on {@code event}, to redefine them.
     *
     * @param source the id of the stage the transitions leave
     * @param event the event type they fire on
     * @return this builder
     */
    public Builder removeTransitions(String source, EventType event) {
      Objects.requireNonNull(source, "source must not be null");
      Objects.requireNonNull(event, "event must not be null");
      transitions.removeIf(t -> t.source().equals(source) && t.event().equals(event));
      return this;
    }

    /**
     * Removes every transition matching {@code filter}.
     *
     * @param filter says which transitions to remove
     * @return this builder
     */
    public Builder removeTransitionsIf(Predicate<Transition> filter) {
      transitions.removeIf(Objects.requireNonNull(filter, "filter must not be null"));
      return this;
    }

    /**
     * Validates the definition and builds it. The builder is unchanged and may be used again.
     *
     * @return the process, immutable
     * @throws InvalidProcessException listing every problem found: a missing initial stage, transitions naming unknown
     *     stages, no won stage, unreachable stages, open stages that cannot reach a won or lost stage, transitions
     *     out of terminal stages, two unguarded transitions on the same stage and event, and a guarded transition
     *     listed after an unguarded one on the same stage and event (it could never fire)
     */
    public SalesProcess build() {
      List<Problem> problems = ProcessValidator.validate(id, initialStage, stages, transitions);
      if (!problems.isEmpty()) {
        throw new InvalidProcessException(id, problems);
      }
      return new SalesProcess(this);
    }
  }

  /** The whole-definition rules of {@link Builder#build()}. */
  static final class ProcessValidator {
    private ProcessValidator() {}

    static List<Problem> validate(String processId, String initialStage, Map<String, Stage> stages,
        List<Transition> transitions) {
      List<Problem> problems = new ArrayList<>();
      String where = "process '" + processId + "'";
      if (initialStage == null) {
        problems.add(new Problem(Problem.Rule.MISSING_INITIAL_STAGE,
            where + " has no initial stage; call initialStage(...) with one of " + Checks.listed(stages.keySet()),
            List.of(),
            List.of()));
      } else if (!stages.containsKey(initialStage)) {
        problems.add(new Problem(Problem.Rule.MISSING_INITIAL_STAGE,
            where + " starts in stage '" + initialStage + "', which it does not have; its stages are "
                + Checks.listed(stages.keySet()), List.of(initialStage), List.of()));
      }
      for (Transition t : transitions) {
        for (String stage : t.internal() ? List.of(t.source()) : List.of(t.source(), t.target())) {
          if (!stages.containsKey(stage)) {
            problems.add(new Problem(Problem.Rule.UNKNOWN_STAGE,
                where + ": transition " + t + " names stage '" + stage + "', which the process does not have;"
                    + " add the stage or fix the id (stages: " + Checks.listed(stages.keySet()) + ")",
                List.of(stage), List.of(t.event())));
          }
        }
      }
      if (stages.values().stream().noneMatch(s -> s.kind() == StageKind.WON)) {
        problems.add(new Problem(Problem.Rule.NO_WON_STAGE,
            where + " has no won stage; add a stage of kind WON that deals can close into", List.of(), List.of()));
      }
      Map<String, Stage> known = new LinkedHashMap<>(stages);
      List<Transition> effective = new ArrayList<>();
      for (Transition t : transitions) {
        if (stages.containsKey(t.source()) && stages.containsKey(t.target())) {
          effective.add(withStageRules(stages, t));
        }
      }
      ProcessGraph graph = new ProcessGraph(known, effective);
      if (initialStage != null && stages.containsKey(initialStage)) {
        Set<String> reachable = graph.reachableFrom(initialStage);
        for (String stage : stages.keySet()) {
          if (!reachable.contains(stage)) {
            problems.add(new Problem(Problem.Rule.UNREACHABLE_STAGE,
                where + ": stage '" + stage + "' cannot be reached from the initial stage '" + initialStage
                    + "'; add a transition into it or remove it", List.of(stage), List.of()));
          }
        }
      }
      Set<String> leadToOutcome = graph.distancesTo(EnumSet.of(StageKind.WON, StageKind.LOST)).keySet();
      for (Stage stage : stages.values()) {
        if (!stage.isTerminal() && !leadToOutcome.contains(stage.id())) {
          problems.add(new Problem(Problem.Rule.NO_OUTCOME_REACHABLE,
              where + ": deals in stage '" + stage.id() + "' can never reach a won or lost stage; add a transition"
                  + " towards an outcome (closed-lost, for example)", List.of(stage.id()), List.of()));
        }
      }
      for (Transition t : transitions) {
        Stage source = stages.get(t.source());
        if (source != null && source.isTerminal()) {
          problems.add(new Problem(Problem.Rule.TRANSITION_FROM_TERMINAL_STAGE,
              where + ": transition " + t + " leaves the " + source.kind().name().toLowerCase() + " stage '"
                  + source.id() + "'; won and lost stages are final, so remove it or make the stage open",
              List.of(t.source()), List.of(t.event())));
        }
      }
      problems.addAll(unreachableTransitions(where, effective));
      return problems;
    }

    /**
     * Engines take the first transition on a stage and event whose guard allows, so nothing listed after an
     * unguarded one can ever fire: two unguarded ones are ambiguous, a guarded one after an unguarded one is
     * shadowed.
     */
    private static List<Problem> unreachableTransitions(String where, List<Transition> effective) {
      List<Problem> problems = new ArrayList<>();
      Map<String, Transition> firstUnguarded = new HashMap<>();
      Set<String> ambiguous = new HashSet<>();
      for (Transition t : effective) {
        String key = t.source() + "|" + t.event();
        Transition earlier = firstUnguarded.get(key);
        if (earlier == null) {
          if (!t.isGuarded()) {
            firstUnguarded.put(key, t);
          }
        } else if (t.isGuarded()) {
          problems.add(new Problem(Problem.Rule.SHADOWED_TRANSITION,
              where + ": from stage '" + t.source() + "' on '" + t.event() + "' the unguarded transition " + earlier
                  + " is always taken, so the later " + t + " can never fire; list the guarded transition first, or"
                  + " guard the unguarded one", List.of(t.source()), List.of(t.event())));
        } else if (ambiguous.add(key)) {
          List<String> targets = effective.stream()
              .filter(o -> !o.isGuarded() && o.source().equals(t.source()) && o.event().equals(t.event()))
              .map(o -> "'" + o.target() + "'").collect(Collectors.toList());
          problems.add(new Problem(Problem.Rule.AMBIGUOUS_TRANSITIONS,
              where + ": stage '" + t.source() + "' has several unguarded transitions on '" + t.event()
                  + "' (to " + Checks.joined(targets)
                  + "); guard all but one of them, or use different events",
              List.of(t.source()), List.of(t.event())));
        }
      }
      return problems;
    }
  }
}
