package io.salesflow.examples;

import io.salesflow.Deal;
import io.salesflow.SalesProcess;
import io.salesflow.StageKind;
import io.salesflow.analytics.FunnelReport;
import io.salesflow.catalog.SalesCatalog;
import io.salesflow.diagram.ProcessDiagrams;
import io.salesflow.diagram.ProcessDiagrams.Style;
import io.salesflow.engine.DealEngine;
import io.salesflow.engine.FireResult;
import io.salesflow.spring.SpringStatemachineCompiler;
import io.salesflow.store.DealStore;
import io.salesflow.store.jdbc.JdbcDealStore;
import io.salesflow.testkit.ManualClock;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;
import java.util.stream.Stream;

/**
 * The README's demo: simulates a pipeline for every catalog process through the table engine and the JDBC store on
 * embedded H2, replays every event on the Spring Statemachine engine to check that every result agrees, prints a funnel
 * table, win rates and the top rejection and loss reasons per process, then the team's forecast, its accuracy and the
 * persistence report beside the published figures, and writes diagrams, SVG funnel charts and CSV to
 * {@code demo-output/}.
 * {@link DocsGenerator} draws the same funnels, from the same simulation, for {@code docs/}.
 */
public final class Demo {
  static final long SEED = 20261123L;
  static final int DEALS_PER_PROCESS = 600;
  static final Instant START = Instant.parse("2026-01-05T09:00:00Z");
  static final Instant NOW = START.plus(Duration.ofDays(120));
  static final String SPRING_ENGINE = "the Spring Statemachine engine";

  private Demo() {}

