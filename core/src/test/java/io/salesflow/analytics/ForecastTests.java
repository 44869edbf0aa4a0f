package io.salesflow.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesflow.BantAssessment;
import io.salesflow.Deal;
import io.salesflow.DealFacts;
import io.salesflow.EventType;
import io.salesflow.SalesEvent;
import io.salesflow.SalesProcess;
import io.salesflow.Stage;
import io.salesflow.Stage.ForecastCategory;
import io.salesflow.StageKind;
import io.salesflow.analytics.FunnelReport.Forecast;
import io.salesflow.engine.DealEngine;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** The weighted pipeline, forecast categories and forecast accuracy, against sums worked out by hand. */
class ForecastTests {
  static final Instant T0 = Instant.parse("2027-01-04T09:00:00Z");

  static final SalesProcess PROCESS = SalesProcess.builder("forecast-test")
      .stage(Stage.builder().id("lead").name("Lead").kind(StageKind.OPEN).winProbability(0.1).build())
      .stage(Stage.builder().id("demo").name("Demo").kind(StageKind.OPEN).winProbability(0.4)
          .forecastCategory(ForecastCategory.BEST_CASE).build())
      .stage(Stage.builder().id("negotiation").name("Negotiation").kind(StageKind.OPEN).winProbability(0.75)
          .forecastCategory(ForecastCategory.COMMIT).build())
      .stage(Stage.won("won", "Won"))
      .stage(Stage.lost("lost", "Lost"))
      .initialStage("lead")
      .internal("lead", EventType.FORECAST_UPDATED)
      .internal("demo", EventType.FORECAST_UPDATED)
      .internal("negotiation", EventType.FORECAST_UPDATED)
      .transition("lead", EventType.QUALIFICATION_ASSESSED, "demo")
      .transition("demo", EventType.PRESENTATION_DELIVERED, "negotiation")
      .transition("negotiation", EventType.CLOSED_WON, "won")
      .transition("lead", EventType.CLOSED_LOST, "lost")
      .transition("demo", EventType.CLOSED_LOST, "lost")
      .transition("negotiation", EventType.CLOSED_LOST, "lost")
      .build();

  /** The probabilities above, written out again so that the hand computation does not read the process. */
  static final Map<String, BigDecimal> PROBABILITY = Map.of("lead", new BigDecimal("0.1"),
      "demo", new BigDecimal("0.4"), "negotiation", new BigDecimal("0.75"));

  /** The owners of the generated deals; a quarter of them have none. */
  static final List<String> REPS = List.of("ann", "bo", "cy");

  /** A clock the test moves. */
  static final class MovingClock extends Clock {
    Instant now = T0;

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  /** 300 deals: each forecast with an amount and a close month, some moved on, won or lost, some overridden. */
  static List<Deal> generatedPipeline(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    MovingClock clock = new MovingClock();
    DealEngine engine = DealEngine.tableEngine().process(PROCESS).clock(clock).build();
    for (int i = 0; i < 300; i++) {
      String id = "D-" + i;
      clock.now = T0.plusSeconds(3600L * i);
      int rep = random.nextInt(4);
      engine.start(rep == 3 ? DealEngine.Start.of(id, PROCESS.id())
          : DealEngine.Start.of(id, PROCESS.id()).owner(REPS.get(rep)));
      if (random.nextInt(10) > 0) {
        LocalDate close = LocalDate.of(2027, 1 + random.nextInt(6), 1 + random.nextInt(28));
        ForecastCategory override = random.nextInt(6) == 0 ? ForecastCategory.values()[random.nextInt(3)] : null;
        fire(engine, clock, id, new SalesEvent.ForecastUpdated(clock.now, close,
            BigDecimal.valueOf(1000L + 250L * random.nextInt(400)), override));
      }
      int steps = random.nextInt(5);
      if (steps >= 1) {
        fire(engine, clock, id, new SalesEvent.QualificationAssessed(clock.now, BantAssessment.unknown()));
      }
      if (steps >= 2) {
        fire(engine, clock, id, new SalesEvent.PresentationDelivered(clock.now));
      }
      if (steps == 3) {
        fire(engine, clock, id, new SalesEvent.ClosedWon(clock.now, BigDecimal.valueOf(500L * (1 + random.nextInt(100)))));
      }
      if (steps == 4) {
        fire(engine, clock, id, new SalesEvent.ClosedLost(clock.now, SalesEvent.LossReason.PRICE));
      }
    }
    return engine.store().findByProcess(PROCESS.id());
  }

