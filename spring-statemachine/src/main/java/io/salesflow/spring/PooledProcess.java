package io.salesflow.spring;

import io.salesflow.GuardContext;
import io.salesflow.GuardVerdict;
import io.salesflow.SalesProcess;
import io.salesflow.Stage;
import io.salesflow.Transition;
import io.salesflow.engine.CompiledProcess;
import io.salesflow.engine.CompiledProcess.Decision;
import io.salesflow.engine.FireResult.RejectionKind;
import java.time.Duration;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.statemachine.StateMachine;
import org.springframework.statemachine.StateMachineContext;
import org.springframework.statemachine.config.StateMachineFactory;
import org.springframework.statemachine.state.State;
import org.springframework.statemachine.support.DefaultStateMachineContext;

/**
 * A process compiled for Spring Statemachine and run on a {@link MachinePool}. Per event: take a machine, reset it
 * to the deal's stage, send the event with the deal's {@link GuardContext} in an {@link Attempt}, read the decision
 * from the attempt and check that the machine agrees, give the machine back. Nothing about the deal stays in the
 * machine. Thread-safe.
 *
 * <p>How the engine works inside (none of it is API; it may change in any release):
 *
 * <ul>
 *   <li>{@link SsmModel} compiles a process into a {@code StateMachineFactory}: stages are plain states (won and
 *       lost included: no end states, see
 *       <a href="https://github.com/spring-attic/spring-statemachine/issues/966">spring-statemachine#966</a>),
 *       events are event type ids, and each (stage, event)
 *       pair is exactly one Spring Statemachine transition, so Spring's own order among transitions with the same
 *       trigger never matters.
 *   <li>{@link Attempt} travels in the message header of each event: guards record their verdicts in it and the
 *       action of the transition taken records which one fired.
 *   <li>{@link MachinePool} holds a bounded number of started machines; this class resets one to the deal's stage
 *       per event, sends the event and reads the decision back.
 * </ul>
 */
final class PooledProcess implements CompiledProcess {
  /** Tries per event: a machine that neither takes nor refuses an event it has transitions for is replaced once. */
  private static final int ROUNDS = 2;
  /** What {@link #run} returns when a guard threw on a machine that stayed sound; never returned to callers. */
  private static final Decision GUARD_FAILED =
      new Decision.Refuse(RejectionKind.GUARD_DENIED, List.of("a guard threw"));

  private final SalesProcess process;
  private final StateMachineFactory<String, String> factory;
  private final MachinePool pool;
  private final Map<String, StateMachineContext<String, String>> resets = new HashMap<>();
  private final Map<Transition, Decision.Take> takes = new IdentityHashMap<>();

  /**
   * Compiles {@code process} and prepares a pool of up to {@code poolSize} machines, none created yet.
   *
   * @param acquireTimeout how long a decision waits for a machine when all are in use
   * @param customizer called with each pooled machine once, before it is started; may be null
   */
  PooledProcess(SalesProcess process, int poolSize, Duration acquireTimeout,
      @Nullable Consumer<? super StateMachine<String, String>> customizer) {
    this.process = process;
    this.factory = SsmModel.compile(process);
    this.pool = new MachinePool(process, factory, poolSize, acquireTimeout, customizer);
    for (Stage stage : process.stages()) {
      resets.put(stage.id(), new DefaultStateMachineContext<>(stage.id(), null, null, null, null, null));
    }
    for (Transition transition : process.transitions()) {
      takes.put(transition, new Decision.Take(transition));
    }
  }

  @Override
  public SalesProcess process() {
    return process;
  }

  /** The compiled model the pooled machines are made from. */
  StateMachineFactory<String, String> factory() {
    return factory;
  }

  @Override
  public Decision decide(GuardContext context) {
    String stage = context.deal().stage();
    StateMachineContext<String, String> reset = resets.get(stage);
    if (reset == null) {
      process.stage(stage); // throws, naming the process's stages
      throw new AssertionError(stage);
    }
    for (int round = 1; ; round++) {
      MachinePool.Slot slot = pool.acquire(stage);
      Decision decision = null;
      Throwable failure = null;
      boolean healthy = false;
      try {
        decision = run(slot, reset, context);
        failure = slot.attempt.failure();
        healthy = decision != null && slot.healthy();
      } finally {
        slot.attempt.end();
        pool.release(slot, healthy);
      }
      if (failure != null && decision != null) {
        throw rethrow(failure);
      }
      if (decision != null) {
        return decision;
      }
      if (round == ROUNDS) {
        throw new IllegalStateException("Spring Statemachine neither took nor refused event '"
            + context.event().type() + "' from stage '" + stage + "' of process '" + process.id()
            + "' on two machines; the model does not match the process definition");
      }
    }
  }

  /**
   * One try on one machine: the decision ({@link #GUARD_FAILED} when a guard threw), or null when the machine
   * misbehaved and must be replaced.
   */
  private @Nullable Decision run(MachinePool.Slot slot, StateMachineContext<String, String> reset,
      GuardContext context) {
    String stage = context.deal().stage();
    Attempt attempt = slot.attempt;
    attempt.begin(context);
    slot.resetAndSend(reset, context.event().type().id());
    String now = stateOf(slot.machine);
    Throwable failure = attempt.failure();
    if (failure != null) {
      return stage.equals(now) ? GUARD_FAILED : null;
    }
    Transition fired = attempt.fired();
    if (fired != null) {
      return fired.target().equals(now) ? takes.get(fired) : null;
    }
    if (!stage.equals(now)) {
      return null;
    }
    List<GuardVerdict> denials = attempt.denials();
    if (!denials.isEmpty()) {
      return Decision.refuse(process, context, List.copyOf(denials));
    }
    if (process.transitions(stage, context.event().type()).isEmpty()) {
      return Decision.refuse(process, context, List.of());
    }
    return null; // the machine matched no trigger although the process has transitions: it is broken
  }

  private static @Nullable String stateOf(StateMachine<String, String> machine) {
    State<String, String> state = machine.getState();
    return state == null ? null : state.getId();
  }

  private static RuntimeException rethrow(Throwable failure) {
    if (failure instanceof RuntimeException e) {
      return e;
    }
    if (failure instanceof Error e) {
      throw e;
    }
    return new IllegalStateException("a guard failed: " + failure, failure);
  }

  /** Machines this process has ever created. */
  int machinesCreated() {
    return pool.created();
  }

  /** Machines discarded as unusable after use. */
  int machinesDiscarded() {
    return pool.discarded();
  }

  /** Machines idle in the pool now. */
  int machinesIdle() {
    return pool.idle();
  }

  /** The most machines the pool holds at once. */
  int poolSize() {
    return pool.capacity();
  }

  /** Machines taken by a thread now. */
  int machinesInUse() {
    return pool.inUse();
  }

  /** Threads waiting for a machine now, an estimate. */
  int threadsWaiting() {
    return pool.waiting();
  }

  /** How long a decision waits for a machine. */
  Duration acquireTimeout() {
    return pool.acquireTimeout();
  }

  @Override
  public void close() {
    pool.close();
  }

  @Override
  public String toString() {
    return "PooledProcess{" + process.id() + ", pool " + pool.capacity() + ", created " + pool.created() + "}";
  }
}
