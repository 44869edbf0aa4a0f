package io.salesflow.benchmarks;

import com.github.oxo42.stateless4j.StateMachine;
import com.github.oxo42.stateless4j.StateMachineConfig;
import io.salesflow.SalesEvent;
import io.salesflow.benchmarks.Workload.Move;
import io.salesflow.benchmarks.Workload.StageId;
import io.salesflow.benchmarks.Workload.Step;
import io.salesflow.benchmarks.Workload.Trigger;
import java.util.Arrays;

/**
 * Row 5: stateless4j 2.5.0 (the newest version on Maven Central; 2.6.0 is not published there), bare
 * {@code fire} on one machine whose state accessor and mutator read and write the deal's stage in an array outside
 * it. The guard is a {@code FuncBoolean}, so it reads the event from a field set before firing; a trigger that is
 * not permitted (the guard denied) is ignored instead of throwing.
 */
final class Stateless4jRow implements Row {
  private final StageId[] stages = new StageId[Workload.DEALS];
  private final StateMachine<StageId, Trigger> machine;
  private int slot;
  private SalesEvent event = Step.QUALIFY.event;

  Stateless4jRow() {
    Arrays.fill(stages, StageId.PROSPECTING);
    StateMachineConfig<StageId, Trigger> config = new StateMachineConfig<>();
    for (Move move : Workload.moves()) {
      if (move.budgetGuard()) {
        config.configure(move.source()).permitIf(move.trigger(), move.target(),
            () -> Workload.budgetConfirmed(event));
      } else {
        config.configure(move.source()).permit(move.trigger(), move.target());
      }
    }
    machine = new StateMachine<>(StageId.PROSPECTING, () -> stages[slot], stage -> stages[slot] = stage, config);
    machine.onUnhandledTrigger((stage, trigger) -> { });
  }

  @Override
  public String fire(int slot, Step step, boolean last) {
    this.slot = slot;
    this.event = step.event;
    machine.fire(step.trigger);
    StageId now = stages[slot];
    if (last) {
      stages[slot] = StageId.PROSPECTING;
    }
    return now.id;
  }
}
