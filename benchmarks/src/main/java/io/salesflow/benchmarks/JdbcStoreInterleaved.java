package io.salesflow.benchmarks;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The JDBC store against its plain-JDBC floor, in blocks that take turns in one JVM: a block of the store's events,
 * then a block of the floor's (and the other way round in the next round), each on new deals, with the same state
 * classes as {@link JdbcStoreBenchmarks}. On a shared machine whose load and disk move from minute to minute, the
 * ratio of two neighbouring blocks is steadier than that of two JMH rows run minutes apart; the median over the
 * rounds is printed, with each block's events per second, and the calling threads' CPU and allocation per event.
 * Database {@code postgres-async-commit} is the benchmark's PostgreSQL with {@code synchronous_commit} turned off
 * after it started: commits do not wait for the disk, so what is left between the two is the round trips and the CPU.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.salesflow.benchmarks.JdbcStoreInterleaved \
 *     [databases, default postgres,h2-file-durable] [rounds, default 8] [block milliseconds, default 2000]
 * </pre>
 */
final class JdbcStoreInterleaved {
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  private JdbcStoreInterleaved() {}

  public static void main(String[] args) throws Exception {
    String[] databases = (args.length > 0 ? args[0] : "postgres,h2-file-durable").split(",");
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 8;
    long blockMillis = args.length > 2 ? Long.parseLong(args[2]) : 2000;
    for (String name : databases) {
      JdbcStoreBenchmarks.Database db = new JdbcStoreBenchmarks.Database();
      boolean asyncCommits = name.equals("postgres-async-commit");
      db.database = asyncCommits ? "postgres" : name;
      db.start();
      if (asyncCommits) {
        try (Connection c = db.pool.getConnection(); Statement s = c.createStatement()) {
          s.execute("ALTER SYSTEM SET synchronous_commit = off");
          s.execute("SELECT pg_reload_conf()");
        }
      }
      try {
        for (int threads : new int[] {1, 4}) {
          for (int warmUp = 0; warmUp < 2; warmUp++) {
            block(db, threads, blockMillis, true);
            block(db, threads, blockMillis, false);
          }
          double[] ratios = new double[rounds];
          double[] stores = new double[rounds];
          double[] floors = new double[rounds];
          for (int r = 0; r < rounds; r++) {
            Block store;
            Block floor;
            if (r % 2 == 0) {
              store = block(db, threads, blockMillis, true);
              floor = block(db, threads, blockMillis, false);
            } else {
              floor = block(db, threads, blockMillis, false);
              store = block(db, threads, blockMillis, true);
            }
            stores[r] = store.perSecond;
            floors[r] = floor.perSecond;
            ratios[r] = store.perSecond / floor.perSecond;
            System.out.printf(Locale.ROOT, "%s threads %d round %d: store %.0f /s (%s), floor %.0f /s (%s), store/floor"
                + " %.3f%n", name, threads, r, store.perSecond, store.perEvent(), floor.perSecond, floor.perEvent(),
                ratios[r]);
          }
          System.out.printf(Locale.ROOT, "%s threads %d MEDIAN: store %.0f /s, floor %.0f /s, store/floor %.3f"
              + " (rounds %s)%n", name, threads, median(stores), median(floors), median(ratios),
              Arrays.toString(Arrays.stream(ratios).mapToObj(x -> String.format(Locale.ROOT, "%.2f", x)).toArray()));
        }
      } finally {
        db.stop();
      }
    }
  }

  /** One block's events per second, and its calling threads' CPU and allocation per event. */
  private record Block(double perSecond, long events, long cpuNanos, long allocated) {
    String perEvent() {
      return String.format(Locale.ROOT, "thread CPU %.1f us, %d B allocated per event", cpuNanos / 1000.0 / events,
          allocated / events);
    }
  }

  private static Block block(JdbcStoreBenchmarks.Database db, int threads, long millis, boolean store)
      throws Exception {
    CyclicBarrier ready = new CyclicBarrier(threads + 1);
    CyclicBarrier go = new CyclicBarrier(threads + 1);
    AtomicLong events = new AtomicLong();
    AtomicLong cpu = new AtomicLong();
    AtomicLong allocated = new AtomicLong();
    long[] deadline = new long[1];
    List<Thread> workers = new ArrayList<>();
    List<Throwable> failures = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      Thread worker = new Thread(() -> {
        try {
          JdbcStoreBenchmarks.Deals deals = new JdbcStoreBenchmarks.Deals();
          JdbcStoreBenchmarks.FloorDeals floor = new JdbcStoreBenchmarks.FloorDeals();
          if (store) {
            deals.startDeals(db);
          } else {
            floor.startDeals(db);
          }
          ready.await();
          go.await();
          long id = Thread.currentThread().getId();
          long cpuBefore = THREADS.getThreadCpuTime(id);
          long allocatedBefore = THREADS.getThreadAllocatedBytes(id);
          long n = 0;
          while (System.nanoTime() < deadline[0]) {
            if (store) {
              if (!deals.fire(db.engine).isAccepted()) {
                throw new IllegalStateException("an event was rejected; every event should be accepted");
              }
            } else {
              floor.write(db);
            }
            n++;
          }
          cpu.addAndGet(THREADS.getThreadCpuTime(id) - cpuBefore);
          allocated.addAndGet(THREADS.getThreadAllocatedBytes(id) - allocatedBefore);
          events.addAndGet(n);
        } catch (Throwable e) {
          synchronized (failures) {
            failures.add(e);
          }
        }
      });
      worker.start();
      workers.add(worker);
    }
    ready.await();
    long start = System.nanoTime();
    deadline[0] = start + millis * 1_000_000;
    go.await();
    for (Thread worker : workers) {
      worker.join();
    }
    long elapsed = System.nanoTime() - start;
    if (!failures.isEmpty()) {
      throw new IllegalStateException("a worker failed", failures.get(0));
    }
    long n = Math.max(1, events.get());
    return new Block(n / (elapsed / 1e9), n, cpu.get(), allocated.get());
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }
}
