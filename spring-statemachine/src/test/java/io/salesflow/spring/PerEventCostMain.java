package io.salesflow.spring;

import io.salesflow.Deal;
import io.salesflow.GuardContext;
import io.salesflow.SalesEvent;
import io.salesflow.SalesProcess;
import io.salesflow.engine.DealEngine;
import io.salesflow.engine.FireResult;
import io.salesflow.engine.CompiledProcess;
import io.salesflow.spring.internal.Attempt;
import io.salesflow.spring.internal.SsmModel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntFunction;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.statemachine.StateMachine;
import org.springframework.statemachine.support.DefaultStateMachineContext;
import reactor.core.publisher.Mono;

/**
 * Rough per-event cost, single thread (not a JMH benchmark, no assertion): the same recorded decisions replayed on
 * (raw) one long-lived Spring Statemachine machine reset per event, the best raw pattern; (engine) this module's
 * compiled process with a pool of one; (table) the table engine's compiled process. Run with
 * {@code java -cp target/classes:target/test-classes:$(cat cp.txt) io.salesflow.spring.PerEventCostMain [warmMs] [runMs]}.
 */
public final class PerEventCostMain {
  private static volatile Object sink;

  private PerEventCostMain() {}

  public static void main(String[] args) {
    long warm = args.length > 0 ? Long.parseLong(args[0]) : 8000;
    long run = args.length > 1 ? Long.parseLong(args[1]) : 4000;
    SalesProcess process = TestProcesses.branchingPipeline();
    List<GuardContext> contexts = record(process, 5000);
    CompiledProcess table = io.salesflow.engine.DealEngine.tableCompiler().compile(process);
    SpringCompiledProcess engine = SpringStatemachineEngine.compiler(1).compile(process);
    StateMachine<String, String> raw = SsmModel.compile(process).getStateMachine();
    raw.startReactively().block();
    IntFunction<Object> rawOp = i -> {
      GuardContext c = contexts.get(i % contexts.size());
      raw.getStateMachineAccessor().doWithAllRegions(a -> a.resetStateMachineReactively(
          new DefaultStateMachineContext<>(c.deal().stage(), null, null, null)).block());
      Attempt attempt = new Attempt(c);
      return raw.sendEvent(Mono.just(MessageBuilder.withPayload(c.event().type().id())
              .setHeader(Attempt.HEADER, attempt).build()))
          .concatMap(r -> r.complete().thenReturn(r)).collectList().block();
    };
    IntFunction<Object> engineOp = i -> engine.decide(contexts.get(i % contexts.size()));
    IntFunction<Object> tableOp = i -> table.decide(contexts.get(i % contexts.size()));
    for (int round = 0; round < 3; round++) {
      measure("raw SSM: one machine, reset + send + wait", rawOp, round == 0 ? warm : warm / 4, run);
      measure("engine: SpringCompiledProcess.decide (pool of 1)", engineOp, round == 0 ? warm : warm / 4, run);
      measure("table: CompiledProcess.decide", tableOp, warm / 4, run);
    }
    System.out.println("machines created: " + engine.machinesCreated());
  }

  /** Guard contexts of seeded random walks, as the shared runtime would pass them. */
  private static List<GuardContext> record(SalesProcess process, int walks) {
    MutableClock clock = new MutableClock(Instant.parse("2026-11-02T09:00:00Z"));
    List<GuardContext> contexts = new ArrayList<>();
    DealEngine recorder = DealEngine.tableEngine().clock(clock).process(process).build();
    SplittableRandom random = new SplittableRandom(1);
    for (int w = 0; w < walks; w++) {
      String id = "D-" + w;
      recorder.start(id, process.id());
      for (int step = 0; step < 12; step++) {
        Deal deal = recorder.get(id);
        if (process.stage(deal.stage()).isTerminal()) {
          break;
        }
        clock.advance(java.time.Duration.ofHours(1));
        SalesEvent event = RandomEvents.next(process, deal.stage(), random, clock.instant());
        if (!process.eventTypes().contains(event.type())) {
          continue;
        }
        contexts.add(GuardContext.of(deal, event, clock.instant()));
        FireResult ignored = recorder.fire(id, event);
        sink = ignored;
      }
    }
    return contexts;
  }

  private static void measure(String name, IntFunction<Object> op, long warmMs, long runMs) {
    long end = System.nanoTime() + warmMs * 1_000_000L;
    int i = 0;
    while (System.nanoTime() < end) {
      sink = op.apply(i++);
    }
    long n = 0;
    long t0 = System.nanoTime();
    long stop = t0 + runMs * 1_000_000L;
    long now;
    do {
      for (int k = 0; k < 100; k++) {
        sink = op.apply(i++);
      }
      n += 100;
      now = System.nanoTime();
    } while (now < stop);
    System.out.printf("%-55s %8.2f us/event (%d events)%n", name, (now - t0) / 1_000.0 / n, n);
  }
}
