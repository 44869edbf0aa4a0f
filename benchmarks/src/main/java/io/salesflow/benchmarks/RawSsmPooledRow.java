package io.salesflow.benchmarks;

import io.salesflow.benchmarks.Workload.StageId;
import io.salesflow.benchmarks.Workload.Step;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.messaging.Message;
import org.springframework.statemachine.StateMachine;
import org.springframework.statemachine.StateMachineContext;
import org.springframework.statemachine.access.StateMachineAccess;
import org.springframework.statemachine.support.DefaultStateMachineContext;
import reactor.core.publisher.Mono;

/**
 * Row 3, the best hand-written pattern: one long-lived, started machine per thread, reset to the deal's stage before
 * each event. Everything that can be prepared once is: the region accessor, one reset context per stage, one
 * message per scripted event.
 */
final class RawSsmPooledRow implements Row {
  private final StateMachine<String, String> machine;
  private final StateMachineAccess<String, String> access;
  private final List<StateMachineContext<String, String>> resets = new ArrayList<>();
  private final List<Mono<Message<String>>> messages = new ArrayList<>();
  private final StageId[] stages = new StageId[Workload.DEALS];

  RawSsmPooledRow() {
    machine = RawSsm.factory().getStateMachine();
    machine.startReactively().block();
    access = machine.getStateMachineAccessor().withRegion();
    for (StageId stage : StageId.values()) {
      resets.add(new DefaultStateMachineContext<>(stage.id, null, null, null));
    }
    for (Step step : Step.values()) {
      messages.add(Mono.just(RawSsm.message(step)));
    }
    Arrays.fill(stages, StageId.PROSPECTING);
  }

  @Override
  public String fire(int slot, Step step, boolean last) {
    access.resetStateMachineReactively(resets.get(stages[slot].ordinal())).block();
    RawSsm.send(machine, messages.get(step.ordinal()));
    StageId now = RawSsm.stageOf(machine);
    stages[slot] = last ? StageId.PROSPECTING : now;
    return now.id;
  }

  @Override
  public void close() {
    machine.stopReactively().block();
  }
}