  static void fire(DealEngine engine, MovingClock clock, String id, SalesEvent event) {
    clock.now = clock.now.plusSeconds(60);
    assertThat(engine.fire(id, event).isAccepted()).as("%s on %s", event, id).isTrue();
  }

  @Test
  void weightedPipelineByStageOwnerAndMonthEqualsTheSumsWorkedOutByHand() {
    List<Deal> deals = generatedPipeline(42);
    Forecast forecast = Forecast.of(List.of(PROCESS), deals, ZoneOffset.UTC);

    Map<String, BigDecimal> byStage = new TreeMap<>();
    Map<String, BigDecimal> byMonth = new TreeMap<>();
    Map<String, BigDecimal> byOwner = new TreeMap<>();
    BigDecimal pipeline = BigDecimal.ZERO;
    int open = 0;
    for (Deal deal : deals) {
      if (deal.stage().equals("won")) { // in full, in the month it was won: all of them in January
        BigDecimal amount = deal.facts().amount().orElseThrow();
        byStage.merge("forecast-test/won", amount, BigDecimal::add);
        byMonth.merge("2027-01", amount, BigDecimal::add);
        byOwner.merge(deal.owner() == null ? "unassigned" : deal.owner(), amount, BigDecimal::add);
        continue;
      }
      BigDecimal p = PROBABILITY.get(deal.stage());
      if (p == null) {
        continue; // lost deals are left out
      }
      open++;
      boolean omitted = deal.facts().forecastCategory().filter(c -> c == ForecastCategory.OMITTED).isPresent();
      BigDecimal weighted = omitted ? BigDecimal.ZERO : deal.facts().amount().orElse(BigDecimal.ZERO).multiply(p);
      pipeline = pipeline.add(weighted);
      byStage.merge("forecast-test/" + deal.stage(), weighted, BigDecimal::add);
      byMonth.merge(deal.facts().expectedClose().map(d -> YearMonth.from(d).toString()).orElse("none"), weighted,
          BigDecimal::add);
      byOwner.merge(deal.owner() == null ? "unassigned" : deal.owner(), weighted, BigDecimal::add);
    }
    assertThat(open).isGreaterThan(100);
    assertThat(forecast.weightedPipeline()).isEqualByComparingTo(pipeline);
    assertThat(sums(forecast.byStage())).isEqualTo(normalized(byStage));
    assertThat(sums(forecast.byMonth())).isEqualTo(normalized(byMonth));
    assertThat(sums(forecast.byOwner())).isEqualTo(normalized(byOwner));
    assertThat(byOwner).containsOnlyKeys("ann", "bo", "cy", "unassigned");
    assertThat(forecast.byMonth()).extracting(Forecast.Group::key).last().isEqualTo(Forecast.NO_MONTH);
  }

  /** The weighted sums per key, as plain strings to compare exactly. */
  static Map<String, String> sums(List<Forecast.Group> groups) {
    Map<String, String> out = new TreeMap<>();
    for (Forecast.Group group : groups) {
      out.put(group.key(), group.weighted().stripTrailingZeros().toPlainString());
    }
    return out;
  }

  static Map<String, String> normalized(Map<String, BigDecimal> sums) {
    Map<String, String> out = new TreeMap<>();
    sums.forEach((k, v) -> out.put(k, v.stripTrailingZeros().toPlainString()));
    return out;
  }

  @Test
  void wonDealsCountInFullInTheMonthTheyWereWonAndLostOnesNotAtAll() {
    List<Deal> deals = generatedPipeline(7);
    Forecast forecast = Forecast.of(List.of(PROCESS), deals, ZoneOffset.UTC);
    long won = deals.stream().filter(d -> d.stage().equals("won")).count();
    long lost = deals.stream().filter(d -> d.stage().equals("lost")).count();

    assertThat(forecast.lines()).hasSize((int) (deals.size() - lost));
    assertThat(forecast.lines()).filteredOn(l -> l.category() == ForecastCategory.CLOSED).hasSize((int) won)
        .allSatisfy(l -> {
          assertThat(l.weighted()).isEqualByComparingTo(l.amount());
          assertThat(l.month()).contains(YearMonth.of(2027, 1));
        });
  }

