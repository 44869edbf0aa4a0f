package io.salesflow.examples;

import io.salesflow.Deal;
import io.salesflow.DealFacts;
import io.salesflow.DealFacts.Scorecard;
import io.salesflow.DealFacts.Scorecard.Element;
import io.salesflow.DealFacts.Scorecard.Framework;
import io.salesflow.EventType;
import io.salesflow.SalesEvent;
import io.salesflow.SalesEvent.LeadSource;
import io.salesflow.SalesEvent.StakeholderRole;
import io.salesflow.SalesProcess;
import io.salesflow.Stage;
import io.salesflow.Stage.ForecastCategory;
import io.salesflow.StageKind;
import io.salesflow.analytics.FunnelReport;
import io.salesflow.catalog.CatalogEvents;
import io.salesflow.catalog.CatalogStages;
import io.salesflow.catalog.Expansions;
import io.salesflow.catalog.SalesCatalog;
import io.salesflow.engine.DealEngine;
import io.salesflow.engine.FireResult;
import io.salesflow.guard.SalesGuards;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The sales domain beyond BANT: MEDDIC scorecards, a catalog process switched to MEDDPICC, stakeholder coverage,
 * forecasts, expansion deals, win rates by lead source, and the persistence report. The README quotes it.
 */
public final class SalesDomainExample {
  static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

  private SalesDomainExample() {}

  /** A custom process that qualifies on MEDDIC: the champion and the economic buyer before the demo. */
  public static SalesProcess meddicProcess() {
    // tag::meddic[]
    return SalesProcess.builder("enterprise")
        .stage(Stage.open("qualification", "Qualification"))
        .stage(Stage.builder().id("demo").name("Demo").kind(StageKind.OPEN).winProbability(0.4).build())
        .stage(Stage.builder().id("negotiation").name("Negotiation").kind(StageKind.OPEN).winProbability(0.7)
            .forecastCategory(ForecastCategory.COMMIT).build())
        .stage(Stage.won("won", "Won"))
        .stage(Stage.lost("lost", "Lost"))
        .initialStage("qualification")
        .transition("qualification", EventType.QUALIFICATION_SCORED, "demo",
            SalesGuards.scorecardAtLeast(Framework.MEDDIC, 4)
                .and(SalesGuards.scorecardRequires(Framework.MEDDIC, Element.CHAMPION, Element.ECONOMIC_BUYER)))
        .internal("demo", EventType.FORECAST_UPDATED)
        .internal("demo", EventType.STAKEHOLDER_ENGAGED)
        .transition("demo", EventType.PROPOSAL_SENT, "negotiation", SalesGuards.stakeholdersEngaged(3))
        .internal("negotiation", EventType.TERMS_NEGOTIATED)
        .transition("negotiation", EventType.CLOSED_WON, "won")
        .transition("qualification", EventType.CLOSED_LOST, "lost")
        .transition("demo", EventType.CLOSED_LOST, "lost")
        .transition("negotiation", EventType.CLOSED_LOST, "lost",
            SalesGuards.rejectionsBeforeLoss(3)) // 44% give up after one rejection (Lucidchart)
        .build();
    // end::meddic[]
  }

  /** Walks one deal through {@link #meddicProcess()} and returns the rejection and the deal at the end. */
  static List<Object> enterpriseDeal(DealEngine engine) {
    // tag::scorecard[]
    Scorecard card = Scorecard.of(Framework.MEDDIC)
        .confirm(Element.METRICS, "halve the time to quote")
        .confirm(Element.IDENTIFIED_PAIN, "quotes take a week")
        .confirm(Element.DECISION_CRITERIA, "price, CRM integration")
        .identify(Element.ECONOMIC_BUYER, "the CFO, not met yet");
    FireResult early = engine.fire("D-1", new SalesEvent.QualificationScored(NOW, card));
    // rejected: MEDDIC: 3 of 6 elements confirmed, at least 4 required;
    //   MEDDIC: economic buyer identified but not confirmed ('the CFO, not met yet');
    //   MEDDIC: decision process unknown; MEDDIC: champion unknown

    engine.fire("D-1", new SalesEvent.QualificationScored(NOW, card
        .confirm(Element.ECONOMIC_BUYER, "the CFO").confirm(Element.CHAMPION, "Dana, head of sales ops")));
    engine.fire("D-1", new SalesEvent.ForecastUpdated(NOW, LocalDate.of(2026, 4, 30), new BigDecimal("48000"),
        ForecastCategory.BEST_CASE));                         // expected close, amount, the rep's category
    engine.fire("D-1", new SalesEvent.StakeholderEngaged(NOW, "the CFO", StakeholderRole.ECONOMIC_BUYER));
    engine.fire("D-1", new SalesEvent.StakeholderEngaged(NOW, "Dana", StakeholderRole.CHAMPION));
    engine.fire("D-1", new SalesEvent.StakeholderEngaged(NOW, "IT security", StakeholderRole.PROCUREMENT));
    engine.fire("D-1", new SalesEvent.ProposalSent(NOW, new BigDecimal("48000")));
    engine.fire("D-1", new SalesEvent.TermsNegotiated(NOW, "two-year term", new BigDecimal("7.5"), "net 30"));
    // end::scorecard[]
    return List.of(early, engine.get("D-1"));
  }

