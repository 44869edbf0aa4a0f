package io.salesflow.spring;

import io.salesflow.SalesProcess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.Lifecycle;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.statemachine.StateMachine;
import org.springframework.statemachine.StateMachineContext;
import org.springframework.statemachine.StateMachineEventResult;
import org.springframework.statemachine.access.StateMachineAccess;
import org.springframework.statemachine.config.StateMachineFactory;
import org.springframework.statemachine.support.AbstractStateMachine;
import reactor.core.publisher.Mono;

/**
 * A bounded pool of started machines of one compiled process. At most {@code capacity} machines are in use at once:
 * a thread that finds the pool at capacity waits for a machine, at most the acquire timeout, then gets a
 * {@link PoolTimeoutException}. Machines are created lazily. A machine that is not healthy after use (stopped,
 * complete, in error, or not where it should be) is discarded and stopped, and a new one is created on demand.
 *
 * <p>Which machines: a process of at most {@link #WHOLE_MODEL_TRANSITIONS} transitions (every catalog process) runs
 * on machines of its whole model, so the pool holds at most {@code capacity} machines. A larger process runs on
 * machines of one stage's neighbourhood each ({@link SsmModel#compileStage}): Spring Statemachine's executor walks
 * every transition of its machine on each event, and resetting a machine walks its states, so on a whole model of
 * hundreds of stages an event would cost several times more. Each stage then has its own idle machines, at most
 * {@code capacity}, and at most {@link #STAGES_KEPT} stages, the most recently used, keep theirs (and their compiled
 * model); a stage that drops out has its idle machines stopped, and a machine of it in use is stopped when it is
 * given back. So a large process keeps at most {@code STAGES_KEPT * capacity} idle machines: measured, a stage's
 * model with one started machine of it retains about 20 KB (a whole nine-stage machine about 22 KB), so at most
 * about 1.3 MB per unit of capacity.
 *
 * <p>Thread-safe; each machine is used by one thread at a time.
 */
final class MachinePool {
  private static final Logger LOG = LoggerFactory.getLogger(MachinePool.class);
  /** The most transitions a process may have for its machines to hold its whole model. */
  static final int WHOLE_MODEL_TRANSITIONS = 64;
  /** The most stages of a large process that keep idle machines. */
  static final int STAGES_KEPT = 64;
  /** The key of the one group of a process that runs on its whole model; stage ids are never blank. */
  private static final String WHOLE = "";

  private final SalesProcess process;
  private final StateMachineFactory<String, String> factory;
  private final boolean byStage;
  private final @Nullable Consumer<? super StateMachine<String, String>> customizer;
  private final int capacity;
  private final Duration acquireTimeout;
  private final Semaphore permits;
  /** Idle machines by stage ({@link #WHOLE} for a whole-model process), least recently used first. */
  private final LinkedHashMap<String, Group> groups;
  private final AtomicInteger created = new AtomicInteger();
  private final AtomicInteger discarded = new AtomicInteger();
  private volatile boolean closed;

  MachinePool(SalesProcess process, StateMachineFactory<String, String> factory, int capacity,
      Duration acquireTimeout, @Nullable Consumer<? super StateMachine<String, String>> customizer) {
    this.process = process;
    this.factory = factory;
    this.byStage = process.transitions().size() > WHOLE_MODEL_TRANSITIONS;
    this.capacity = capacity;
    this.acquireTimeout = acquireTimeout;
    this.customizer = customizer;
    // Fair, so that under load the thread that waited longest gets the next machine and no thread times out while
    // later ones are served.
    this.permits = new Semaphore(capacity, true);
    this.groups = new LinkedHashMap<>(16, 0.75f, true);
    if (!byStage) {
      groups.put(WHOLE, new Group(factory));
    }
  }

  /** The machines of one model: a whole process, or one stage's neighbourhood. Guarded by the pool. */
  private static final class Group {
    final StateMachineFactory<String, String> factory;
    final ArrayDeque<Slot> idle = new ArrayDeque<>();
    boolean dropped;

    Group(StateMachineFactory<String, String> factory) {
      this.factory = factory;
    }
  }

  /**
   * A pooled machine with what is reused across its events: its attempt, and for each stage and event the steps that
   * reset the machine to the stage and send it the event with the attempt in its header, assembled once.
   */
  static final class Slot {
    private static final Function<StateMachineEventResult<String, String>, Mono<Void>> COMPLETION =
        StateMachineEventResult::complete;

    final StateMachine<String, String> machine;
    final Attempt attempt = new Attempt();
    private final StateMachineAccess<String, String> access;
    private final Group group;
    /** By stage, then by event id; a process has finitely many of both. */
    private final Map<String, Map<String, Mono<Void>>> steps = new HashMap<>();

    Slot(StateMachine<String, String> machine, Group group) {
      this.machine = machine;
      this.group = group;
      this.access = machine.getStateMachineAccessor().withRegion();
    }

    /**
     * Resets the machine to {@code reset}'s stage, sends it {@code event} with this slot's attempt in its header and
     * waits until the machine is done with it. Reactor's publishers are cold, so the chain is assembled once per
     * stage and event and subscribed to again on each use.
     */
    void resetAndSend(StateMachineContext<String, String> reset, String event) {
      Map<String, Mono<Void>> byEvent = steps.computeIfAbsent(reset.getState(), stage -> new HashMap<>());
      Mono<Void> step = byEvent.get(event);
      if (step == null) {
        Message<String> message = MessageBuilder.withPayload(event).setHeader(Attempt.HEADER, attempt).build();
        step = access.resetStateMachineReactively(reset)
            .thenMany(machine.sendEvent(Mono.just(message))).flatMap(COMPLETION).then();
        byEvent.put(event, step);
      }
      step.block();
    }