  @Test
  void aRepsCategoryOverridesTheStagesAndANewForecastWithoutOneRestoresIt() {
    MovingClock clock = new MovingClock();
    DealEngine engine = DealEngine.tableEngine().process(PROCESS).clock(clock).build();
    engine.start("D-1", PROCESS.id());
    fire(engine, clock, "D-1", new SalesEvent.QualificationAssessed(clock.now, BantAssessment.unknown()));
    fire(engine, clock, "D-1", new SalesEvent.ForecastUpdated(clock.now, LocalDate.of(2027, 3, 1),
        new BigDecimal("10000"), ForecastCategory.COMMIT));

    Forecast.Line line = Forecast.of(List.of(PROCESS), List.of(engine.get("D-1")), ZoneOffset.UTC).lines().get(0);
    assertThat(line.category()).isEqualTo(ForecastCategory.COMMIT);
    assertThat(line.weighted()).isEqualByComparingTo("4000");

    fire(engine, clock, "D-1", new SalesEvent.ForecastUpdated(clock.now, null, null, null));
    Deal deal = engine.get("D-1");
    assertThat(deal.facts().expectedClose()).contains(LocalDate.of(2027, 3, 1));
    assertThat(deal.facts().amount()).contains(new BigDecimal("10000"));
    assertThat(Forecast.of(List.of(PROCESS), List.of(deal), ZoneOffset.UTC).lines().get(0).category())
        .isEqualTo(ForecastCategory.BEST_CASE);

    fire(engine, clock, "D-1", new SalesEvent.ForecastUpdated(clock.now, null, null, ForecastCategory.OMITTED));
    assertThat(Forecast.of(List.of(PROCESS), List.of(engine.get("D-1")), ZoneOffset.UTC).weightedPipeline())
        .isEqualByComparingTo("0");
  }

  @Test
  void csvParsesBackToTheSameLinesAndFigures() throws IOException {
    List<Deal> deals = generatedPipeline(11);
    Forecast forecast = Forecast.of(List.of(PROCESS), deals, ZoneOffset.UTC);
    List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
        .parse(new StringReader(forecast.csv())).getRecords();

    assertThat(records).hasSize(forecast.lines().size());
    Map<String, BigDecimal> byStage = new HashMap<>();
    BigDecimal pipeline = BigDecimal.ZERO;
    for (int i = 0; i < records.size(); i++) {
      CSVRecord record = records.get(i);
      Forecast.Line line = forecast.lines().get(i);
      assertThat(record.get("deal")).isEqualTo(line.dealId());
      assertThat(record.get("stage")).isEqualTo(line.stageId());
      assertThat(record.get("owner")).isEqualTo(line.owner().orElse(""));
      assertThat(record.get("category")).isEqualTo(line.category().label());
      assertThat(record.get("close_month")).isEqualTo(line.month().map(YearMonth::toString).orElse(""));
      assertThat(new BigDecimal(record.get("amount"))).isEqualByComparingTo(line.amount());
      assertThat(Double.parseDouble(record.get("probability"))).isEqualTo(line.probability());
      BigDecimal weighted = new BigDecimal(record.get("weighted"));
      assertThat(weighted).isEqualByComparingTo(line.weighted());
      byStage.merge("forecast-test/" + record.get("stage"), weighted, BigDecimal::add);
      if (!record.get("category").equals("closed")) {
        pipeline = pipeline.add(weighted);
      }
    }
    assertThat(pipeline).isEqualByComparingTo(forecast.weightedPipeline());
    for (Forecast.Group group : forecast.byStage()) {
      assertThat(byStage.get(group.key())).as(group.key()).isEqualByComparingTo(group.weighted());
    }
  }

  @Test
  void csvQuotesFieldsWithCommasQuotesAndLineBreaksAsRfc4180Says() throws IOException {
    SalesProcess process = PROCESS.toBuilder().replaceStage(Stage.builder().id("lead").name("Lead, \"new\"\nones")
        .kind(StageKind.OPEN).winProbability(0.1).build()).build();
    Deal deal = Deal.builder().id("D,\"1\"").processId(process.id()).stage("lead").version(0).createdAt(T0)
        .enteredStageAt(T0).build();
    FunnelReport report = FunnelReport.of(process, List.of(deal), T0);

    List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
        .parse(new StringReader(report.csv())).getRecords();
    assertThat(records.get(0).get("name")).isEqualTo("Lead, \"new\"\nones");
    assertThat(records.get(0).get("entered")).isEqualTo("1");
    assertThat(report.csv()).contains("\r\n").doesNotContain(",\n");

    List<CSVRecord> lines = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
        .parse(new StringReader(Forecast.of(List.of(process), List.of(deal), ZoneOffset.UTC).csv())).getRecords();
    assertThat(lines.get(0).get("deal")).isEqualTo("D,\"1\"");
  }

