package io.salesflow.spring;

import io.salesflow.GuardContext;
import io.salesflow.SalesProcess;
import io.salesflow.engine.DealEngine;
import io.salesflow.engine.ProcessCompiler;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.statemachine.StateContext;
import org.springframework.statemachine.StateMachine;
import org.springframework.statemachine.config.StateMachineFactory;

/**
 * The engine on Spring Statemachine, as a {@link ProcessCompiler}: compiles each process into a Spring Statemachine
 * model and decides every event on a bounded pool of machines, with exactly the results of the table engine.
 * {@link #springStatemachineEngine()} is this engine's counterpart of {@link DealEngine#tableEngine()}, and reads
 * like it when statically imported.
 *
 * <pre>{@code
 * import static io.salesflow.spring.SpringStatemachineCompiler.springStatemachineEngine;
 *
 * DealEngine engine = springStatemachineEngine().process(process).build();
 * engine.start("D-42", process.id());
 * FireResult result = engine.fire("D-42", new SalesEvent.ContactMade(now, ContactChannel.PHONE));
 * }</pre>
 *
 * <p>Keep a compiler from {@link #create(int)} to reach what it compiled: each process's
 * {@link SpringCompiledProcess#factory() StateMachineFactory}, for your own listeners, interceptors and test plans,
 * and its pool counters.
 *
 * <pre>{@code
 * SpringStatemachineCompiler compiler = SpringStatemachineCompiler.create(8);
 * DealEngine engine = compiler.engine().process(process).build();
 * StateMachineFactory<String, String> factory = compiler.factoryFor(process.id());
 * }</pre>
 *
 * <p>How it runs: per process, at most {@link #poolSize()} machines in use at once, created on demand. Each event takes
 * an idle machine (waiting at most {@link #acquireTimeout()} when all are in use, then throwing
 * {@link PoolTimeoutException}), resets it to the deal's stage, sends the event with the deal and the event in its message header,
 * reads back which transition fired or which guards denied and why, and returns the machine. Nothing about a deal is
 * kept in a machine between events. Won and lost stages are plain states, never Spring end states (in Spring
 * Statemachine 4.0.x a machine that enters an end state stops and cannot be reset and reused), and a machine that is
 * unusable after an event is replaced.
 *
 * <p>Which machines: a process of up to 64 transitions (every catalog process) runs on machines of its whole model,
 * so its pool holds at most {@link #poolSize()} machines. Spring Statemachine walks every transition and state of a
 * machine on each event, so a larger process runs on machines of one stage each (the stage, its transitions and
 * their targets), and an event costs the same in a process of a thousand stages as in one of ten. Each stage then
 * keeps at most {@link #poolSize()} idle machines, and only the 64 stages used last keep theirs, so a large process
 * holds at most 64 &times; {@link #poolSize()} idle machines. A started machine retains about 20 KB, whether of one
 * stage or of a whole nine-stage process (about 22 KB), so a large process's idle machines hold at most about 1.3 MB
 * per unit of pool size. The customizer sees every machine, of either kind.
 *
 * <p>Thread-safe. One compiler may serve one engine or several; {@link #compiled(String, int)} answers for the
 * process version compiled last under an id and version, {@link #compiled(String)} for its highest version.
 *
 * @since 0.1
 */
public final class SpringStatemachineCompiler implements ProcessCompiler {
  /** The {@link #engineName() name} of this engine. */
  public static final String ENGINE_NAME = "spring-statemachine";

  /** How long a decision waits for a pooled machine unless {@link #withAcquireTimeout(Duration)} says otherwise. */
  public static final Duration DEFAULT_ACQUIRE_TIMEOUT = Duration.ofSeconds(30);

  private final int poolSize;
  private final Duration acquireTimeout;
  private final @Nullable Consumer<? super StateMachine<String, String>> customizer;
  /** By process id, then by version. */
  private final Map<String, ConcurrentNavigableMap<Integer, SpringCompiledProcess>> compiled =
      new ConcurrentHashMap<>();

  private SpringStatemachineCompiler(int poolSize, Duration acquireTimeout,
      @Nullable Consumer<? super StateMachine<String, String>> customizer) {
    if (poolSize < 1) {
      throw new IllegalArgumentException("pool size must be at least 1, but was " + poolSize);
    }
    this.poolSize = poolSize;
    this.acquireTimeout = acquireTimeout;
    this.customizer = customizer;
  }

  /**
   * Returns a builder for a {@link DealEngine} on Spring Statemachine, with a pool of {@link #defaultPoolSize()}
   * machines per process: the counterpart of {@link DealEngine#tableEngine()}. Use {@link #create(int)} and
   * {@link #engine()} instead to choose the pool size or to keep the compiler.
   *
   * @return a builder with no processes, an in-memory store and the UTC system clock
   */
  public static DealEngine.Builder springStatemachineEngine() {
    return create().engine();
  }