  /** Runs the demo; the first argument, if any, is the number of deals per process. */
  public static void main(String[] args) throws IOException {
    int deals = args.length > 0 ? Integer.parseInt(args[0]) : DEALS_PER_PROCESS;
    Path out = Path.of("demo-output").toAbsolutePath();
    clean(out);
    Files.createDirectories(out.resolve("h2"));
    PrintStream console = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    console.printf(Locale.ROOT, "Salesflow demo: %,d simulated deals per catalog process (seed %d), table engine on"
        + " H2 (%s)%n%n", deals, SEED, out.resolve("h2"));

    // the durable embedded set-up: every accepted event is in the file before fire returns
    JdbcDealStore h2 = JdbcDealStore.h2File(out.resolve("h2/deals"));
    ManualClock clock = ManualClock.startingAt(START);
    DealEngine engine = DealEngine.tableEngine().processes(SalesCatalog.all())
        .store(h2).clock(clock).build();
    console.println(FunnelPrinter.legend());
    Map<String, Replay> replayed = new LinkedHashMap<>();
    List<Deal> allDeals = new ArrayList<>();
    long allEvents = 0;
    long tableNanos = 0;
    for (SalesProcess process : SalesCatalog.all()) {
      console.printf("== %s (%s)%n", process.name(), process.id());
      long began = System.nanoTime();
      List<PipelineSimulator.DealRun> runs = simulate(process, engine, clock, deals, done -> {
        if (done % 200 == 0 || done == deals) {
          console.printf(Locale.ROOT, "\r  simulating: %,d / %,d deals", done, deals);
        }
      });
      long tableTime = System.nanoTime() - began;
      tableNanos += tableTime;
      int events = runs.stream().mapToInt(r -> r.steps().size()).sum();
      allEvents += events;
      console.printf(Locale.ROOT, " (%,d events, %.1f s on the table engine with H2)%n", events, tableTime / 1e9);
      console.printf("  replaying the same events on %s...", SPRING_ENGINE);
      Replay replay = replay(process, runs, SpringStatemachineCompiler.springStatemachineEngine());
      replayed.put(process.id(), replay);
      console.printf(Locale.ROOT, " %s (%.1f s)%n", replay.differing() == 0 ? "every result agreed"
          : replay.differing() + " results DIFFERED", replay.nanos() / 1e9);

      List<Deal> stored = engine.store().findByProcess(process.id());
      FunnelReport report = FunnelReport.of(process, stored, NOW);
      console.println("  " + FunnelPrinter.summary(report));
      console.print(FunnelPrinter.table(report));
      console.print(FunnelPrinter.breakdown("win rate by approach method", report.winRateBy(
          FunnelReport::approachMethod)));
      console.print(FunnelPrinter.breakdown("win rate by closing technique", report.winRateBy(
          FunnelReport::closingTechnique)));
      console.print(FunnelPrinter.breakdown("win rate by lead temperature", report.winRateBy(
          FunnelReport::leadTemperature)));
      console.print(FunnelPrinter.breakdown("win rate by lead source", report.winRateBy(FunnelReport::leadSource)));
      console.print(FunnelPrinter.breakdown("win rate by owner", report.winRateBy(FunnelReport::owner)));
      console.print(FunnelPrinter.top("top reasons events were rejected", rejectionReasons(runs), 4));
      console.print(FunnelPrinter.top("top reasons deals were lost", lossReasons(process, stored), 4));
      console.println();

      write(out.resolve(process.id() + ".mmd"), ProcessDiagrams.mermaid(process, Style.READABLE));
      write(out.resolve(process.id() + ".puml"), ProcessDiagrams.plantUml(process, Style.READABLE));
      write(out.resolve(process.id() + ".dot"), ProcessDiagrams.dot(process, Style.READABLE));
      write(out.resolve(process.id() + "-complete.mmd"), ProcessDiagrams.mermaid(process));
      write(out.resolve(process.id() + "-complete.puml"), ProcessDiagrams.plantUml(process));
      write(out.resolve(process.id() + "-complete.dot"), ProcessDiagrams.dot(process));
      write(out.resolve(process.id() + "-funnel.svg"), FunnelSvg.draw(FunnelReport.of(process, newBusiness(stored),
          NOW)));
      write(out.resolve(process.id() + "-funnel.csv"), report.csv());
      allDeals.addAll(stored);
    }
    h2.close();

    // the whole team's forecast, persistence and forecast accuracy, over every catalog process
    FunnelReport.Forecast forecast = FunnelReport.Forecast.of(SalesCatalog.all(), allDeals, ZoneOffset.UTC);
    console.println("== Forecast: every catalog process, open deals by expected close month, won deals by month won");
    console.print(FunnelPrinter.forecast(forecast));
    List<FunnelReport.Forecast.Accuracy> accuracy = FunnelReport.Forecast.accuracy(SalesCatalog.all(), allDeals,
        YearMonth.from(START.atZone(ZoneOffset.UTC)), YearMonth.from(NOW.atZone(ZoneOffset.UTC)).minusMonths(1),
        ZoneOffset.UTC);
    console.print(FunnelPrinter.accuracy(accuracy));
    FunnelReport.Persistence persistence = FunnelReport.Persistence.byOwner(SalesCatalog.all(), allDeals);
    console.println("== Persistence: follow-ups and rejections before a deal was won or dropped, by owner");
    console.print(FunnelPrinter.persistence(persistence));
    console.println();
    write(out.resolve("forecast.csv"), forecast.csv());
    write(out.resolve("forecast-accuracy.csv"), FunnelReport.Forecast.accuracyCsv(accuracy));
    write(out.resolve("persistence.csv"), persistence.csv());

    long mismatches = replayed.values().stream().mapToLong(Replay::differing).sum();
    long springNanos = replayed.values().stream().mapToLong(Replay::nanos).sum();
    console.printf(Locale.ROOT, "%,d events in all: table engine with H2 %.1f s, %s in memory %.1f s; %s%n",
        allEvents, tableNanos / 1e9, SPRING_ENGINE, springNanos / 1e9,
        mismatches == 0 ? "every result agreed on both engines" : mismatches + " results differed");
    console.println("Diagrams (Mermaid, PlantUML, DOT; readable, and -complete with every transition drawn), SVG"
        + " funnel charts, and CSV of every funnel, the forecast, its accuracy and the persistence report are in "
        + out);
    if (mismatches != 0) {
      System.exit(1);
    }
  }

