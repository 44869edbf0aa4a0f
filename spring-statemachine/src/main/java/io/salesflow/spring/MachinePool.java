package io.salesflow.spring;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.Lifecycle;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.statemachine.StateMachine;
import org.springframework.statemachine.access.StateMachineAccess;
import org.springframework.statemachine.config.StateMachineFactory;
import org.springframework.statemachine.support.AbstractStateMachine;
import reactor.core.publisher.Mono;

/**
 * A bounded pool of started machines of one compiled process. Machines are created lazily, at most
 * {@code capacity} at a time; a thread that finds none idle and the pool at capacity waits for one. A machine that
 * is not healthy after use (stopped, complete, in error, or not where it should be) is discarded and stopped, and a
 * new one is created on demand. A thread waits at most the acquire timeout, then gets a {@link PoolTimeoutException}.
 * Thread-safe; each machine is used by one thread at a time, handed over through a concurrent queue.
 */
final class MachinePool {
  private static final Logger LOG = LoggerFactory.getLogger(MachinePool.class);

  private final String processId;
  private final StateMachineFactory<String, String> factory;
  private final @Nullable Consumer<? super StateMachine<String, String>> customizer;
  private final int capacity;
  private final Duration acquireTimeout;
  private final ArrayBlockingQueue<Slot> idle;
  private final Semaphore permits;
  private final AtomicInteger created = new AtomicInteger();
  private final AtomicInteger discarded = new AtomicInteger();
  private volatile boolean closed;

  MachinePool(String processId, StateMachineFactory<String, String> factory, int capacity, Duration acquireTimeout,
      @Nullable Consumer<? super StateMachine<String, String>> customizer) {
    this.processId = processId;
    this.factory = factory;
    this.capacity = capacity;
    this.acquireTimeout = acquireTimeout;
    this.customizer = customizer;
    this.idle = new ArrayBlockingQueue<>(capacity);
    // Fair, so that under load the thread that waited longest gets the next machine and no thread times out while
    // later ones are served.
    this.permits = new Semaphore(capacity, true);
  }

  /** A pooled machine with what is reused across its events: its attempt and its event messages. */
  static final class Slot {
    final StateMachine<String, String> machine;
    final StateMachineAccess<String, String> access;
    final Attempt attempt = new Attempt();
    private final Map<String, Mono<Message<String>>> messages = new HashMap<>();

    Slot(StateMachine<String, String> machine) {
      this.machine = machine;
      this.access = machine.getStateMachineAccessor().withRegion();
    }

    /** The message for {@code event}, carrying this slot's attempt; messages are immutable, so one per event id. */
    Mono<Message<String>> message(String event) {
      Mono<Message<String>> message = messages.get(event);
      if (message == null) {
        message = Mono.just(MessageBuilder.withPayload(event).setHeader(Attempt.HEADER, attempt).build());
        messages.put(event, message);
      }
      return message;
    }

    boolean healthy() {
      return machine instanceof Lifecycle lifecycle && lifecycle.isRunning() && !machine.isComplete()
          && !machine.hasStateMachineError();
    }
  }

  /**
   * Takes an idle machine, or creates one while the pool is below capacity, waiting at most the acquire timeout.
   *
   * @throws PoolTimeoutException if no machine became free in time, or the waiting thread was interrupted (its
   *     interrupt status is then set again)
   */
  Slot acquire() {
    boolean acquired;
    try {
      // The timed form even when a machine is free: unlike tryAcquire(), it keeps the semaphore's fair order.
      acquired = permits.tryAcquire(acquireTimeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PoolTimeoutException(processId, capacity, acquireTimeout, permits.getQueueLength(), true);
    }
    if (!acquired) {
      throw new PoolTimeoutException(processId, capacity, acquireTimeout, permits.getQueueLength(), false);
    }
    try {
      if (closed) {
        throw new IllegalStateException("the Spring Statemachine engine's compiled process '" + processId
            + "' was closed; build a new engine");
      }
      Slot slot = idle.poll();
      return slot != null ? slot : create();
    } catch (RuntimeException | Error e) {
      permits.release();
      throw e;
    }
  }

  void release(Slot slot, boolean healthy) {
    try {
      if (healthy && !closed) {
        if (!idle.offer(slot)) {
          throw new IllegalStateException("machine pool of process '" + processId + "' overflowed");
        }
      } else {
        if (!closed) {
          discarded.incrementAndGet();
          LOG.warn("discarded an unusable Spring Statemachine machine of process '{}' (state {}, complete {}, "
              + "error {}); a new one will be created", processId, slot.machine.getState(),
              slot.machine.isComplete(), slot.machine.hasStateMachineError());
        }
        stop(slot);
      }
    } finally {
      permits.release();
    }
  }

  private Slot create() {
    StateMachine<String, String> machine = factory.getStateMachine();
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
    return new Slot(machine);
  }

  private static void stop(Slot slot) {
    try {
      slot.machine.stopReactively().block();
    } catch (RuntimeException e) {
      LOG.debug("stopping a discarded machine failed", e);
    }
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
    return idle.size();
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
    for (Slot slot; (slot = idle.poll()) != null; ) {
      stop(slot);
    }
  }
}
