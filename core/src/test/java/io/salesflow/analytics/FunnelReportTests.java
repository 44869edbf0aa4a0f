package io.salesflow.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesflow.Deal;
import io.salesflow.DealFacts;
import io.salesflow.EventType;
import io.salesflow.SalesEvent;
import io.salesflow.SalesEvent.ApproachMethod;
import io.salesflow.SalesEvent.ContactChannel;
import io.salesflow.SalesEvent.FollowUpOutcome;
import io.salesflow.SalesEvent.LossReason;
import io.salesflow.SalesEvent.ObjectionCategory;
import io.salesflow.SalesProcess;
import io.salesflow.Stage;
import io.salesflow.StageKind;
import io.salesflow.TransitionHistory;
import io.salesflow.TransitionRecord;
import io.salesflow.guard.FollowUpCadence;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The report's arithmetic on hand-built deal histories. */
class FunnelReportTests {
  static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");
  static final Instant NOW = day(5);

  static Instant day(double days) {
    return T0.plus(Duration.ofMinutes((long) (days * 24 * 60)));
  }

  static final SalesProcess PROCESS = SalesProcess.builder("funnel-test")
      .stage(Stage.builder().id("a").name("A").kind(StageKind.OPEN).stallAfter(Duration.ofDays(2)).build())
      .stage(Stage.open("b", "B"))
      .stage(Stage.won("won", "Won"))
      .stage(Stage.lost("lost", "Lost"))
      .initialStage("a")
      .internal("a", EventType.FOLLOW_UP_LOGGED)
      .transition("a", EventType.PRESENTATION_DELIVERED, "b")
      .transition("b", EventType.OBJECTION_RAISED, "a")
      .transition("b", EventType.CLOSED_WON, "won")
      .transition("a", EventType.CLOSED_LOST, "lost")
      .transition("b", EventType.CLOSED_LOST, "lost")
      .build();

  /** A deal created at T0 in "a" that went through {@code hops}: pairs of (day, target stage or "=" for internal). */
  static Deal deal(String id, DealFacts facts, Object... hops) {
    List<TransitionRecord> records = new ArrayList<>();
    String stage = "a";
    Instant entered = T0;
    for (int i = 0; i < hops.length; i += 2) {
      Instant at = day(((Number) hops[i]).doubleValue());
      String target = (String) hops[i + 1];
      boolean internal = target.equals("=");
      String to = internal ? stage : target;
      SalesEvent event = internal ? new SalesEvent.FollowUpLogged(at, ContactChannel.EMAIL, FollowUpOutcome.RESPONDED)
          : to.equals("won") ? new SalesEvent.ClosedWon(at, BigDecimal.TEN)
          : to.equals("lost") ? new SalesEvent.ClosedLost(at, LossReason.PRICE)
          : to.equals("a") ? new SalesEvent.ObjectionRaised(at, ObjectionCategory.PRICE)
          : new SalesEvent.PresentationDelivered(at);
      records.add(new TransitionRecord(records.size() + 1, stage, to, event, at, internal));
      if (!internal) {
        entered = at;
      }
      stage = to;
    }
    return Deal.builder().id(id).processId("funnel-test").stage(stage).version(records.size()).createdAt(T0)
        .enteredStageAt(entered).facts(facts).history(TransitionHistory.of(records)).build();
  }

  static DealFacts approach(ApproachMethod method) {
    return DealFacts.builder().approachMethod(method).build();
  }

  static final List<Deal> DEALS = List.of(
      deal("D1", approach(ApproachMethod.QUESTION), 1, "b", 3, "won"),
      deal("D2", approach(ApproachMethod.PREMIUM), 2, "lost"),
      deal("D3", approach(ApproachMethod.QUESTION), 1, "b", 2, "a", 4, "b"),
      deal("D4", DealFacts.none()),
      deal("D5", DealFacts.none(), 1, "=").toBuilder().enteredStageAt(day(4)).build());

  final FunnelReport report = FunnelReport.of(PROCESS, DEALS, NOW);