  @Test
  void accuracyComparesTheForecastAtEachMonthsStartWithWhatWasWonInIt() {
    MovingClock clock = new MovingClock();
    DealEngine engine = DealEngine.tableEngine().process(PROCESS).clock(clock).build();
    clock.now = Instant.parse("2027-01-10T09:00:00Z");
    // expected in February at the start of February: 10,000 in negotiation (commit) and 4,000 in lead
    engine.start("A", PROCESS.id());
    fire(engine, clock, "A", new SalesEvent.ForecastUpdated(clock.now, LocalDate.of(2027, 2, 20),
        new BigDecimal("10000"), null));
    fire(engine, clock, "A", new SalesEvent.QualificationAssessed(clock.now, BantAssessment.unknown()));
    fire(engine, clock, "A", new SalesEvent.PresentationDelivered(clock.now));
    engine.start("B", PROCESS.id());
    fire(engine, clock, "B", new SalesEvent.ForecastUpdated(clock.now, LocalDate.of(2027, 2, 5),
        new BigDecimal("4000"), null));
    // A slips to March during February, and B is won in February for 5,000
    clock.now = Instant.parse("2027-02-10T09:00:00Z");
    fire(engine, clock, "A", new SalesEvent.ForecastUpdated(clock.now, LocalDate.of(2027, 3, 15), null, null));
    fire(engine, clock, "B", new SalesEvent.QualificationAssessed(clock.now, BantAssessment.unknown()));
    fire(engine, clock, "B", new SalesEvent.PresentationDelivered(clock.now));
    fire(engine, clock, "B", new SalesEvent.ClosedWon(clock.now, new BigDecimal("5000")));
    // a deal started in February is not in February's forecast
    engine.start("C", PROCESS.id());
    fire(engine, clock, "C", new SalesEvent.ForecastUpdated(clock.now, LocalDate.of(2027, 2, 25),
        new BigDecimal("9000"), null));

    List<Forecast.Accuracy> rows = Forecast.accuracy(List.of(PROCESS), engine.store().findByProcess(PROCESS.id()),
        YearMonth.of(2027, 1), YearMonth.of(2027, 3), ZoneOffset.UTC);

    assertThat(rows).extracting(Forecast.Accuracy::month)
        .containsExactly(YearMonth.of(2027, 1), YearMonth.of(2027, 2), YearMonth.of(2027, 3));
    Forecast.Accuracy february = rows.get(1);
    assertThat(february.forecastDeals()).isEqualTo(2);
    assertThat(february.forecastWeighted()).isEqualByComparingTo("7900"); // 10,000 x 0.75 + 4,000 x 0.1
    assertThat(february.forecastCommit()).isEqualByComparingTo("10000");
    assertThat(february.wonDeals()).isEqualTo(1);
    assertThat(february.won()).isEqualByComparingTo("5000");
    assertThat(february.wonToForecast()).hasValueSatisfying(r -> assertThat(r).isCloseTo(5000 / 7900.0,
        org.assertj.core.data.Offset.offset(1e-9)));
    assertThat(rows.get(2).forecastDeals()).isEqualTo(1); // A slipped into March; C, due in February, is late
    assertThat(rows.get(2).forecastWeighted()).isEqualByComparingTo("7500");
    assertThat(Forecast.accuracyCsv(rows)).startsWith("month,forecast_deals,");
  }

  @Test
  void refusesADealOfAProcessItWasNotGiven() {
    Deal deal = Deal.builder().id("D-1").processId("other").stage("lead").version(0).createdAt(T0)
        .enteredStageAt(T0).facts(DealFacts.none()).build();
    assertThatThrownBy(() -> Forecast.of(List.of(PROCESS), List.of(deal), ZoneOffset.UTC))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'D-1'").hasMessageContaining("'other'");
  }
}