    boolean healthy() {
      return machine instanceof Lifecycle lifecycle && lifecycle.isRunning() && !machine.isComplete()
          && !machine.hasStateMachineError();
    }
  }

  /**
   * Takes an idle machine that decides events for deals in {@code stage}, or creates one, waiting at most the acquire
   * timeout while {@code capacity} machines are in use.
   *
   * @throws PoolTimeoutException if no machine became free in time, or the waiting thread was interrupted (its
   *     interrupt status is then set again)
   */
  Slot acquire(String stage) {
    boolean acquired;
    try {
      // The timed form even when a machine is free: unlike tryAcquire(), it keeps the semaphore's fair order.
      acquired = permits.tryAcquire(acquireTimeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PoolTimeoutException(process.id(), capacity, acquireTimeout, permits.getQueueLength(), true);
    }
    if (!acquired) {
      throw new PoolTimeoutException(process.id(), capacity, acquireTimeout, permits.getQueueLength(), false);
    }
    try {
      if (closed) {
        throw new IllegalStateException("the Spring Statemachine engine's compiled process '" + process.id()
            + "' was closed; build a new engine");
      }
      Group group;
      Slot slot;
      List<Slot> stopped = null;
      synchronized (groups) {
        String key = byStage ? stage : WHOLE;
        group = groups.get(key);
        if (group == null) {
          group = new Group(SsmModel.compileStage(process, stage));
          groups.put(key, group);
          if (groups.size() > STAGES_KEPT) {
            stopped = dropEldest();
          }
        }
        slot = group.idle.poll();
      }
      if (stopped != null) {
        stopped.forEach(MachinePool::stop);
      }
      return slot != null ? slot : create(group);
    } catch (RuntimeException | Error e) {
      permits.release();
      throw e;
    }
  }

  /** Drops the least recently used stage; returns its idle machines, to be stopped outside the lock. */
  private List<Slot> dropEldest() {
    var eldest = groups.entrySet().iterator();
    Group group = eldest.next().getValue();
    eldest.remove();
    group.dropped = true;
    List<Slot> idle = new ArrayList<>(group.idle);
    group.idle.clear();
    return idle;
  }

  void release(Slot slot, boolean healthy) {
    try {
      boolean kept = false;
      if (healthy && !closed) {
        synchronized (groups) {
          Group group = slot.group;
          if (!group.dropped) {
            if (group.idle.size() >= capacity) {
              throw new IllegalStateException("machine pool of process '" + process.id() + "' overflowed");
            }
            group.idle.add(slot);
            kept = true;
          }
        }
      } else if (!closed) {
        discarded.incrementAndGet();
        LOG.warn("discarded an unusable Spring Statemachine machine of process '{}' (state {}, complete {}, "
            + "error {}); a new one will be created", process.id(), slot.machine.getState(),
            slot.machine.isComplete(), slot.machine.hasStateMachineError());
      }
      if (!kept) {
        stop(slot);
      }
    } finally {
      permits.release();
    }
  }

  private Slot create(Group group) {
    StateMachine<String, String> machine = group.factory.getStateMachine();
    if (customizer != null) {
      customizer.accept(machine);
    }
    // Without an id Spring Statemachine skips its annotation-handler lookup, which compiles a regular expression on
    // every notification that finds no handler (in 4.0.1 about a quarter of the memory allocated per event); with no
    // bean factory there are no handlers to find. Resets keep the id empty.
    if (machine instanceof AbstractStateMachine<String, String> anonymous) {
      anonymous.setId(null);
    }
    machine.startReactively().block();
    created.incrementAndGet();
    return new Slot(machine, group);
  }

  private static void stop(Slot slot) {
    try {
      slot.machine.stopReactively().block();
    } catch (RuntimeException e) {
      LOG.debug("stopping a discarded machine failed", e);
    }
  }

  /** The compiled model of the whole process. */
  StateMachineFactory<String, String> factory() {
    return factory;
  }

  /** Whether this pool runs machines of one stage each rather than of the whole process. */
  boolean byStage() {
    return byStage;
  }

  int capacity() {
    return capacity;
  }

  int created() {
    return created.get();
  }

  int discarded() {
    return discarded.get();
  }

  int idle() {
    synchronized (groups) {
      return groups.values().stream().mapToInt(group -> group.idle.size()).sum();
    }
  }

  /** Stages whose models and idle machines the pool keeps now (1 for a process on its whole model). */
  int groupsKept() {
    synchronized (groups) {
      return groups.size();
    }
  }

  /** Machines taken by a thread now: the capacity less the free permits. */
  int inUse() {
    return capacity - permits.availablePermits();
  }

  /** An estimate of the threads waiting for a machine now. */
  int waiting() {
    return permits.getQueueLength();
  }

  Duration acquireTimeout() {
    return acquireTimeout;
  }

  void close() {
    closed = true;
    List<Slot> idle = new ArrayList<>();
    synchronized (groups) {
      for (Group group : groups.values()) {
        idle.addAll(group.idle);
        group.idle.clear();
      }
    }
    idle.forEach(MachinePool::stop);
  }
}
