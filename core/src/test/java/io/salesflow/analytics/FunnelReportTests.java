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
import java.util.Map;
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

  /**
   * A deal created at T0 in "a" that went through {@code hops}: pairs of (day, target stage, "=" for internal, or a
   * stage after "!" for an override by "manager-max").
   */
  static Deal deal(String id, DealFacts facts, Object... hops) {
    List<TransitionRecord> records = new ArrayList<>();
    String stage = "a";
    Instant entered = T0;
    for (int i = 0; i < hops.length; i += 2) {
      Instant at = day(((Number) hops[i]).doubleValue());
      String target = (String) hops[i + 1];
      boolean internal = target.equals("=");
      boolean override = target.startsWith("!");
      String to = internal ? stage : override ? target.substring(1) : target;
      SalesEvent event = internal ? new SalesEvent.FollowUpLogged(at, ContactChannel.EMAIL, FollowUpOutcome.RESPONDED)
          : override ? new SalesEvent.StageOverridden(at, "customer asked for it", stage.equals("lost"))
          : to.equals("won") ? new SalesEvent.ClosedWon(at, BigDecimal.TEN)
          : to.equals("lost") ? new SalesEvent.ClosedLost(at, LossReason.PRICE)
          : to.equals("a") ? new SalesEvent.ObjectionRaised(at, ObjectionCategory.PRICE)
          : new SalesEvent.PresentationDelivered(at);
      records.add(new TransitionRecord(records.size() + 1, stage, to, event, at, internal, null,
          override ? "manager-max" : null));
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
          .isEqualTo(stage.advanced() + stage.lost() + stage.overridden() + stage.stillThere());
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

  @Test
  void countsAnOverridePastAGuardInItsOwnColumnAndNotAsAConversion() {
    List<Deal> deals = new ArrayList<>(DEALS);
    deals.add(deal("D6", DealFacts.none(), 1, "!b", 2, "won"));     // forced past a, then won by the rules
    deals.add(deal("D7", DealFacts.none(), 1, "lost", 2, "!a"));    // lost, reopened by a manager

    FunnelReport withOverrides = FunnelReport.of(PROCESS, deals, NOW);

    FunnelReport.StageFunnel a = withOverrides.stage("a");
    assertThat(List.of(a.entered(), a.advanced(), a.lost(), a.overridden(), a.stillThere()))
        .containsExactly(7, 2, 1, 1, 3);
    assertThat(a.conversion()).as("D6 reached b and won only because of the override").contains(2.0 / 7);
    FunnelReport.StageFunnel lost = withOverrides.stage("lost");
    assertThat(List.of(lost.entered(), lost.overridden(), lost.stillThere())).containsExactly(2, 1, 1);
    FunnelReport.StageFunnel b = withOverrides.stage("b");
    assertThat(List.of(b.entered(), b.advanced(), b.overridden())).containsExactly(3, 2, 0);
    assertThat(withOverrides.overrides()).isEqualTo(2);
    assertThat(report.overrides()).isZero();
    for (FunnelReport.StageFunnel stage : withOverrides.stages()) {
      assertThat(stage.entered()).as(stage.stage().id())
          .isEqualTo(stage.advanced() + stage.lost() + stage.overridden() + stage.stillThere());
    }
  }

  @Test
  void givesTheWinRateOfEachOwnerAsCountedByHand() {
    List<Deal> deals = List.of(
        owned("ann", deal("W1", DealFacts.none(), 1, "b", 2, "won")),
        owned("ann", deal("W2", DealFacts.none(), 1, "b", 3, "won")),
        owned("ann", deal("L1", DealFacts.none(), 1, "lost")),
        owned("ann", deal("O1", DealFacts.none(), 1, "b")),
        owned("bob", deal("L2", DealFacts.none(), 2, "lost")),
        owned("bob", deal("L3", DealFacts.none(), 1, "b", 2, "lost")),
        owned("bob", deal("W3", DealFacts.none(), 1, "b", 4, "won")),
        deal("W4", DealFacts.none(), 1, "b", 2, "won"));

    FunnelReport byHand = FunnelReport.of(PROCESS, deals, NOW);

    // ann: won W1 and W2, lost L1, O1 open: 2 of 3 closed; bob: won W3, lost L2 and L3: 1 of 3; W4 has no owner
    assertThat(byHand.winRateBy(FunnelReport::owner)).containsExactly(
        new FunnelReport.Breakdown("ann", 2, 1), new FunnelReport.Breakdown("bob", 1, 2));
    assertThat(byHand.winRateBy(FunnelReport::owner).get(0).winRate()).contains(2.0 / 3);
    assertThat(byHand.byOwner()).containsOnlyKeys("ann", "bob");
    FunnelReport ann = byHand.byOwner().get("ann");
    assertThat(List.of(ann.deals(), ann.won(), ann.lost(), ann.open())).containsExactly(4, 2, 1, 1);
    assertThat(ann.stage("b").entered()).isEqualTo(3);
    assertThat(byHand.byOwner().get("bob").winRate()).contains(1.0 / 3);
    assertThat(byHand.winRate()).as("the whole report keeps W4, which has no owner: 4 won, 3 lost")
        .contains(4.0 / 7);
  }

  @Test
  void listsStalledDealsPerOwner() {
    Deal annStalled = owned("ann", deal("S1", DealFacts.none()));
    Deal annFresh = owned("ann", deal("S2", DealFacts.none(), 4.5, "b", 4.6, "a"));
    Deal bobStalled = owned("bob", deal("S3", DealFacts.none(), 1, "b", 2, "a"));
    Deal nobodys = deal("S4", DealFacts.none());

    assertThat(FunnelReport.stalledByOwner(PROCESS, List.of(annStalled, annFresh, bobStalled, nobodys), NOW))
        .containsExactly(Map.entry("ann", List.of(annStalled)), Map.entry("bob", List.of(bobStalled)));
  }

  @Test
  void refusesADealInAStageThisVersionLacksAndLeavesOutStagesOfAnOlderVersion() {
    SalesProcess v2 = PROCESS.toBuilder().version(2).stage(Stage.open("c", "C"))
        .transition("b", EventType.PROPOSAL_SENT, "c").transition("c", EventType.CLOSED_WON, "won")
        .transition("c", EventType.CLOSED_LOST, "lost").build();
    Deal onV2 = deal("V2", DealFacts.none(), 1, "b").toBuilder().processVersion(2).build();
    Deal inC = onV2.advance(new TransitionRecord(2, "b", "c", new SalesEvent.ProposalSent(day(2), null), day(2),
        false), DealFacts.none());

    assertThatThrownBy(() -> FunnelReport.of(PROCESS, List.of(inC), NOW))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("deal 'V2' is in stage 'c', which version 1 of process 'funnel-test' does not have")
        .hasMessageContaining("the deal runs on version 2").hasMessageContaining("report on the deal's own version");
    FunnelReport onTheNewVersion = FunnelReport.of(v2, List.of(inC, DEALS.get(0)), NOW);
    assertThat(onTheNewVersion.stage("c").stillThere()).isEqualTo(1);
    assertThat(onTheNewVersion.stage("b").advanced()).isEqualTo(2);
  }

  @Test
  void leavesOutTheStagesAMigratedDealPassedThroughOnItsOldVersion() {
    SalesProcess v2 = PROCESS.toBuilder().version(2).removeStage("a").stage(Stage.open("start", "Start"))
        .initialStage("start").transition("start", EventType.PRESENTATION_DELIVERED, "b")
        .transition("start", EventType.CLOSED_LOST, "lost").build();
    Deal onV1 = deal("M1", DealFacts.none(), 1, "b", 2, "a");
    TransitionRecord migration = new TransitionRecord(3, "a", "start",
        new SalesEvent.DealMigrated(day(3), 1, 2, "a became start", List.of()), day(3), false, null, "ops-ann");
    Deal migrated = onV1.toBuilder().processVersion(2).stage("start").version(3).enteredStageAt(day(3))
        .history(onV1.history().append(migration)).build();

    FunnelReport report = FunnelReport.of(v2, List.of(migrated), NOW);

    assertThat(report.stage("start").stillThere()).isEqualTo(1);
    assertThat(report.stage("b").entered()).isEqualTo(1);
    assertThat(report.stage("b").advanced()).as("b was left for a, a stage of version 1").isEqualTo(1);
    assertThatThrownBy(() -> FunnelReport.of(v2, List.of(onV1.toBuilder().processVersion(2).build()), NOW))
        .as("a deal not migrated that passed through 'a'").isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("stage 'a'");
  }

  private static Deal owned(String owner, Deal deal) {
    return deal.toBuilder().owner(owner).build();
  }
}
