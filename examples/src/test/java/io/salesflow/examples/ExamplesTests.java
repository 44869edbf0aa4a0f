package io.salesflow.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesflow.Deal;
import io.salesflow.engine.DealEngine;
import io.salesflow.engine.FireResult;
import io.salesflow.engine.FireResult.RejectionKind;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExamplesTests {

  @Test
  void quickStartIsRejectedWithTheFollowUpReason() {
    FireResult result = QuickStart.run();
    assertThat(result).isInstanceOfSatisfying(FireResult.Rejected.class, r -> {
      assertThat(r.kind()).isEqualTo(RejectionKind.GUARD_DENIED);
      assertThat(r.reasons()).singleElement().asString().startsWith("follow-ups: 0 of 5 made");
    });
  }

  @Test
  void customProcessRunsEndToEndAndItsRejectionsCarryReasons() {
    DealEngine engine = DealEngine.tableEngine().process(CustomProcessExample.subscriptionSales()).build();
    List<FireResult> results = CustomProcessExample.runOneDeal(engine, Instant.parse("2026-11-02T09:00:00Z"));
    assertThat(results).extracting(FireResult::isAccepted)
        .containsExactly(true, false, true, false, true, true, true, true, true);
    assertThat(((FireResult.Rejected) results.get(1)).reasons()).contains("authority: no decision-maker identified");
    assertThat(((FireResult.Rejected) results.get(3)).reasons()).containsExactly("amount: required but not set");
    Deal deal = engine.get("S-1");
    assertThat(deal.stage()).isEqualTo("won");
    assertThat(deal.history().asList()).extracting(r -> r.to())
        .containsExactly("qualifying", "demo", "negotiation", "demo", "demo", "negotiation", "won");
    assertThat(deal.history().asList().get(0).internal()).isTrue();
  }
}
