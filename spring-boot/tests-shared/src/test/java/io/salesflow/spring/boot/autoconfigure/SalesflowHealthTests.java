package io.salesflow.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesflow.EventType;
import io.salesflow.SalesEvent;
import io.salesflow.SalesProcess;
import io.salesflow.Stage;
import io.salesflow.TransitionGuard;
import io.salesflow.engine.DealEngine;
import io.salesflow.spring.SpringStatemachineCompiler;
import io.salesflow.store.DealStore;
import java.lang.reflect.InvocationTargetException;
import java.math.BigDecimal;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The health verdict both Boot lines' indicators report. */
class SalesflowHealthTests {
  private static SalesProcess inbound() {
    return SalesProcess.builder("inbound")
        .stage(Stage.open("lead", "Lead"))
        .stage(Stage.won("won", "Won"))
        .stage(Stage.lost("lost", "Lost"))
        .initialStage("lead")
        .transition("lead", EventType.CLOSED_WON, "won")
        .transition("lead", EventType.CLOSED_LOST, "lost")
        .build();
  }

  /** A store whose lookups fail, as one whose database is down does. */
  private static DealStore unreachable() {
    DealStore memory = DealStore.inMemory();
    return (DealStore) Proxy.newProxyInstance(DealStore.class.getClassLoader(), new Class<?>[] {DealStore.class},
        (proxy, method, args) -> {
          if (method.getName().equals("find")) {
            throw new IllegalStateException("connection refused");
          }
          try {
            return method.invoke(memory, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }

  @Test
  void isUpWithTheEngineProcessesStoreAndPoolsInItsDetails() {
    SpringStatemachineCompiler compiler = SpringStatemachineCompiler.create(2);
    try (DealEngine engine = compiler.engine().process(inbound()).build()) {
      SalesflowHealth.Report report = new SalesflowHealth(engine, compiler).check();
      assertThat(report.up()).isTrue();
      assertThat(report.details()).containsEntry("engine", "spring-statemachine")
          .containsEntry("processes", List.of("inbound"))
          .containsEntry("store", "InMemoryDealStore reachable")
          .containsEntry("pools", Map.of("inbound", Map.of("size", 2, "inUse", 0, "waiting", 0)))
          .doesNotContainKey("problems");
    }
  }

  @Test
  void isDownNamingTheProblemWhenTheStoreDoesNotAnswer() {
    try (DealEngine engine = DealEngine.tableEngine().process(inbound()).store(unreachable()).build()) {
      SalesflowHealth.Report report = new SalesflowHealth(engine, null).check();
      assertThat(report.up()).isFalse();
      assertThat(report.details().get("store").toString()).endsWith("unreachable: connection refused");
      assertThat(report.details()).containsEntry("problems", List.of("store unreachable"));
    }
  }

  @Test
  void isDownWhileEveryMachineOfAPoolIsInUseAndThreadsWait() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch open = new CountDownLatch(1);
    TransitionGuard gate = TransitionGuard.of("gate", context -> {
      entered.countDown();
      try {
        return open.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }, "gate: closed");
    SalesProcess gated = SalesProcess.builder("inbound")
        .stage(Stage.open("lead", "Lead"))
        .stage(Stage.won("won", "Won"))
        .stage(Stage.lost("lost", "Lost"))
        .initialStage("lead")
        .transition("lead", EventType.CLOSED_WON, "won", gate)
        .transition("lead", EventType.CLOSED_LOST, "lost")
        .build();
    SpringStatemachineCompiler compiler = SpringStatemachineCompiler.create(1);
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try (DealEngine engine = compiler.engine().process(gated).build()) {
      engine.start("D-1", "inbound");
      engine.start("D-2", "inbound");
      Instant now = Instant.parse("2026-11-02T09:00:00Z");
      threads.submit(() -> engine.fire("D-1", new SalesEvent.ClosedWon(now, BigDecimal.TEN, null)));
      assertThat(entered.await(30, TimeUnit.SECONDS)).isTrue();
      threads.submit(() -> engine.fire("D-2", new SalesEvent.ClosedWon(now, BigDecimal.TEN, null)));
      SalesflowHealth health = new SalesflowHealth(engine, compiler);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (compiler.compiled("inbound").threadsWaiting() == 0 && System.nanoTime() < deadline) {
        Thread.onSpinWait();
      }
      SalesflowHealth.Report report = health.check();
      assertThat(report.up()).isFalse();
      assertThat(report.details()).containsEntry("problems", List.of("pool of process 'inbound' exhausted: all 1"
          + " machines in use, 1 threads waiting"));
      open.countDown();
      threads.shutdown();
      assertThat(threads.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
      assertThat(health.check().up()).isTrue();
    } finally {
      open.countDown();
      threads.shutdownNow();
    }
  }
}
