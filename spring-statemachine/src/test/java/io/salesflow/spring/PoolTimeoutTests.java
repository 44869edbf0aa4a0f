package io.salesflow.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesflow.EventType;
import io.salesflow.SalesEvent;
import io.salesflow.SalesProcess;
import io.salesflow.Stage;
import io.salesflow.TransitionGuard;
import io.salesflow.engine.DealEngine;
import io.salesflow.engine.FireResult;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A thread that finds every pooled machine in use waits at most the acquire timeout, then gets an exception that
 * names the process, the pool size and the wait, and nothing changes; the pool's gauges show machines in use and
 * threads waiting.
 */
class PoolTimeoutTests {
  private static final Instant NOW = Instant.parse("2026-11-02T09:00:00Z");

  /** A guard that holds its machine until the test lets it go. */
  private static final class Gate {
    final CountDownLatch entered = new CountDownLatch(1);
    final CountDownLatch open = new CountDownLatch(1);

    TransitionGuard guard() {
      return TransitionGuard.of("gate", context -> {
        entered.countDown();
        try {
          return open.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return false;
        }
      }, "gate: closed");
    }
  }

  private static SalesProcess gated(Gate gate) {
    return SalesProcess.builder("gated")
        .stage(Stage.open("lead", "Lead"))
        .stage(Stage.won("won", "Won"))
        .stage(Stage.lost("lost", "Lost"))
        .initialStage("lead")
        .transition("lead", EventType.CLOSED_WON, "won", gate.guard())
        .transition("lead", EventType.CLOSED_LOST, "lost")
        .build();
  }

  private static SalesEvent.ClosedLost lost() {
    return new SalesEvent.ClosedLost(NOW, SalesEvent.LossReason.PRICE, "too expensive", null);
  }

  @Test
  void throwsNamingPoolSizeAndWaitWhenNoMachineFreesUpInTime() throws Exception {
    Gate gate = new Gate();
    SpringStatemachineCompiler compiler = SpringStatemachineCompiler.create(1)
        .withAcquireTimeout(Duration.ofMillis(50));
    ExecutorService holder = Executors.newSingleThreadExecutor();
    try (DealEngine engine = compiler.engine().process(gated(gate)).build()) {
      engine.start("D-1", "gated");
      engine.start("D-2", "gated");
      Future<FireResult> holding = holder.submit(() -> engine.fire("D-1",
          new SalesEvent.ClosedWon(NOW, java.math.BigDecimal.TEN, null)));
      assertThat(gate.entered.await(30, TimeUnit.SECONDS)).isTrue();
      assertThat(compiler.compiled("gated").machinesInUse()).isEqualTo(1);

      assertThatThrownBy(() -> engine.fire("D-2", lost()))
          .isInstanceOf(PoolTimeoutException.class)
          .hasMessageContaining("within 50 ms")
          .hasMessageContaining("all 1 machine of the Spring Statemachine pool of process 'gated' are in use")
          .hasMessageContaining("larger pool or a longer acquire timeout")
          .satisfies(e -> {
            PoolTimeoutException timeout = (PoolTimeoutException) e;
            assertThat(timeout.poolSize()).isEqualTo(1);
            assertThat(timeout.timeout()).isEqualTo(Duration.ofMillis(50));
            assertThat(timeout.processId()).contains("gated");
          });
      assertThat(engine.get("D-2").stage()).isEqualTo("lead");
      assertThat(engine.get("D-2").version()).isZero();

      gate.open.countDown();
      assertThat(holding.get(30, TimeUnit.SECONDS).isAccepted()).isTrue();
      assertThat(compiler.compiled("gated").machinesInUse()).isZero();
      assertThat(engine.fire("D-2", lost()).isAccepted()).isTrue();
    } finally {
      gate.open.countDown();
      holder.shutdownNow();
    }
  }

  @Test
  void countsThreadsWaitingForAMachine() throws Exception {
    Gate gate = new Gate();
    SpringStatemachineCompiler compiler = SpringStatemachineCompiler.create(1);
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try (DealEngine engine = compiler.engine().process(gated(gate)).build()) {
      engine.start("D-1", "gated");
      engine.start("D-2", "gated");
      Future<FireResult> holding = threads.submit(() -> engine.fire("D-1",
          new SalesEvent.ClosedWon(NOW, java.math.BigDecimal.TEN, null)));
      assertThat(gate.entered.await(30, TimeUnit.SECONDS)).isTrue();
      Future<FireResult> waiting = threads.submit(() -> engine.fire("D-2", lost()));
      SpringCompiledProcess compiled = compiler.compiled("gated");
      CompletableFuture<Void> seen = CompletableFuture.runAsync(() -> {
        while (compiled.threadsWaiting() == 0) {
          Thread.onSpinWait();
        }
      });
      seen.get(30, TimeUnit.SECONDS);
      assertThat(compiled.threadsWaiting()).isEqualTo(1);
      assertThat(compiled.machinesInUse()).isEqualTo(compiled.poolSize());

      gate.open.countDown();
      assertThat(holding.get(30, TimeUnit.SECONDS).isAccepted()).isTrue();
      assertThat(waiting.get(30, TimeUnit.SECONDS).isAccepted()).isTrue();
      assertThat(compiled.threadsWaiting()).isZero();
      assertThat(compiler.compiledProcesses()).containsExactly(compiled);
    } finally {
      gate.open.countDown();
      threads.shutdownNow();
    }
  }

  @Test
  void refusesAnAcquireTimeoutThatIsNotPositive() {
    SpringStatemachineCompiler compiler = SpringStatemachineCompiler.create(2);
    assertThat(compiler.acquireTimeout()).isEqualTo(SpringStatemachineCompiler.DEFAULT_ACQUIRE_TIMEOUT);
    assertThatThrownBy(() -> compiler.withAcquireTimeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("acquireTimeout must be positive, but was PT0S");
    assertThat(compiler.withAcquireTimeout(Duration.ofSeconds(2)).acquireTimeout()).isEqualTo(Duration.ofSeconds(2));
    assertThat(compiler.withAcquireTimeout(Duration.ofSeconds(2)).poolSize()).isEqualTo(2);
  }
}
