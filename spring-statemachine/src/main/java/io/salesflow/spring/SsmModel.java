package io.salesflow.spring;

import io.salesflow.EventType;
import io.salesflow.SalesProcess;
import io.salesflow.Stage;
import io.salesflow.Transition;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.statemachine.StateContext;
import org.springframework.statemachine.action.Action;
import org.springframework.statemachine.config.ObjectStateMachineFactory;
import org.springframework.statemachine.config.StateMachineConfig;
import org.springframework.statemachine.config.StateMachineConfigurerAdapter;
import org.springframework.statemachine.config.StateMachineFactory;
import org.springframework.statemachine.config.builders.StateMachineConfigBuilder;
import org.springframework.statemachine.config.builders.StateMachineConfigurationConfigurer;
import org.springframework.statemachine.config.builders.StateMachineStateConfigurer;
import org.springframework.statemachine.config.builders.StateMachineTransitionConfigurer;
import org.springframework.statemachine.config.configurers.ChoiceTransitionConfigurer;
import org.springframework.statemachine.config.configurers.ExternalTransitionConfigurer;
import org.springframework.statemachine.config.configurers.InternalTransitionConfigurer;
import org.springframework.statemachine.config.configurers.StateConfigurer;
import org.springframework.statemachine.config.model.DefaultStateMachineModel;
import org.springframework.statemachine.config.model.StateMachineModel;
import org.springframework.statemachine.guard.Guard;
import org.springframework.statemachine.state.ObjectState;
import org.springframework.statemachine.state.PseudoState;
import org.springframework.statemachine.state.State;
import reactor.core.publisher.Mono;

/**
 * Compiles a {@link SalesProcess} into a Spring Statemachine model with {@code String} states (stage ids) and
 * {@code String} events (event type ids).
 *
 * <ul>
 *   <li>Every stage is a plain state. Won and lost stages are not end states: a machine that enters an end state
 *       stops and cannot be reset and reused in 4.0.x
 *       (<a href="https://github.com/spring-attic/spring-statemachine/issues/966">spring-statemachine#966</a>). They
 *       have no outgoing transitions, and the shared runtime rejects events for deals in them before any machine is
 *       asked.
 *   <li>Each (stage, event type) pair becomes exactly one Spring Statemachine transition, because Spring keeps
 *       transitions with the same trigger in a hash map and tries them in no defined order (upstream issues 456 and
 *       1012). One row: an external or internal transition with the row's guard. Several rows: a transition into a
 *       choice pseudo-state whose guard tries the rows in definition order and remembers the first that allows; the
 *       choice then follows that row (an internal row goes back to its own stage). Several rows that are all internal:
 *       one internal transition with that guard.
 *   <li>Every row's action records in the event's {@link Attempt} that the row fired. Guards record their verdicts
 *       there too, so the sender decides from the attempt, never from Spring's {@code ACCEPTED}, which only means a
 *       trigger matched.
 * </ul>
 */
final class SsmModel {
  private SsmModel() {}

  /**
   * Returns the id of the choice pseudo-state for {@code stage} and {@code event}; stage ids are kebab-case, so it
   * never names a stage.
   */
  static String choiceId(String stage, EventType event) {
    return "?" + stage + "#" + event.id();
  }

  /**
   * Compiles {@code process}: every stage and every transition.
   *
   * @throws IllegalStateException if Spring Statemachine rejects the model
   */
  static StateMachineFactory<String, String> compile(SalesProcess process) {
    List<String> stages = process.stages().stream().map(Stage::id).toList();
    return compile(process, stages, stages, process.initialStage().id());
  }

  /**
   * Compiles the neighbourhood of one stage of {@code process}: the stage, its transitions and their targets, the
   * targets as plain states with no transitions. A machine of it decides every event for a deal in {@code stage}
   * exactly as a machine of the whole process does, and Spring Statemachine's executor, which walks every
   * transition of its machine on each event, then walks only the stage's.
   *
   * @throws IllegalStateException if Spring Statemachine rejects the model
   */
  static StateMachineFactory<String, String> compileStage(SalesProcess process, String stage) {
    Set<String> states = new LinkedHashSet<>();
    states.add(stage);
    for (Transition row : process.transitionsFrom(stage)) {
      states.add(row.target());
    }
    return compile(process, List.copyOf(states), List.of(stage), stage);
  }

