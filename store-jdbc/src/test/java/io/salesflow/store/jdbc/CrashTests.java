package io.salesflow.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesflow.Deal;
import io.salesflow.store.DealStore;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acknowledged means durable: a writer JVM starts deals and fires events, reporting each call that returned; the
 * test kills it with {@code kill -9} ({@link Process#destroyForcibly()} sends SIGKILL on Linux) at a random point,
 * three times on the same database, and after each kill checks, on a store opened anew, that every acknowledged
 * start and accepted event is stored and that every deal reads back whole (its row's version matches its history).
 */
class CrashTests {
  private static final int TRIALS = 3;

  @Test
  void theDurableH2FileKeepsEveryAcknowledgedCallThroughKillNine(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("deals");
    runTrials("h2", file.toString(), () -> JdbcDealStore.h2File(file));
  }

  @Test
  void postgresKeepsEveryAcknowledgedCallThroughKillNine() throws Exception {
    DataSource database = EmbeddedPostgresSupport.newDatabase();
    String url = EmbeddedPostgresSupport.jdbcUrl(database);
    runTrials("postgres", url, () -> JdbcDealStore.builder(database).build());
  }

  private static void runTrials(String kind, String where, Supplier<JdbcDealStore> reopen) throws Exception {
    long seed = new SplittableRandom().nextLong();
    SplittableRandom random = new SplittableRandom(seed);
    for (int trial = 1; trial <= TRIALS; trial++) {
      int killAfter = 50 + random.nextInt(450); // acknowledged calls before the kill
      String context = kind + " trial " + trial + " of " + TRIALS + " (seed " + seed + ", killed after "
          + killAfter + " acknowledged calls)";
      Acks acks = runAndKill(kind, where, "t" + trial + "-", random.nextLong(), killAfter, context);
      JdbcDealStore store = reopen.get();
      try {
        check(store, acks, context);
      } finally {
        store.close();
      }
    }
  }

  /** What the writer reported: the deals it started, and the highest accepted version per deal with its event. */
  private static final class Acks {
    final List<String> started = new ArrayList<>();
    final Map<String, Long> versions = new HashMap<>();
    final Map<String, String> eventAt = new HashMap<>();
    int count;

    synchronized void add(String line) {
      String[] parts = line.split(" ");
      if (parts[0].equals("S")) {
        started.add(parts[1]);
        count++;
      } else if (parts[0].equals("F")) {
        long version = Long.parseLong(parts[2]);
        versions.merge(parts[1], version, Math::max);
        eventAt.put(parts[1] + "@" + version, parts[3]);
        count++;
      }
    }
  }

  private static Acks runAndKill(String kind, String where, String prefix, long seed, int killAfter, String context)
      throws IOException, InterruptedException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Path errors = Files.createTempFile("crash-writer", ".err");
    Process writer = new ProcessBuilder(java.toString(), "-Xmx256m", "-cp", System.getProperty("java.class.path"),
        CrashWriter.class.getName(), kind, where, prefix, Long.toString(seed))
        .redirectError(errors.toFile())
        .start();
    Acks acks = new Acks();
    CountDownLatch enough = new CountDownLatch(1);
    Thread reader = new Thread(() -> {
      try (BufferedReader lines = new BufferedReader(new InputStreamReader(writer.getInputStream(),
          StandardCharsets.UTF_8))) {
        String line;
        while ((line = lines.readLine()) != null) {
          acks.add(line);
          if (acks.count >= killAfter) {
            enough.countDown();
          }
        }
      } catch (IOException e) {
        // the writer was killed mid-line: what was read before counts
      }
    }, "crash-writer-output");
    reader.start();
    boolean reached = enough.await(60, TimeUnit.SECONDS);
    writer.destroyForcibly(); // SIGKILL: no shutdown hook, no close, no flush
    writer.waitFor(30, TimeUnit.SECONDS);
    reader.join(10_000);
    String stderr = Files.readString(errors);
    Files.deleteIfExists(errors);
    assertThat(reached).as("%s: the writer acknowledged %d calls within a minute; its error output:%n%s", context,
        acks.count, stderr).isTrue();
    assertThat(writer.exitValue()).as(context + ": killed by SIGKILL").isEqualTo(128 + 9);
    return acks;
  }

  private static void check(JdbcDealStore store, Acks acks, String context) {
    List<DealStore.Unreadable> unreadable = new ArrayList<>();
    Map<String, Deal> stored = new HashMap<>();
    store.findByProcess(TestProcesses.ID, unreadable::add).forEach(d -> stored.put(d.id(), d));
    assertThat(unreadable).as(context + ": half-written deals").isEmpty();
    List<String> lost = new ArrayList<>();
    for (String id : acks.started) {
      if (!stored.containsKey(id)) {
        lost.add("start of " + id);
      }
    }
    acks.versions.forEach((id, version) -> {
      Deal deal = stored.get(id);
      if (deal == null || deal.version() < version) {
        lost.add("event " + version + " of " + id + " (stored: " + Optional.ofNullable(deal).map(Deal::version)
            .map(String::valueOf).orElse("no deal") + ")");
      } else {
        String type = acks.eventAt.get(id + "@" + version);
        assertThat(deal.history().asList().get((int) (version - 1)).eventType().id())
            .as(context + ": event " + version + " of " + id).isEqualTo(type);
      }
    });
    assertThat(lost).as("%s: acknowledged calls missing after the kill (%d acknowledged)", context, acks.count)
        .isEmpty();
    for (Deal deal : stored.values()) {
      assertThat((long) deal.history().asList().size()).as(context + ": history of " + deal.id())
          .isEqualTo(deal.version());
    }
  }
}
