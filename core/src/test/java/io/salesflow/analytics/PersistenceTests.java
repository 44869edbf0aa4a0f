package io.salesflow.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesflow.BantAssessment;
import io.salesflow.Deal;
import io.salesflow.DealFacts;
import io.salesflow.SalesEvent;
import io.salesflow.SalesEvent.ContactChannel;
import io.salesflow.SalesEvent.FollowUpOutcome;
import io.salesflow.SalesEvent.LeadSource;
import io.salesflow.SalesEvent.LossReason;
import io.salesflow.analytics.FunnelReport.Persistence;
import io.salesflow.engine.DealEngine;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** The persistence report and the win rates by lead source, against counts made by hand. */
class PersistenceTests {
  static final Instant T0 = ForecastTests.T0;

  /** Which team works each deal, by the deal's id prefix. */
  static Optional<String> team(Deal deal) {
    return Optional.of(deal.id().startsWith("N") ? "north" : "south");
  }

  DealEngine engine = DealEngine.tableEngine().process(ForecastTests.PROCESS.toBuilder()
      .internal("lead", io.salesflow.EventType.FOLLOW_UP_LOGGED)
      .internal("negotiation", io.salesflow.EventType.FOLLOW_UP_LOGGED).build())
      .clock(java.time.Clock.fixed(T0.plusSeconds(86_400), java.time.ZoneOffset.UTC)).build();

  void deal(String id, LeadSource source, String outcome, FollowUpOutcome... followUps) {
    engine.start(DealEngine.Start.of(id, ForecastTests.PROCESS.id()).facts(DealFacts.builder().leadSource(source)
        .build()).owner(id.startsWith("N") ? "nora" : "sam"));
    Instant at = T0;
    for (FollowUpOutcome followUp : followUps) {
      at = at.plusSeconds(3600);
      engine.fire(id, new SalesEvent.FollowUpLogged(at, ContactChannel.PHONE, followUp));
    }
    if (outcome.equals("won")) {
      engine.fire(id, new SalesEvent.QualificationAssessed(at, BantAssessment.unknown()));
      engine.fire(id, new SalesEvent.PresentationDelivered(at));
      engine.fire(id, new SalesEvent.ClosedWon(at, new BigDecimal("1000")));
    } else if (outcome.equals("lost")) {
      engine.fire(id, new SalesEvent.ClosedLost(at, LossReason.NO_DECISION));
    }
  }

  List<Deal> deals() {
    FollowUpOutcome no = FollowUpOutcome.NO_RESPONSE;
    FollowUpOutcome rejected = FollowUpOutcome.REJECTED;
    FollowUpOutcome yes = FollowUpOutcome.RESPONDED;
    deal("N-1", LeadSource.REFERRAL, "won", no, no, no, no, yes);             // 5 follow-ups
    deal("N-2", LeadSource.REFERRAL, "won", yes);                             // 1 follow-up
    deal("N-3", LeadSource.INBOUND, "lost", rejected);                        // dropped after 1 rejection
    deal("N-4", LeadSource.INBOUND, "lost", rejected, no, rejected);          // after 2
    deal("S-1", LeadSource.OUTBOUND, "lost", rejected);                       // after 1
    deal("S-2", LeadSource.OUTBOUND, "lost");                                 // after 0
    deal("S-3", LeadSource.REFERRAL, "lost", no, no);                         // after 0
    deal("S-4", LeadSource.OUTBOUND, "won", no, rejected, no, no, yes, yes);  // 6 follow-ups
    deal("S-5", LeadSource.INBOUND, "open", rejected);                        // open: not counted
    return engine.store().findByProcess(ForecastTests.PROCESS.id());
  }

  @Test
  void countsFollowUpsAndRejectionsBeforeEachWinOrDropPerTeam() throws IOException {
    Persistence report = Persistence.of(List.of(ForecastTests.PROCESS), deals(), PersistenceTests::team);

    assertThat(report.rows()).extracting(Persistence.Row::team).containsExactly("all", "north", "south");
    Persistence.Row all = report.rows().get(0);
    assertThat(all.won()).isEqualTo(3);
    assertThat(all.dropped()).isEqualTo(5);
    assertThat(all.followUpsPerWin()).contains(12 / 3.0);
    assertThat(all.winsAfterFiveFollowUps()).contains(2 / 3.0);
    assertThat(all.droppedAfterRejections()).containsExactly(2, 2, 1, 0, 0, 0);
    assertThat(all.droppedShare(1)).contains(0.4);
    assertThat(all.gaveUpShare(1)).contains(2 / 3.0);
    assertThat(all.gaveUpShare(2)).contains(1 / 3.0);
    assertThat(all.rejectionsPerDrop()).contains(4 / 5.0);
    Persistence.Row north = report.rows().get(1);
    assertThat(north.droppedAfterRejections()).containsExactly(0, 1, 1, 0, 0, 0);
    assertThat(north.winsAfterFiveFollowUps()).contains(0.5);

    List<CSVRecord> csv = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
        .parse(new StringReader(report.csv())).getRecords();
    assertThat(csv).extracting(r -> r.get("team")).containsExactly("all", "north", "south", "published");
    assertThat(Double.parseDouble(csv.get(0).get("dropped_without_rejection"))).isEqualTo(0.4);
    assertThat(Double.parseDouble(csv.get(0).get("gave_up_after_2"))).isEqualTo(1 / 3.0);
    assertThat(Double.parseDouble(csv.get(3).get("gave_up_after_1"))).isEqualTo(0.44);
    assertThat(Double.parseDouble(csv.get(3).get("wins_after_five_follow_ups"))).isEqualTo(0.8);
  }

  @Test
  void byOwnerCutsTheSameFiguresByEachDealsOwner() {
    List<Deal> deals = deals();
    Persistence byOwner = Persistence.byOwner(List.of(ForecastTests.PROCESS), deals);
    Persistence byTeam = Persistence.of(List.of(ForecastTests.PROCESS), deals, PersistenceTests::team);

    assertThat(byOwner.rows()).extracting(Persistence.Row::team).containsExactly("all", "nora", "sam");
    for (int i = 0; i < 3; i++) {
      Persistence.Row owner = byOwner.rows().get(i);
      Persistence.Row team = byTeam.rows().get(i);
      assertThat(owner.droppedAfterRejections()).isEqualTo(team.droppedAfterRejections());
      assertThat(owner.won()).isEqualTo(team.won());
    }
  }

  @Test
  void winRateByLeadSourceMatchesAHandCount() {
    FunnelReport report = FunnelReport.of(ForecastTests.PROCESS, deals(), T0.plusSeconds(86_400));
    Map<String, int[]> expected = Map.of("referral", new int[] {2, 1}, "inbound", new int[] {0, 2},
        "outbound", new int[] {1, 2});

    List<FunnelReport.Breakdown> bySource = report.winRateBy(FunnelReport::leadSource);
    assertThat(bySource).hasSize(3);
    for (FunnelReport.Breakdown row : bySource) {
      assertThat(new int[] {row.won(), row.lost()}).as(row.value()).containsExactly(expected.get(row.value()));
    }
    assertThat(bySource).extracting(FunnelReport.Breakdown::value).containsExactly("referral", "outbound", "inbound");
  }
}
