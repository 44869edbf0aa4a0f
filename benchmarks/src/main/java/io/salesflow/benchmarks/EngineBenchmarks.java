package io.salesflow.benchmarks;

import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost per event of the {@link Workload} on every row, in one JMH run: average time per event, and with
 * {@code -prof gc} the bytes allocated per event.
 *
 * <p>Each benchmark method fires exactly one event (the next one of the round robin over 1,024 deals). Before
 * timing, each row's setup runs a fresh copy of the row over the first 20,000 events and fails unless it goes
 * through the same stages as the table engine. One fork per row, fixed 2 GB heap touched before the run (so no row
 * pays for first-touch page faults). Rows 1, 5 and 6 warm up for 12 seconds and measure 6 iterations of 4 seconds.
 * The Spring Statemachine rows warm up for 20 seconds (it settles after about 10 on 2 cores) and measure 8 iterations
 * of 4 seconds: on a shared machine their time wanders by 10 to 15% over a minute, so they are averaged longer.
 *
 * <p><b>Process size (rows 1s and 2s).</b> Rows 1 and 2 again, with fresh deals, on a process of {@code stages}
 * stages (9, 100 and 1,000): {@link Workload#generated(int)} keeps the workload's nine stages and transitions and adds
 * {@code stages - 9} extra open stages declared among them, each reachable through a chain of referrals from
 * prospecting and each with three transitions of its own (a referral to the next extra stage, a contact into
 * preparation, closed lost), so the transition table has 15, 289 and 2,989 rows. The deals follow the same scripts
 * (they never fire a referral), go through the same stages (checked as for every row) and take the same transitions,
 * so the rows differ in process size only. With 9 stages the row runs {@link Workload#PROCESS} itself, as rows 1 and 2
 * do; the target is each engine's 100- and 1,000-stage rows within 1.5 &times; of its 9-stage row.
 *
 * <p>Run (see benchmarks/README.md):
 * {@code java -jar benchmarks/target/benchmarks.jar EngineBenchmarks -prof gc}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 3, time = 4)
@Measurement(iterations = 6, time = 4)
public class EngineBenchmarks {

  /** A row and its walk over the workload, checked before timing. */
  @State(Scope.Thread)
  public abstract static class RowState {
    Row row;
    RoundRobin walk;

    abstract String name();

    abstract Row create();

    @Setup(Level.Trial)
    public void setUp() {
      Supplier<Row> factory = this::create;
      RoundRobin.check(name(), factory);
      row = create();
      walk = new RoundRobin();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      row.close();
    }
  }

  /** Row 1. */
  public static class TableEngine extends RowState {
    @Override
    String name() {
      return "table engine";
    }

    @Override
    Row create() {
      return EngineRow.table(0);
    }
  }

  /** Row 1 with every event fired by a named actor. */
  public static class TableEngineActor extends RowState {
    @Override
    String name() {
      return "table engine, with an actor";
    }

    @Override
    Row create() {
      return EngineRow.tableWithActor();
    }
  }

  /** Row 1 with deals that start with 1,000 history records. */
  public static class TableEngineHistory extends RowState {
    @Override
    String name() {
      return "table engine, 1,000 history records";
    }

    @Override
    Row create() {
      return EngineRow.table(1000);
    }
  }

  /** Row 2. */
  public static class SpringEngine extends RowState {
    @Override
    String name() {
      return "Spring Statemachine engine";
    }

    @Override
    Row create() {
      return EngineRow.spring(0);
    }
  }

  /** Row 2 with deals that start with 1,000 history records. */
  public static class SpringEngineHistory extends RowState {
    @Override
    String name() {
      return "Spring Statemachine engine, 1,000 history records";
    }

    @Override
    Row create() {
      return EngineRow.spring(1000);
    }
  }

  /** Rows 1s and 2s: an engine on a generated process of {@code stages} stages. */
  public abstract static class Sized extends RowState {
    @Param({"9", "100", "1000"})
    public int stages;

    abstract boolean spring();

    @Override
    String name() {
      return (spring() ? "Spring Statemachine engine" : "table engine") + ", " + stages + " stages";
    }

    @Override
    Row create() {
      return EngineRow.sized(spring(), stages);
    }
  }

  /** Row 1s. */
  public static class TableEngineSized extends Sized {
    @Override
    boolean spring() {
      return false;
    }
  }

  /** Row 2s. */
  public static class SpringEngineSized extends Sized {
    @Override
    boolean spring() {
      return true;
    }
  }

  /** Row 3. */
  public static class RawSsmPooled extends RowState {
    @Override
    String name() {
      return "raw Spring Statemachine, one machine per thread";
    }

    @Override
    Row create() {
      return new RawSsmPooledRow();
    }
  }

  /** Row 4. */
  public static class RawSsmFactory extends RowState {
    @Override
    String name() {
      return "raw Spring Statemachine, a machine per event";
    }

    @Override
    Row create() {
      return new RawSsmFactoryRow();
    }
  }

  /** Row 5. */
  public static class Stateless4j extends RowState {
    @Override
    String name() {
      return "stateless4j";
    }

    @Override
    Row create() {
      return new Stateless4jRow();
    }
  }

  /** Row 6. */
  public static class EnumMapFloor extends RowState {
    @Override
    String name() {
      return "EnumMap floor";
    }

    @Override
    Row create() {
      return new EnumMapRow();
    }
  }

  @Benchmark
  public String row1_tableEngine(TableEngine state) {
    return state.walk.step(state.row);
  }

  @Benchmark
  public String row1a_tableEngine_actor(TableEngineActor state) {
    return state.walk.step(state.row);
  }

  @Benchmark
  public String row1h_tableEngine_history1000(TableEngineHistory state) {
    return state.walk.step(state.row);
  }

  @Benchmark
  @Warmup(iterations = 5, time = 4)
  @Measurement(iterations = 8, time = 4)
  public String row2_springEngine(SpringEngine state) {
    return state.walk.step(state.row);
  }

  @Benchmark
  public String row1s_tableEngine_stages(TableEngineSized state) {
    return state.walk.step(state.row);
  }

  @Benchmark
  @Warmup(iterations = 5, time = 4)
  @Measurement(iterations = 8, time = 4)
  public String row2s_springEngine_stages(SpringEngineSized state) {
    return state.walk.step(state.row);
  }

  @Benchmark
  @Warmup(iterations = 5, time = 4)
  @Measurement(iterations = 8, time = 4)
  public String row2h_springEngine_history1000(SpringEngineHistory state) {
    return state.walk.step(state.row);
  }

  @Benchmark
  @Warmup(iterations = 5, time = 4)
  @Measurement(iterations = 8, time = 4)
  public String row3_rawSsm_machinePerThread(RawSsmPooled state) {
    return state.walk.step(state.row);
  }

  @Benchmark
  @Warmup(iterations = 5, time = 4)
  @Measurement(iterations = 8, time = 4)
  public String row4_rawSsm_machinePerEvent(RawSsmFactory state) {
    return state.walk.step(state.row);
  }

  @Benchmark
  public String row5_stateless4j(Stateless4j state) {
    return state.walk.step(state.row);
  }

  @Benchmark
  public String row6_enumMapFloor(EnumMapFloor state) {
    return state.walk.step(state.row);
  }
}
