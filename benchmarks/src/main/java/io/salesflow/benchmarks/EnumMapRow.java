package io.salesflow.benchmarks;

import io.salesflow.benchmarks.Workload.Move;
import io.salesflow.benchmarks.Workload.StageId;
import io.salesflow.benchmarks.Workload.Step;
import io.salesflow.benchmarks.Workload.Trigger;
import java.util.Arrays;
import java.util.EnumMap;

/**
 * Row 6, the floor: the workload's table as {@code EnumMap<stage, EnumMap<trigger, move>>}, the same budget
 * condition in plain Java, the deal's stage in an array.
 */
final class EnumMapRow implements Row {
  private final EnumMap<StageId, EnumMap<Trigger, Move>> table = new EnumMap<>(StageId.class);
  private final StageId[] stages = new StageId[Workload.DEALS];

  EnumMapRow() {
    for (StageId stage : StageId.values()) {
      table.put(stage, new EnumMap<>(Trigger.class));
    }
    for (Move move : Workload.moves()) {
      table.get(move.source()).put(move.trigger(), move);
    }
    Arrays.fill(stages, StageId.PROSPECTING);
  }

  @Override
  public String fire(int slot, Step step, boolean last) {
    StageId from = stages[slot];
    Move move = table.get(from).get(step.trigger);
    StageId to = move == null || (move.budgetGuard() && !Workload.budgetConfirmed(step.event)) ? from : move.target();
    stages[slot] = last ? StageId.PROSPECTING : to;
    return to.id;
  }
}
