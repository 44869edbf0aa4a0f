package io.salesflow.store.jdbc;

import io.salesflow.DealFacts;
import io.salesflow.engine.DealEngine;
import io.salesflow.engine.FireResult;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.SplittableRandom;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The writer JVM of {@link CrashTests}: starts deals and fires events on a JDBC store until it is killed, printing
 * each call that returned, and only after it returned, on standard output:
 * {@code S <deal>} for a start, {@code F <deal> <version> <event type>} for an accepted event.
 *
 * <p>Arguments: {@code h2 <file>} or {@code postgres <jdbc url>}, then a prefix for the deal ids and a random seed.
 */
public final class CrashWriter {
  private CrashWriter() {}

  /**
   * Runs until killed.
   *
   * @param args the database kind and where it is, the deal id prefix, the seed
   */
  public static void main(String[] args) throws Exception {
    PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
    JdbcDealStore store;
    if (args[0].equals("h2")) {
      store = JdbcDealStore.h2File(Path.of(args[1]));
    } else {
      PGSimpleDataSource postgres = new PGSimpleDataSource();
      postgres.setURL(args[1]);
      postgres.setUser("postgres");
      store = JdbcDealStore.builder(postgres).build();
    }
    String prefix = args[2];
    SplittableRandom random = new SplittableRandom(Long.parseLong(args[3]));
    DealEngine engine = DealEngine.tableEngine().process(TestProcesses.busyPipeline()).store(store).build();
    Thread[] writers = new Thread[2];
    for (int w = 0; w < writers.length; w++) {
      SplittableRandom mine = random.split();
      String ids = prefix + w + "-";
      writers[w] = new Thread(() -> write(engine, ids, mine, out), "crash-writer-" + w);
      writers[w].start();
    }
    out.println("READY");
    out.flush();
    for (Thread writer : writers) {
      writer.join();
    }
  }

  /** Starts a deal, fires a few events at it and at earlier deals, and goes on. */
  private static void write(DealEngine engine, String ids, SplittableRandom random, PrintStream out) {
    Instant at = Instant.parse("2026-09-01T08:00:00Z");
    for (int n = 0; ; n++) {
      String id = ids + n;
      engine.start(id, TestProcesses.ID, DealFacts.builder().source("crash").build());
      ack(out, "S " + id);
      for (int e = 0; e < 6; e++) {
        String target = random.nextInt(3) == 0 && n > 0 ? ids + random.nextInt(n) : id;
        at = at.plusMillis(1 + random.nextInt(1000));
        FireResult result = engine.fire(target, TestProcesses.event(random.nextInt(4), at));
        if (result.isAccepted()) {
          ack(out, "F " + target + " " + result.deal().version() + " " + result.event().type().id());
        }
      }
    }
  }

  private static void ack(PrintStream out, String line) {
    synchronized (out) {
      out.println(line);
      out.flush();
    }
  }
}