  private static StateMachineFactory<String, String> compile(SalesProcess process, List<String> stateIds,
      List<String> sources, String initial) {
    try {
      StateMachineConfigBuilder<String, String> builder = new StateMachineConfigBuilder<>();
      builder.apply(new Configurer(process, stateIds, sources, initial));
      StateMachineConfig<String, String> config = builder.getOrBuild();
      BriefStatesFactory factory = new BriefStatesFactory(new DefaultStateMachineModel<>(
          config.getStateMachineConfigurationConfig(), config.getStates(), config.getTransitions()));
      factory.setHandleAutostartup(false);
      return factory;
    } catch (Exception e) {
      throw new IllegalStateException("Spring Statemachine rejected the model of process '" + process.id() + "': "
          + e.getMessage(), e);
    }
  }

  /**
   * The model as Spring Statemachine's configurers see it, what {@code StateMachineBuilder} would configure: every
   * state (choices included) first, then the transitions.
   */
  private static final class Configurer extends StateMachineConfigurerAdapter<String, String> {
    private final SalesProcess process;
    private final List<String> stateIds;
    private final List<String> sources;
    private final String initial;

    Configurer(SalesProcess process, List<String> stateIds, List<String> sources, String initial) {
      this.process = process;
      this.stateIds = stateIds;
      this.sources = sources;
      this.initial = initial;
    }

    @Override
    public void configure(StateMachineConfigurationConfigurer<String, String> config) throws Exception {
      config.withConfiguration().autoStartup(false).machineId(process.id());
    }

    @Override
    public void configure(StateMachineStateConfigurer<String, String> configurer) throws Exception {
      StateConfigurer<String, String> states = configurer.withStates().initial(initial);
      for (String state : stateIds) {
        states.state(state);
      }
      for (String source : sources) {
        for (EventType event : process.eventTypesFrom(source)) {
          if (needsChoice(process.transitions(source, event))) {
            states.choice(choiceId(source, event));
          }
        }
      }
    }

    @Override
    public void configure(StateMachineTransitionConfigurer<String, String> transitions) throws Exception {
      for (String source : sources) {
        for (EventType event : process.eventTypesFrom(source)) {
          List<Transition> rows = process.transitions(source, event);
          if (rows.size() == 1) {
            single(transitions, rows.get(0));
          } else if (!needsChoice(rows)) {
            InternalTransitionConfigurer<String, String> internal = transitions.withInternal();
            internal.source(source).event(event.id()).guard(new Dispatch(rows)).action(FireChosen.INSTANCE);
          } else {
            String choice = choiceId(source, event);
            transitions.withExternal().source(source).target(choice).event(event.id()).guard(new Dispatch(rows));
            ChoiceTransitionConfigurer<String, String> branches = transitions.withChoice().source(choice);
            for (int i = 0; i < rows.size(); i++) {
              Transition row = rows.get(i);
              if (i == 0) {
                branches.first(row.target(), new Chosen(row), new Fired(row));
              } else if (i < rows.size() - 1) {
                branches.then(row.target(), new Chosen(row), new Fired(row));
              } else {
                branches.last(row.target(), new Fired(row));
              }
            }
          }
        }
      }
    }
  }

  /** Whether several rows on one (stage, event) pair need a choice pseudo-state: unless all are internal. */
  private static boolean needsChoice(List<Transition> rows) {
    return rows.size() > 1 && !rows.stream().allMatch(Transition::internal);
  }

  /**
   * Spring Statemachine's own factory, building the same states, except that they print as their id. Spring
   * Statemachine 4.0.1 builds a debug message with the state's full description each time a reset starts the state
   * and a transition enters it, whether debug logging is on or not; with states that print briefly, about a tenth
   * less time and memory per event go into strings nobody reads.
   */
  private static final class BriefStatesFactory extends ObjectStateMachineFactory<String, String> {
    BriefStatesFactory(StateMachineModel<String, String> model) {
      super(model);
    }

