package io.salesflow.benchmarks;

import io.salesflow.benchmarks.Workload.StageId;
import io.salesflow.benchmarks.Workload.Step;
import java.util.Arrays;
import org.springframework.statemachine.StateMachine;
import org.springframework.statemachine.config.StateMachineFactory;
import org.springframework.statemachine.support.DefaultStateMachineContext;
import reactor.core.publisher.Mono;

/**
 * Row 4, the common pattern: per event, a machine from the factory, reset to the deal's stage (as a persister's
 * restore does), started, sent a message built for the event, and dropped.
 */
final class RawSsmFactoryRow implements Row {
  private final StateMachineFactory<String, String> factory = RawSsm.factory();
  private final StageId[] stages = new StageId[Workload.DEALS];

  RawSsmFactoryRow() {
    Arrays.fill(stages, StageId.PROSPECTING);
  }

  @Override
  public String fire(int slot, Step step, boolean last) {
    StateMachine<String, String> machine = factory.getStateMachine();
    String stage = stages[slot].id;
    machine.getStateMachineAccessor().doWithAllRegions(access -> access
        .resetStateMachineReactively(new DefaultStateMachineContext<>(stage, null, null, null)).block());
    machine.startReactively().block();
    RawSsm.send(machine, Mono.just(RawSsm.message(step)));
    StageId now = RawSsm.stageOf(machine);
    stages[slot] = last ? StageId.PROSPECTING : now;
    return now.id;
  }
}
