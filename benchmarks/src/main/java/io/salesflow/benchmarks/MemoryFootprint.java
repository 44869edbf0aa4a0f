package io.salesflow.benchmarks;

import io.salesflow.BantAssessment;
import io.salesflow.SalesEvent;
import io.salesflow.SalesEvent.ContactChannel;
import io.salesflow.SalesEvent.ObjectionCategory;
import io.salesflow.engine.DealEngine;
import io.salesflow.engine.FireResult;
import io.salesflow.spring.SpringStatemachineCompiler;
import io.salesflow.store.DealStore;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Retained heap per deal tracked in the in-memory store, for each engine: not a JMH benchmark, a program.
 *
 * <p>{@code retained} (the default): for each engine, and for fresh deals and deals with 5 history records, builds
 * 10,000 and then 100,000 deals in a new engine and store and reads the heap after GC (several {@code System.gc()}
 * rounds, the lowest {@link MemoryMXBean} reading of five); the retained bytes per deal are the difference divided
 * by 90,000, so that what the engine itself holds cancels out. Every deal gets its own event objects, as deals built
 * from requests do. It then prints, per engine, the bytes a fresh deal retains and the slope per history record:
 * the bytes 5 records add to a deal, divided by 5 (an average over the workload's first five events, including the
 * event objects the records keep).
 *
 * <p>{@code million ENGINE}: starts one million deals with 5 history records each on {@code table} or
 * {@code spring}, printing progress every 100,000 deals; run it with {@code -Xmx512m} to check that they fit in a
 * 512 MB heap, and with {@code -XX:+ExitOnOutOfMemoryError} so that a heap too small ends the JVM at once. After
 * the million deals are measured and dropped, it measures the same engine's bytes per fresh deal and per history
 * record as {@code retained} does.
 *
 * <pre>
 * java -Xmx2g -cp benchmarks/target/benchmarks.jar io.salesflow.benchmarks.MemoryFootprint
 * java -Xmx512m -XX:+ExitOnOutOfMemoryError -cp benchmarks/target/benchmarks.jar \
 *     io.salesflow.benchmarks.MemoryFootprint million table
 * </pre>
 */
public final class MemoryFootprint {
  private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

  private MemoryFootprint() {}

  public static void main(String[] args) throws Exception {
    String mode = args.length > 0 ? args[0] : "retained";
    if (mode.equals("million")) {
      String name = args.length > 1 ? args[1] : "table";
      million(name);
      System.out.println(perDealAndRecord(name)); // after million() returned, so that its deals are garbage
    } else {
      retained();
    }
  }

  private static Supplier<DealEngine.Builder> engine(String name) {
    return switch (name) {
      case "table" -> DealEngine::tableEngine;
      case "spring" -> SpringStatemachineCompiler::springStatemachineEngine;
      default -> throw new IllegalArgumentException("engine must be table or spring, but was " + name);
    };
  }

  private static void retained() throws Exception {
    List<String> summary = new ArrayList<>();
    for (String name : new String[] {"table", "spring"}) {
      summary.add(perDealAndRecord(name));
    }
    summary.forEach(System.out::println);
  }

  /**
   * Measures, for one engine, the retained bytes per deal with 0 and 5 history records, printing each row, and
   * returns the summary line: bytes per fresh deal and per history record.
   */
  private static String perDealAndRecord(String name) throws Exception {
    System.out.printf(Locale.ROOT, "%-8s %8s %12s %12s %18s%n", "engine", "history", "heap@10k", "heap@100k",
        "retained B/deal");
    double[] perDeal = new double[2];
    int[] histories = {0, 5};
    for (int h = 0; h < histories.length; h++) {
      long small = heapWith(name, 10_000, histories[h]);
      long large = heapWith(name, 100_000, histories[h]);
      perDeal[h] = (large - small) / 90_000.0;
      System.out.printf(Locale.ROOT, "%-8s %8d %12d %12d %18.0f%n", name, histories[h], small, large, perDeal[h]);
    }
    return String.format(Locale.ROOT, "%s engine: %.0f bytes per fresh deal, %.0f bytes per history record"
        + " (slope from 0 to 5 records), %.0f bytes per deal with 5 records", name, perDeal[0],
        (perDeal[1] - perDeal[0]) / 5, perDeal[1]);
  }

