package io.salesflow.benchmarks;

import io.salesflow.benchmarks.Workload.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Walks the {@link Workload}: deal after deal in round robin, each one step further in its script. */
public final class RoundRobin {
  private final Step[][] scripts = new Step[Workload.DEALS][];
  private final int[] position = new int[Workload.DEALS];
  private int slot;

  /** A walk from the start: every deal at the first step of its script, the first deal next. */
  public RoundRobin() {
    for (int i = 0; i < Workload.DEALS; i++) {
      scripts[i] = Workload.script(i);
    }
  }

  /** Fires the next event of the workload at {@code row}; returns the deal's stage id afterwards. */
  public String step(Row row) {
    int s = slot;
    Step[] script = scripts[s];
    int p = position[s];
    boolean last = p == script.length - 1;
    String stage = row.fire(s, script[p], last);
    position[s] = last ? 0 : p + 1;
    slot = s == Workload.DEALS - 1 ? 0 : s + 1;
    return stage;
  }

  /** Returns the stage ids {@code row} goes through on the first {@code events} events of the workload. */
  public static List<String> stages(Row row, int events) {
    RoundRobin walk = new RoundRobin();
    List<String> stages = new ArrayList<>(events);
    for (int i = 0; i < events; i++) {
      stages.add(walk.step(row));
    }
    return stages;
  }

  /** Events every row is checked on before it is timed. */
  public static final int CHECKED_EVENTS = 20_000;

  private static List<String> reference;

  /** The stage ids the table engine goes through on the first {@link #CHECKED_EVENTS} events. */
  public static synchronized List<String> reference() {
    if (reference == null) {
      try (EngineRow table = EngineRow.table(0)) {
        reference = List.copyOf(stages(table, CHECKED_EVENTS));
      }
    }
    return reference;
  }

  /**
   * Checks that a fresh row made by {@code factory} goes through the same stages as the table engine on the first
   * {@link #CHECKED_EVENTS} events.
   *
   * @throws IllegalStateException naming the first event where they differ
   */
  public static void check(String name, java.util.function.Supplier<? extends Row> factory) {
    List<String> expected = reference();
    List<String> actual;
    try (Row row = factory.get()) {
      actual = stages(row, CHECKED_EVENTS);
    }
    for (int i = 0; i < expected.size(); i++) {
      if (!Objects.equals(expected.get(i), actual.get(i))) {
        throw new IllegalStateException(name + " differs from the table engine at event " + i + " (deal slot "
            + (i % Workload.DEALS) + "): stage '" + actual.get(i) + "', expected '" + expected.get(i) + "'");
      }
    }
  }
}
