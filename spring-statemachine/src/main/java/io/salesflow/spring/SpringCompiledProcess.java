package io.salesflow.spring;

import io.salesflow.GuardContext;
import io.salesflow.SalesProcess;
import io.salesflow.engine.CompiledProcess;
import io.salesflow.engine.CompiledProcess.Decision;
import java.time.Duration;
import org.springframework.statemachine.config.StateMachineFactory;

/**
 * A process compiled into a Spring Statemachine model, with the bounded pool of started machines that runs its deals.
 *
 * <p>Obtain one from {@link SpringStatemachineCompiler#compile(SalesProcess)} or, for a process an engine runs, from
 * {@link SpringStatemachineCompiler#compiled(String)}. The {@link #factory() factory} is the compiled model: Spring
 * users build their own machines from it to attach listeners and interceptors or to run test plans; machines built
 * that way are theirs and are never pooled.
 *
 * <pre>{@code
 * SpringStatemachineCompiler compiler = SpringStatemachineCompiler.create(4);
 * DealEngine engine = compiler.engine().process(process).build();
 * StateMachineFactory<String, String> factory = compiler.compiled(process.id()).factory();
 * }</pre>
 *
 * <p>Thread-safe: any number of threads may {@link #decide(GuardContext) decide} at once; each takes a machine of
 * its own from the pool, waiting when all {@link #poolSize()} machines are busy, for at most
 * {@link #acquireTimeout()}. {@link #machinesInUse()} and {@link #threadsWaiting()} tell how busy the pool is now,
 * for gauges and health checks.
 *
 * @since 0.1
 */
public final class SpringCompiledProcess implements CompiledProcess {
  private final PooledProcess delegate;

  SpringCompiledProcess(PooledProcess delegate) {
    this.delegate = delegate;
  }

  /** The process this was compiled from. */
  @Override
  public SalesProcess process() {
    return delegate.process();
  }

  /**
   * Decides the step for {@code context.event()} on {@code context.deal()} on a pooled machine, exactly as
   * {@link Decision#firstAllowed} does: the first transition from the deal's stage on the event's type whose guard
   * allows, or a refusal with the reasons of every guard that denied.
   *
   * @throws IllegalArgumentException if the deal's stage is not a stage of this process
   * @throws IllegalStateException if this compiled process was {@link #close() closed}
   * @throws PoolTimeoutException if no pooled machine became free within {@link #acquireTimeout()}
   * @throws RuntimeException whatever a guard threw, as the table engine would throw it
   */
  @Override
  public Decision decide(GuardContext context) {
    return delegate.decide(context);
  }

  /**
   * Returns the compiled model: states are stage ids, events are event type ids (for example {@code "closed-won"}).
   * Machines from it start in the process's initial stage and are not started automatically. Guards read the deal
   * from the message header that {@link SpringStatemachineCompiler#eventMessage(GuardContext)} sets; a bare event
   * takes only unguarded transitions.
   *
   * @return the factory; the machines it builds are the caller's and are never pooled
   */
  public StateMachineFactory<String, String> factory() {
    return delegate.factory();
  }

  /** {@return the most machines this process keeps started at once} */
  public int poolSize() {
    return delegate.poolSize();
  }

  /**
   * Returns how many machines the pool has ever created. For a process of up to 64 transitions it stays at or below
   * {@link #poolSize()} unless a machine was discarded as unusable, which {@link #machinesDiscarded()} counts; a larger
   * process runs on machines of one stage each (see {@link SpringStatemachineCompiler}), up to {@link #poolSize()} per
   * stage, and creates them again for a stage whose idle machines it dropped.
   *
   * @return the number of machines created, discarded ones included
   */
  public int machinesCreated() {
    return delegate.machinesCreated();
  }

  /** {@return how many machines were discarded after use because they were stopped, complete or in error} */
  public int machinesDiscarded() {
    return delegate.machinesDiscarded();
  }

  /** {@return how many machines are idle in the pool now} */
  public int machinesIdle() {
    return delegate.machinesIdle();
  }

  /**
   * Returns how many of the pool's machines a thread holds now, deciding an event. When it equals
   * {@link #poolSize()}, further threads wait.
   *
   * @return a number from 0 to {@link #poolSize()}, a snapshot that may change at once
   */
  public int machinesInUse() {
    return delegate.machinesInUse();
  }

  /**
   * Returns how many threads wait for a machine now, because all are in use.
   *
   * @return an estimate, a snapshot that may change at once
   */
  public int threadsWaiting() {
    return delegate.threadsWaiting();
  }

  /** {@return how long a decision waits for a machine before it throws {@link PoolTimeoutException}} */
  public Duration acquireTimeout() {
    return delegate.acquireTimeout();
  }

  /** Stops the pooled machines; later decisions throw {@link IllegalStateException}. */
  @Override
  public void close() {
    delegate.close();
  }

  @Override
  public String toString() {
    return "SpringCompiledProcess{process=" + process().id() + ", poolSize=" + poolSize() + ", machinesCreated="
        + machinesCreated() + "}";
  }
}