  /** The eight-step process qualifying on MEDDPICC and needing four stakeholders before closing. */
  public static SalesProcess eightStepForEnterprise() {
    // tag::catalog-policies[]
    SalesProcess process = SalesCatalog.withQualification(SalesCatalog.eightStep(),
        SalesGuards.scorecardAllConfirmed(Framework.MEDDPICC));      // qualifies on a MEDDPICC scorecard
    return SalesCatalog.withStakeholderCoverage(process, 4);         // 4 stakeholders, a decision-maker among them
    // end::catalog-policies[]
  }

  /** Writes the forecast of {@code deals} to {@code dir}, returning the weighted pipeline. */
  static BigDecimal forecast(List<SalesProcess> processes, List<Deal> deals, Path dir) throws IOException {
    // tag::forecast[]
    FunnelReport.Forecast forecast = FunnelReport.Forecast.of(processes, deals, ZoneOffset.UTC);
    BigDecimal weighted = forecast.weightedPipeline();       // open deals: amount x stage win probability
    for (FunnelReport.Forecast.Group month : forecast.byMonth()) {
      System.out.printf("%s %s deals, weighted %s%n", month.key(), month.deals(), month.weighted());
    }
    forecast.byStage();                                      // also byProcess(), byOwner(), byCategory(), by(..)
    Files.writeString(dir.resolve("forecast.csv"), forecast.csv());   // RFC 4180, for spreadsheets

    List<FunnelReport.Forecast.Accuracy> accuracy = FunnelReport.Forecast.accuracy(processes, deals,
        YearMonth.of(2026, 1), YearMonth.of(2026, 3), ZoneOffset.UTC); // forecast at month start vs won in it
    Files.writeString(dir.resolve("forecast-accuracy.csv"), FunnelReport.Forecast.accuracyCsv(accuracy));
    // end::forecast[]
    return weighted;
  }

  /** Starts an upsell from a won eight-step deal and returns it. */
  static Deal upsell(DealEngine engine) {
    // tag::expansion[]
    Deal upsell = Expansions.start(engine, "D-42", LeadSource.UPSELL, "D-42-upsell");
    // upsell: stage 'pitch' (SalesCatalog.expansionEntryStage), lead source upsell, parent deal D-42;
    // D-42 (in a post-sale stage) recorded expansion-started, and its facts name the upsell
    List<Deal> expansions = Expansions.of(engine, "D-42");
    // end::expansion[]
    return expansions.get(0).equals(upsell) ? upsell : null;
  }

  /** Win rates by lead source and the persistence report of {@code deals}. */
  static FunnelReport.Persistence persistence(SalesProcess process, List<Deal> deals) {
    // tag::persistence[]
    FunnelReport report = FunnelReport.of(process, deals, Instant.now());
    report.winRateBy(FunnelReport::leadSource);   // referral, inbound, upsell, renewal...: won / closed each
    report.winRateBy(FunnelReport::owner);        // and by owner

    FunnelReport.Persistence persistence = FunnelReport.Persistence.byOwner(List.of(process), deals);
    // or by team: FunnelReport.Persistence.of(List.of(process), deals, deal -> teamOf(deal))
    for (FunnelReport.Persistence.Row row : persistence.rows()) {
      System.out.printf("%s: gave up after 1 rejection %s (published: 44%%), wins after 5+ follow-ups %s"
          + " (published: 80%%)%n", row.team(), row.gaveUpShare(1), row.winsAfterFiveFollowUps());
    }
    // end::persistence[]
    return persistence;
  }

  /** Runs every snippet and prints what they give. */
  public static void main(String[] args) throws IOException {
    DealEngine engine = DealEngine.tableEngine().process(meddicProcess())
        .process(SalesCatalog.eightStep()).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
    engine.start("D-1", "enterprise", DealFacts.builder().leadSource(LeadSource.INBOUND).build());
    List<Object> result = enterpriseDeal(engine);
    System.out.println(result.get(0));
    System.out.println(result.get(1));

    engine.start("D-42", SalesCatalog.EIGHT_STEP, DealFacts.builder().leadSource(LeadSource.REFERRAL).build(),
        CatalogStages.CLOSING);
    engine.fire("D-42", new SalesEvent.ProposalSent(NOW, new BigDecimal("24000")));
    engine.fire("D-42", CatalogEvents.buyInConfirmed(NOW, CatalogEvents.BuyInSide.BUYER, "the CFO"));
    engine.fire("D-42", CatalogEvents.buyInConfirmed(NOW, CatalogEvents.BuyInSide.SELLER, "our VP sales"));
    engine.fire("D-42", new SalesEvent.ClosedWon(NOW, new BigDecimal("24000")));
    System.out.println(upsell(engine).facts());

    Path dir = Files.createTempDirectory("salesflow-forecast");
    List<Deal> deals = List.of(engine.get("D-1"), engine.get("D-42"), engine.get("D-42-upsell"));
    System.out.println("weighted pipeline " + forecast(List.of(meddicProcess(), SalesCatalog.eightStep()), deals,
        dir));
    System.out.println(persistence(SalesCatalog.eightStep(), List.of(engine.get("D-42"), engine.get("D-42-upsell"))));
    System.out.println(eightStepForEnterprise());
  }
}