    @Override
    protected State<String, String> buildStateInternal(String id, Collection<String> deferred,
        Collection<Function<StateContext<String, String>, Mono<Void>>> entryActions,
        Collection<Function<StateContext<String, String>, Mono<Void>>> exitActions,
        Collection<Function<StateContext<String, String>, Mono<Void>>> stateActions,
        PseudoState<String, String> pseudoState, StateMachineModel<String, String> model) {
      BriefState state = new BriefState(id, deferred, entryActions, exitActions, stateActions, pseudoState);
      BeanFactory beanFactory = resolveBeanFactory(model);
      if (beanFactory != null) {
        state.setBeanFactory(beanFactory);
      }
      state.setStateDoActionPolicy(model.getConfigurationData().getStateDoActionPolicy());
      state.setStateDoActionPolicyTimeout(model.getConfigurationData().getStateDoActionPolicyTimeout());
      return state;
    }
  }

  /** A plain Spring Statemachine state that prints as its id. */
  private static final class BriefState extends ObjectState<String, String> {
    BriefState(String id, Collection<String> deferred,
        Collection<Function<StateContext<String, String>, Mono<Void>>> entryActions,
        Collection<Function<StateContext<String, String>, Mono<Void>>> exitActions,
        Collection<Function<StateContext<String, String>, Mono<Void>>> stateActions,
        PseudoState<String, String> pseudoState) {
      super(id, deferred, entryActions, exitActions, stateActions, pseudoState, null, null);
    }

    @Override
    public String toString() {
      return "ObjectState [" + getId() + "]";
    }
  }

  private static void single(StateMachineTransitionConfigurer<String, String> transitions, Transition row)
      throws Exception {
    if (row.internal()) {
      InternalTransitionConfigurer<String, String> internal = transitions.withInternal();
      internal.source(row.source()).event(row.event().id()).action(new Fired(row));
      if (row.isGuarded()) {
        internal.guard(new RowGuard(row));
      }
    } else {
      ExternalTransitionConfigurer<String, String> external = transitions.withExternal();
      external.source(row.source()).target(row.target()).event(row.event().id()).action(new Fired(row));
      if (row.isGuarded()) {
        external.guard(new RowGuard(row));
      }
    }
  }

  /** The guard of a (stage, event) pair with one row: the row's own guard, its verdict recorded. */
  private record RowGuard(Transition row) implements Guard<String, String> {
    @Override
    public boolean evaluate(StateContext<String, String> context) {
      Attempt attempt = Attempt.of(context);
      return attempt != null && attempt.evaluate(row);
    }
  }

  /** The guard of a (stage, event) pair with several rows: the first row, in definition order, whose guard allows. */
  private record Dispatch(List<Transition> rows) implements Guard<String, String> {
    @Override
    public boolean evaluate(StateContext<String, String> context) {
      Attempt attempt = Attempt.of(context);
      return attempt != null && attempt.choose(rows);
    }
  }

  /** The guard of a choice branch: whether {@link Dispatch} chose this row. */
  private record Chosen(Transition row) implements Guard<String, String> {
    @Override
    public boolean evaluate(StateContext<String, String> context) {
      Attempt attempt = Attempt.of(context);
      return attempt != null && attempt.chosen() == row;
    }
  }

  /** The action of a row: records that it fired. */
  private record Fired(Transition row) implements Action<String, String> {
    @Override
    public void execute(StateContext<String, String> context) {
      Attempt attempt = Attempt.of(context);
      if (attempt != null) {
        attempt.fired(row);
      }
    }
  }

  /** The action of several internal rows: records that the chosen one fired. */
  private enum FireChosen implements Action<String, String> {
    INSTANCE;

    @Override
    public void execute(StateContext<String, String> context) {
      Attempt attempt = Attempt.of(context);
      Transition chosen = attempt == null ? null : attempt.chosen();
      if (chosen != null) {
        attempt.fired(chosen);
      }
    }
  }
}