  /**
   * Returns a compiler with a pool of {@link #defaultPoolSize()} machines per process and an acquire timeout of
   * {@link #DEFAULT_ACQUIRE_TIMEOUT}.
   *
   * @return the compiler
   */
  public static SpringStatemachineCompiler create() {
    return new SpringStatemachineCompiler(defaultPoolSize(), DEFAULT_ACQUIRE_TIMEOUT, null);
  }

  /**
   * Returns a compiler with a pool of {@code poolSize} machines per process. Size it to the number of threads that
   * fire events at once; more threads than machines wait for one, at most {@link #DEFAULT_ACQUIRE_TIMEOUT} unless
   * {@link #withAcquireTimeout(Duration)} says otherwise.
   *
   * @param poolSize the most machines each process keeps started at once; at least 1
   * @return the compiler
   * @throws IllegalArgumentException if {@code poolSize} is less than 1
   */
  public static SpringStatemachineCompiler create(int poolSize) {
    return new SpringStatemachineCompiler(poolSize, DEFAULT_ACQUIRE_TIMEOUT, null);
  }

  /** {@return the default pool size: the number of available processors} */
  public static int defaultPoolSize() {
    return Math.max(1, Runtime.getRuntime().availableProcessors());
  }

  /**
   * Returns a compiler like this one that hands each pooled machine to {@code customizer} once, after it is created
   * and before it is started: to add your {@code StateMachineListener}s or interceptors to the machines that run
   * deals. The customizer must not start, stop or reset the machine, and listeners should be quick: they run on the
   * thread that fires the event.
   *
   * <p>The customizer sees the machine with the process id as its machine id; pooled machines then run without one,
   * so {@code @WithStateMachine} annotation handlers, which Spring Statemachine looks up by machine id, never apply
   * to them (pooled machines have no bean factory, so there would be none to find anyway). In a listener,
   * {@link #guardContext(StateContext)} names the deal being decided and, through it, its process.
   *
   * @param customizer called once for each machine a pool of the new compiler creates, from the thread that needed
   *     the machine; it replaces any customizer of this compiler
   * @return a new compiler with this one's pool size; this compiler is unchanged
   */
  public SpringStatemachineCompiler withMachineCustomizer(Consumer<? super StateMachine<String, String>> customizer) {
    // The pool clears each machine's id after the customizer has seen it; see MachinePool.create for why.
    return new SpringStatemachineCompiler(poolSize, acquireTimeout,
        Objects.requireNonNull(customizer, "customizer must not be null"));
  }

  /**
   * Returns a compiler like this one whose decisions wait at most {@code acquireTimeout} for a pooled machine when
   * all are in use, and then throw {@link PoolTimeoutException}, naming the process, the pool size and the wait,
   * without deciding or changing anything.
   *
   * <pre>{@code
   * SpringStatemachineCompiler compiler = SpringStatemachineCompiler.create(8)
   *     .withAcquireTimeout(Duration.ofMillis(500));
   * }</pre>
   *
   * @param acquireTimeout how long a decision waits for a machine; positive
   * @return a new compiler with this one's pool size and customizer; this compiler is unchanged
   * @throws IllegalArgumentException if {@code acquireTimeout} is zero or negative
   */
  public SpringStatemachineCompiler withAcquireTimeout(Duration acquireTimeout) {
    Objects.requireNonNull(acquireTimeout, "acquireTimeout must not be null");
    if (acquireTimeout.isZero() || acquireTimeout.isNegative()) {
      throw new IllegalArgumentException("acquireTimeout must be positive, but was " + acquireTimeout);
    }
    return new SpringStatemachineCompiler(poolSize, acquireTimeout, customizer);
  }

  /**
   * Returns a builder for a {@link DealEngine} that decides with this compiler; {@link #compiled(String)} and
   * {@link #factoryFor(String)} then reach the processes it is built with.
   *
   * @return a builder with no processes, an in-memory store and the UTC system clock
   */
  public DealEngine.Builder engine() {
    return DealEngine.builder(this);
  }

  /** {@return the most machines each process keeps started at once} */
  public int poolSize() {
    return poolSize;
  }

  /** {@return how long a decision waits for a pooled machine before it throws {@link PoolTimeoutException}} */
  public Duration acquireTimeout() {
    return acquireTimeout;
  }

  /** Returns {@link #ENGINE_NAME}, the name of every engine this compiler decides for. */
  @Override
  public String engineName() {
    return ENGINE_NAME;
  }

  /**
   * Compiles {@code process} into a Spring Statemachine model with a pool of machines, none started yet. An engine
   * calls this once per process when it is built.
   *
   * @throws IllegalStateException if Spring Statemachine rejects the model
   */
  @Override
  public SpringCompiledProcess compile(SalesProcess process) {
    Objects.requireNonNull(process, "process must not be null");
    SpringCompiledProcess result =
        new SpringCompiledProcess(new PooledProcess(process, poolSize, acquireTimeout, customizer));
    compiled.computeIfAbsent(process.id(), id -> new ConcurrentSkipListMap<>()).put(process.version(), result);
    return result;
  }

