package io.salesflow.benchmarks;

import io.salesflow.SalesEvent;
import io.salesflow.benchmarks.Workload.Move;
import io.salesflow.benchmarks.Workload.StageId;
import io.salesflow.benchmarks.Workload.Step;
import java.util.HashMap;
import java.util.Map;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.statemachine.StateMachine;
import org.springframework.statemachine.StateMachineEventResult;
import org.springframework.statemachine.config.StateMachineBuilder;
import org.springframework.statemachine.config.StateMachineFactory;
import org.springframework.statemachine.config.builders.StateMachineTransitionConfigurer;
import org.springframework.statemachine.config.configurers.ExternalTransitionConfigurer;
import org.springframework.statemachine.config.configurers.StateConfigurer;
import org.springframework.statemachine.guard.Guard;
import reactor.core.publisher.Mono;

/**
 * Raw Spring Statemachine 4.0.1 as a user would write it by hand: the workload's table built with
 * {@link StateMachineBuilder} (String states and events, plain states only: outcome stages are not end states, since a
 * machine that entered an end state cannot be reset,
 * <a href="https://github.com/spring-attic/spring-statemachine/issues/966">spring-statemachine#966</a>),
 * the event in a message header, the budget
 * guard reading it. The stage of each deal is kept outside the machine.
 */
final class RawSsm {
  static final String HEADER = "event";

  private static final Guard<String, String> BUDGET =
      context -> Workload.budgetConfirmed((SalesEvent) context.getMessageHeaders().get(HEADER));
  private static final Map<String, StageId> STAGES = new HashMap<>();

  static {
    for (StageId stage : StageId.values()) {
      STAGES.put(stage.id, stage);
    }
  }

  private RawSsm() {}

  /** Builds the factory from the workload's table. */
  static StateMachineFactory<String, String> factory() {
    try {
      StateMachineBuilder.Builder<String, String> builder = StateMachineBuilder.builder();
      builder.configureConfiguration().withConfiguration().autoStartup(false);
      StateConfigurer<String, String> states = builder.configureStates().withStates()
          .initial(StageId.PROSPECTING.id);
      for (StageId stage : StageId.values()) {
        states.state(stage.id);
      }
      StateMachineTransitionConfigurer<String, String> transitions = builder.configureTransitions();
      for (Move move : Workload.moves()) {
        ExternalTransitionConfigurer<String, String> external = transitions.withExternal();
        external.source(move.source().id).target(move.target().id).event(move.trigger().name());
        if (move.budgetGuard()) {
          external.guard(BUDGET);
        }
      }
      return builder.createFactory();
    } catch (Exception e) {
      throw new IllegalStateException("Spring Statemachine rejected the workload's model", e);
    }
  }

  /** The message for a step: the trigger as payload, the event in a header for the guard. */
  static Message<String> message(Step step) {
    return MessageBuilder.withPayload(step.trigger.name()).setHeader(HEADER, step.event).build();
  }

  /** Sends and waits until the machine has processed the event (its executor's completion). */
  static void send(StateMachine<String, String> machine, Mono<Message<String>> message) {
    machine.sendEvent(message).flatMap(StateMachineEventResult::complete).then().block();
  }

  /** The machine's stage. */
  static StageId stageOf(StateMachine<String, String> machine) {
    return STAGES.get(machine.getState().getId());
  }
}