  /**
   * Simulates the demo's deals of one process, the same every time: {@code deals} deals with the demo's seed, started
   * at random over the first 100 days; {@code progress} is told the number of deals done after each one.
   *
   * @param engine an engine that runs {@code process} on {@code clock}
   */
  static List<PipelineSimulator.DealRun> simulate(SalesProcess process, DealEngine engine, ManualClock clock,
      int deals, IntConsumer progress) {
    PipelineSimulator simulator = new PipelineSimulator(process, engine, clock, SEED ^ process.id().hashCode(), NOW);
    SplittableRandom starts = new SplittableRandom(SEED + process.id().length());
    List<PipelineSimulator.DealRun> runs = new ArrayList<>(deals);
    for (int i = 0; i < deals; i++) {
      Instant start = START.plus(Duration.ofMinutes(starts.nextLong(0, 100L * 24 * 60)));
      runs.addAll(simulator.runWithExpansions(process.id() + "-" + i, start));
      progress.accept(i + 1);
    }
    return runs;
  }

  /** What replaying one process on the Spring Statemachine engine gave. */
  record Replay(long events, long differing, long nanos) {}

  /** Fires the recorded events on a fresh engine and counts the results that differ from the recorded ones. */
  static Replay replay(SalesProcess process, List<PipelineSimulator.DealRun> runs, DealEngine.Builder builder) {
    long began = System.nanoTime();
    ManualClock clock = ManualClock.startingAt(START);
    long differing = 0;
    long events = 0;
    try (DealEngine engine = builder.process(process).store(DealStore.inMemory()).clock(clock).build()) {
      for (PipelineSimulator.DealRun run : runs) {
        clock.set(run.startedAt());
        engine.start(run.start(process.id()));
        for (PipelineSimulator.Step step : run.steps()) {
          clock.set(step.event().occurredAt());
          FireResult result = engine.fire(run.dealId(), step.event());
          events++;
          if (!sameOutcome(step.result(), result)) {
            differing++;
          }
        }
      }
    }
    return new Replay(events, differing, System.nanoTime() - began);
  }

  static boolean sameOutcome(FireResult expected, FireResult actual) {
    if (expected.isAccepted() != actual.isAccepted()
        || !expected.deal().stage().equals(actual.deal().stage())
        || expected.deal().version() != actual.deal().version()) {
      return false;
    }
    if (expected instanceof FireResult.Rejected e && actual instanceof FireResult.Rejected a) {
      return e.kind() == a.kind() && e.reasons().equals(a.reasons());
    }
    return Objects.equals(expected.deal().history().latest(), actual.deal().history().latest());
  }

  /** The deals that are not expansions of a won customer's deal: the ones that went through the whole funnel. */
  static List<Deal> newBusiness(List<Deal> deals) {
    return deals.stream().filter(d -> d.facts().parentDealId().isEmpty()).toList();
  }

  static Map<String, Integer> rejectionReasons(List<PipelineSimulator.DealRun> runs) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (PipelineSimulator.DealRun run : runs) {
      for (PipelineSimulator.Step step : run.steps()) {
        if (step.result() instanceof FireResult.Rejected rejected) {
          String reason = rejected.reasons().get(0).replaceAll("[0-9][0-9,.]*", "N");
          counts.merge(reason.length() > 110 ? reason.substring(0, 107) + "..." : reason, 1, Integer::sum);
        }
      }
    }
    return counts;
  }

  static Map<String, Integer> lossReasons(SalesProcess process, List<Deal> deals) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (Deal deal : deals) {
      if (process.stage(deal.stage()).kind() == StageKind.LOST) {
        String reason = deal.facts().disqualificationReason().map(r -> "disqualified: " + r)
            .orElse(deal.facts().lossReason().map(r -> "lost: " + r.label()).orElse("lost"));
        counts.merge(reason, 1, Integer::sum);
      }
    }
    return counts;
  }

  private static void write(Path file, String content) {
    try {
      Files.writeString(file, content, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void clean(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }
}