  /**
   * Returns the latest version of a process this compiler compiled, as compiled last.
   *
   * @param processId the id of a process this compiler compiled
   * @return the compiled process of its highest version, with its factory and pool counters
   * @throws IllegalArgumentException if this compiler compiled no process with that id
   */
  public SpringCompiledProcess compiled(String processId) {
    return versions(processId).lastEntry().getValue();
  }

  /**
   * Returns one version of a process this compiler compiled, as compiled last.
   *
   * @param processId the id of a process this compiler compiled
   * @param version a version of it this compiler compiled
   * @return the compiled process, with its factory and pool counters
   * @throws IllegalArgumentException if this compiler compiled no such process or version
   */
  public SpringCompiledProcess compiled(String processId, int version) {
    SpringCompiledProcess result = versions(processId).get(version);
    if (result == null) {
      throw new IllegalArgumentException("this compiler compiled no version " + version + " of process '"
          + processId + "'; it compiled versions " + versions(processId).keySet());
    }
    return result;
  }

  private ConcurrentNavigableMap<Integer, SpringCompiledProcess> versions(String processId) {
    ConcurrentNavigableMap<Integer, SpringCompiledProcess> versions =
        compiled.get(Objects.requireNonNull(processId, "processId must not be null"));
    if (versions == null || versions.isEmpty()) {
      throw new IllegalArgumentException("this compiler compiled no process '" + processId
          + "'; it compiled " + new TreeSet<>(compiled.keySet()));
    }
    return versions;
  }

  /**
   * Returns the compiled {@code StateMachineFactory} of the latest version of a process; see
   * {@link SpringCompiledProcess#factory()}.
   *
   * @param processId the id of a process this compiler compiled
   * @return the factory, whose machines are the caller's and never pooled
   * @throws IllegalArgumentException if this compiler compiled no process with that id
   */
  public StateMachineFactory<String, String> factoryFor(String processId) {
    return compiled(processId).factory();
  }

  /**
   * Returns the compiled {@code StateMachineFactory} of one version of a process; see
   * {@link SpringCompiledProcess#factory()}.
   *
   * @param processId the id of a process this compiler compiled
   * @param version a version of it this compiler compiled
   * @return the factory, whose machines are the caller's and never pooled
   * @throws IllegalArgumentException if this compiler compiled no such process or version
   */
  public StateMachineFactory<String, String> factoryFor(String processId, int version) {
    return compiled(processId, version).factory();
  }

  /**
   * Returns what this compiler compiled, every version of every process, each as compiled last: to read every pool's
   * counters, for gauges and health checks.
   *
   * @return a snapshot, in no particular order
   */
  public Collection<SpringCompiledProcess> compiledProcesses() {
    return compiled.values().stream().flatMap(versions -> versions.values().stream()).toList();
  }

  /** {@return how many machines the pools of every process this compiler compiled have ever created} */
  public long machinesCreated() {
    return compiled.values().stream().flatMap(versions -> versions.values().stream())
        .mapToLong(SpringCompiledProcess::machinesCreated).sum();
  }

  /**
   * Returns the message to send to a machine of a {@link SpringCompiledProcess#factory() compiled factory} for the
   * event of {@code context}: its payload is the event type id and a header carries {@code context}, which the
   * compiled guards read. Use a message for one send only.
   *
   * <pre>{@code
   * GuardContext context = GuardContext.of(deal, event, clock.instant());
   * machine.sendEvent(Mono.just(SpringStatemachineCompiler.eventMessage(context))).blockLast();
   * }</pre>
   *
   * @param context the deal, the event, the facts as they would be after it, and the time
   * @return a new message for the one send
   */
  public static Message<String> eventMessage(GuardContext context) {
    Objects.requireNonNull(context, "context must not be null");
    return MessageBuilder.withPayload(context.event().type().id()).setHeader(Attempt.HEADER, new Attempt(context))
        .build();
  }

  /**
   * Returns the deal, event and time a machine is deciding on, for a listener or interceptor that was handed a
   * {@code StateContext}.
   *
   * @param stateContext the context Spring Statemachine passed to the listener or interceptor
   * @return the context the event's message carries, or empty for a message that carries none (a bare event sent by
   *     hand)
   */
  public static Optional<GuardContext> guardContext(StateContext<String, String> stateContext) {
    Attempt attempt = Attempt.of(Objects.requireNonNull(stateContext, "stateContext must not be null"));
    return attempt == null ? Optional.empty() : Optional.ofNullable(attempt.context());
  }

  @Override
  public String toString() {
    return "SpringStatemachineCompiler{poolSize=" + poolSize + ", acquireTimeout=" + acquireTimeout + ", compiled="
        + new TreeSet<>(compiled.keySet()) + "}";
  }
}