  @Test
  void countsEveryDealOncePerStageAndTheCountsAddUp() {
    for (FunnelReport.StageFunnel stage : report.stages()) {
      assertThat(stage.entered()).as(stage.stage().id())
          .isEqualTo(stage.advanced() + stage.lost() + stage.stillThere());
    }
    FunnelReport.StageFunnel a = report.stage("a");
    assertThat(List.of(a.entered(), a.advanced(), a.lost(), a.stillThere())).containsExactly(5, 2, 1, 2);
    FunnelReport.StageFunnel b = report.stage("b");
    assertThat(List.of(b.entered(), b.advanced(), b.lost(), b.stillThere())).containsExactly(2, 1, 0, 1);
    assertThat(report.stage("won").entered()).isEqualTo(1);
    assertThat(report.stage("lost").stillThere()).isEqualTo(1);
  }

  @Test
  void conversionIsTheShareThatReachedALaterStage() {
    assertThat(report.stage("a").conversion()).contains(2.0 / 5);
    assertThat(report.stage("b").conversion()).contains(1.0 / 2);
    assertThat(FunnelReport.of(PROCESS, List.of(), NOW).stage("a").conversion()).isEmpty();
  }

  @Test
  void timeInStageUsesCompletedStaysWithNearestRankPercentiles() {
    // stays in a: 1d, 2d, 1d, 2d; in b: 2d, 1d
    assertThat(report.stage("a").medianTimeInStage()).contains(Duration.ofDays(1));
    assertThat(report.stage("a").p90TimeInStage()).contains(Duration.ofDays(2));
    assertThat(report.stage("b").medianTimeInStage()).contains(Duration.ofDays(1));
    assertThat(report.stage("b").p90TimeInStage()).contains(Duration.ofDays(2));
    assertThat(report.stage("won").medianTimeInStage()).isEmpty();
  }

  @Test
  void countsDealsStalledNow() {
    assertThat(report.stage("a").stalledNow()).isEqualTo(1);
    assertThat(report.stage("b").stalledNow()).as("no threshold, no stall").isZero();
  }

  @Test
  void reportsWinRateAndCycleTime() {
    assertThat(report.won()).isEqualTo(1);
    assertThat(report.lost()).isEqualTo(1);
    assertThat(report.open()).isEqualTo(3);
    assertThat(report.winRate()).contains(0.5);
    assertThat(report.medianCycleTime()).contains(Duration.ofDays(3));
  }

  @Test
  void comparesApproachMethodsOnClosedDeals() {
    assertThat(report.winRateBy(FunnelReport::approachMethod)).containsExactly(
        new FunnelReport.Breakdown("question", 1, 0), new FunnelReport.Breakdown("premium", 0, 1));
    assertThat(report.winRateBy(FunnelReport::leadTemperature)).isEmpty();
  }

  @Test
  void refusesDealsOfAnotherProcess() {
    Deal stranger = DEALS.get(0).toBuilder().processId("other").build();
    assertThatThrownBy(() -> FunnelReport.of(PROCESS, List.of(stranger), NOW))
        .hasMessageContaining("runs in process 'other'");
  }

  @Test
  void stalledDealsAreThoseLongerThanTheThreshold() {
    Deal d4 = DEALS.get(3);
    assertThat(FunnelReport.stalled(PROCESS, List.of(d4), day(2))).as("exactly at the threshold").isEmpty();
    assertThat(FunnelReport.stalled(PROCESS, List.of(d4), day(2).plusSeconds(1))).containsExactly(d4);
    assertThat(FunnelReport.stalled(PROCESS, DEALS, NOW)).extracting(Deal::id).containsExactly("D4");
  }

  @Test
  void overdueFollowUpsLeaveClosedDealsOut() {
    FollowUpCadence cadence = FollowUpCadence.every(Duration.ofDays(1));
    assertThat(cadence.overdue(PROCESS, DEALS, NOW)).extracting(Deal::id)
        .as("D3 and D5 are due exactly now, which is not late yet").containsExactly("D4");
    assertThat(cadence.overdue(PROCESS, DEALS, NOW.plusSeconds(1))).extracting(Deal::id)
        .containsExactly("D4", "D3", "D5");
    assertThat(cadence.overdue(PROCESS, List.of(DEALS.get(4)), day(5)))
        .as("D5 entered a on day 4, due exactly on day 5").isEmpty();
  }
}
