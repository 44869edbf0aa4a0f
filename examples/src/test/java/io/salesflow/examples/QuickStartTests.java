package io.salesflow.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesflow.Deal;
import io.salesflow.engine.FireResult;
import io.salesflow.engine.FireResult.RejectionKind;
import org.junit.jupiter.api.Test;

/** The README's first snippet does what its comments say: the rejection's advice, once followed, lets the loss in. */
class QuickStartTests {

  @Test
  void theLossIsRejectedUntilTheFollowUpsItAsksForAreMade() {
    QuickStart.Outcome outcome = QuickStart.outcome();

    assertThat(outcome.result()).isInstanceOfSatisfying(FireResult.Rejected.class, rejected -> {
      assertThat(rejected.kind()).isEqualTo(RejectionKind.GUARD_DENIED);
      assertThat(rejected.message())
          .startsWith("deal 'D-42' in process 'inbound-demo' (stage 'lead') rejected 'closed-lost':"
              + " follow-ups: 0 of 5 made before dropping for no response; ")
          .endsWith(" follow up 5 more times");
    });
    assertThat(outcome.retried()).isInstanceOf(FireResult.Accepted.class).hasToString(
        "deal 'D-42' in process 'inbound-demo' moved from 'lead' to 'lost' on 'closed-lost' (version 6)");

    Deal deal = outcome.engine().get("D-42");
    assertThat(deal.stage()).isEqualTo("lost");
    assertThat(deal.facts().followUps().count()).isEqualTo(5);
    assertThat(deal.history().asList()).extracting(r -> r.internal())
        .containsExactly(true, true, true, true, true, false);
  }
}