  /** The heap after GC with {@code deals} deals of {@code history} records in a fresh engine and store. */
  private static long heapWith(String name, int deals, int history) throws Exception {
    DealStore store = DealStore.inMemory();
    try (DealEngine engine = engine(name).get().process(Workload.PROCESS).store(store).build()) {
      fill(engine, 0, deals, history);
      if (store.findByProcess(Workload.PROCESS_ID).size() != deals) {
        throw new IllegalStateException("expected " + deals + " deals, found " + store.findByProcess(Workload.PROCESS_ID).size());
      }
      long heap = heapAfterGc();
      if (engine.get("D-" + (deals - 1)).version() != history) {
        throw new IllegalStateException("a deal has the wrong history length");
      }
      return heap;
    }
  }

  private static void million(String name) throws Exception {
    int deals = 1_000_000;
    DealStore store = DealStore.inMemory();
    long start = System.nanoTime();
    try (DealEngine engine = engine(name).get().process(Workload.PROCESS).store(store).build()) {
      int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      AtomicInteger started = new AtomicInteger();
      List<Future<?>> parts = new ArrayList<>();
      int share = deals / threads;
      for (int t = 0; t < threads; t++) {
        int from = t * share;
        int to = t == threads - 1 ? deals : from + share;
        parts.add(pool.submit(() -> {
          for (int i = from; i < to; i += 10_000) {
            fill(engine, i, Math.min(to, i + 10_000), 5);
            int done = started.addAndGet(Math.min(to, i + 10_000) - i);
            if (done % 100_000 == 0) {
              System.out.printf(Locale.ROOT, "%,d deals, %d s%n", done, (System.nanoTime() - start) / 1_000_000_000L);
            }
          }
          return null;
        }));
      }
      for (Future<?> part : parts) {
        part.get();
      }
      pool.shutdown();
      long heap = heapAfterGc();
      System.out.printf(Locale.ROOT, "%s engine: %,d deals with 5 history records each in %d s; heap after GC %,d"
          + " bytes (%.0f MB) of at most %,d (%.0f MB); %.0f bytes per deal%n", name, store.findByProcess(Workload.PROCESS_ID).size(),
          (System.nanoTime() - start) / 1_000_000_000L, heap, heap / 1048576.0, Runtime.getRuntime().maxMemory(),
          Runtime.getRuntime().maxMemory() / 1048576.0, heap / (double) store.findByProcess(Workload.PROCESS_ID).size());
      if (store.findByProcess(Workload.PROCESS_ID).size() != deals) {
        throw new IllegalStateException("expected " + deals + " deals, found " + store.findByProcess(Workload.PROCESS_ID).size());
      }
    }
  }

  /**
   * Starts deals D-from to D-(to - 1) and fires {@code history} accepted events at each (up to 5: qualified,
   * contacted, presented to, an objection raised and resolved), each event a new object.
   */
  private static void fill(DealEngine engine, int from, int to, int history) {
    Clock clock = engine.clock();
    for (int i = from; i < to; i++) {
      String id = "D-" + i;
      engine.start(id, Workload.PROCESS_ID);
      for (int h = 0; h < history; h++) {
        FireResult result = engine.fire(id, event(h, clock.instant(), i));
        if (!result.isAccepted()) {
          throw new IllegalStateException("event " + h + " at " + id + " was rejected: " + result);
        }
      }
    }
  }

  private static SalesEvent event(int step, Instant now, int deal) {
    return switch (step) {
      case 0 -> new SalesEvent.QualificationAssessed(now,
          BantAssessment.builder().budget(BigDecimal.valueOf(20_000 + deal % 1000), true).build());
      case 1 -> new SalesEvent.ContactMade(now, ContactChannel.PHONE);
      case 2 -> new SalesEvent.PresentationDelivered(now);
      case 3 -> new SalesEvent.ObjectionRaised(now, ObjectionCategory.PRICE, "too expensive");
      case 4 -> new SalesEvent.ObjectionResolved(now, ObjectionCategory.PRICE);
      default -> throw new IllegalArgumentException("at most 5 history records, but asked for " + (step + 1));
    };
  }

  /** The lowest of five heap readings, each after three rounds of {@code System.gc()}. */
  private static long heapAfterGc() throws InterruptedException {
    long lowest = Long.MAX_VALUE;
    for (int reading = 0; reading < 5; reading++) {
      for (int round = 0; round < 3; round++) {
        System.gc();
        Thread.sleep(50);
      }
      lowest = Math.min(lowest, MEMORY.getHeapMemoryUsage().getUsed());
    }
    return lowest;
  }
}
