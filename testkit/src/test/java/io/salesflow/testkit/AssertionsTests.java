package io.salesflow.testkit;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesflow.BantAssessment;
import io.salesflow.Deal;
import io.salesflow.EventType;
import io.salesflow.SalesEvent;
import io.salesflow.SalesEvent.ContactChannel;
import io.salesflow.SalesEvent.FollowUpOutcome;
import io.salesflow.engine.DealEngine;
import io.salesflow.engine.FireResult;
import io.salesflow.engine.FireResult.RejectionKind;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class AssertionsTests {
  private static final Instant AT = Instant.parse("2026-02-02T10:00:00Z");

  private final DealEngine engine = DealEngine.tableEngine().process(TestProcesses.inbound()).build();

  @Test
  void dealAssertionsPassOnAMatchingDealAndFailNamingTheDifference() {
    engine.start("D-1", "inbound");
    engine.fire("D-1", new SalesEvent.FollowUpLogged(AT, ContactChannel.EMAIL, FollowUpOutcome.RESPONDED));
    engine.fire("D-1", qualified());
    Deal deal = engine.get("D-1");

    DealAssert.assertThat(deal).isInStage("qualified").hasVersion(2).hasHistorySize(2)
        .hasStagePath("new", "qualified").hasLastEventOfType(EventType.QUALIFICATION_ASSESSED)
        .isUnchangedFrom(engine.get("D-1"));

    assertThatThrownBy(() -> DealAssert.assertThat(deal).isInStage("proposal")).isInstanceOf(AssertionError.class)
        .hasMessageContaining("to be in stage 'proposal' but it is in 'qualified'");
    assertThatThrownBy(() -> DealAssert.assertThat(deal).hasVersion(3)).isInstanceOf(AssertionError.class)
        .hasMessageContaining("version 3 but it is at 2");
    assertThatThrownBy(() -> DealAssert.assertThat(deal).hasHistorySize(1)).isInstanceOf(AssertionError.class);
    assertThatThrownBy(() -> DealAssert.assertThat(deal).hasStagePath("new", "proposal"))
        .isInstanceOf(AssertionError.class).hasMessageContaining("[new, qualified]");
    assertThatThrownBy(() -> DealAssert.assertThat(deal).enteredStageAt(AT.minusSeconds(1)))
        .isInstanceOf(AssertionError.class);
  }

  @Test
  void fireResultAssertionsTellAcceptedFromRejectedAndCheckKindAndReasons() {
    engine.start("D-1", "inbound");
    FireResult rejected = engine.fire("D-1", new SalesEvent.ClosedWon(AT, BigDecimal.TEN));
    FireResult accepted = engine.fire("D-1", qualified());

    FireResultAssert.assertThat(accepted).isAccepted().movedTo("qualified").deal().hasVersion(1);
    FireResultAssert.assertThat(rejected).isRejected().isRejectedWith(RejectionKind.NO_TRANSITION)
        .hasReasonContaining("no transition from stage 'new'");

    assertThatThrownBy(() -> FireResultAssert.assertThat(rejected).isAccepted()).isInstanceOf(AssertionError.class)
        .hasMessageContaining("rejected");
    assertThatThrownBy(() -> FireResultAssert.assertThat(accepted).isRejected()).isInstanceOf(AssertionError.class);
    assertThatThrownBy(() -> FireResultAssert.assertThat(rejected).isRejectedWith(RejectionKind.GUARD_DENIED))
        .isInstanceOf(AssertionError.class).hasMessageContaining("NO_TRANSITION");
    assertThatThrownBy(() -> FireResultAssert.assertThat(rejected).hasReasonContaining("BANT"))
        .isInstanceOf(AssertionError.class);
    assertThatThrownBy(() -> FireResultAssert.assertThat(accepted).movedTo("won")).isInstanceOf(AssertionError.class);
  }

  private static SalesEvent qualified() {
    return new SalesEvent.QualificationAssessed(AT, BantAssessment.builder().budget(BigDecimal.TEN, true)
        .authority(true, 3).painPoints("manual reporting").decisionBy(LocalDate.of(2026, 5, 1)).build());
  }
}
