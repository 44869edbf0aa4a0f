package io.salesflow.spring;

import io.salesflow.EventType;
import io.salesflow.SalesProcess;
import io.salesflow.Stage;
import io.salesflow.Transition;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.statemachine.StateContext;
import org.springframework.statemachine.action.Action;
import org.springframework.statemachine.config.StateMachineBuilder;
import org.springframework.statemachine.config.StateMachineFactory;
import org.springframework.statemachine.config.builders.StateMachineTransitionConfigurer;
import org.springframework.statemachine.config.configurers.ChoiceTransitionConfigurer;
import org.springframework.statemachine.config.configurers.ExternalTransitionConfigurer;
import org.springframework.statemachine.config.configurers.InternalTransitionConfigurer;
import org.springframework.statemachine.config.configurers.StateConfigurer;
import org.springframework.statemachine.guard.Guard;

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
      StateMachineBuilder.Builder<String, String> builder = StateMachineBuilder.builder();
      builder.configureConfiguration().withConfiguration().autoStartup(false).machineId(process.id());
      StateConfigurer<String, String> states = builder.configureStates().withStates().initial(initial);
      for (String state : stateIds) {
        states.state(state);
      }
      StateMachineTransitionConfigurer<String, String> transitions = builder.configureTransitions();
      for (String source : sources) {
        for (EventType event : process.eventTypesFrom(source)) {
          List<Transition> rows = process.transitions(source, event);
          if (rows.size() == 1) {
            single(transitions, rows.get(0));
          } else if (rows.stream().allMatch(Transition::internal)) {
            InternalTransitionConfigurer<String, String> internal = transitions.withInternal();
            internal.source(source).event(event.id()).guard(new Dispatch(rows)).action(FireChosen.INSTANCE);
          } else {
            String choice = choiceId(source, event);
            states.choice(choice);
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
      return builder.createFactory();
    } catch (Exception e) {
      throw new IllegalStateException("Spring Statemachine rejected the model of process '" + process.id() + "': "
          + e.getMessage(), e);
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
