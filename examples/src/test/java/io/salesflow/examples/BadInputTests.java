package io.salesflow.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesflow.Deal;
import io.salesflow.DuplicateDealException;
import io.salesflow.EventType;
import io.salesflow.InvalidProcessException;
import io.salesflow.SalesEvent;
import io.salesflow.SalesEvent.ContactChannel;
import io.salesflow.SalesEvent.FollowUpOutcome;
import io.salesflow.SalesProcess;
import io.salesflow.Stage;
import io.salesflow.UnknownDealException;
import io.salesflow.UnknownProcessException;
import io.salesflow.engine.DealEngine;
import io.salesflow.engine.FireResult;
import io.salesflow.engine.FireResult.RejectionKind;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * What bad input gets, on the engine the README's first snippet leaves behind: each case an exception or a
 * rejection naming the problem, and no change. The messages the README quotes are checked against the engine's.
 */
class BadInputTests {
  private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");

  static final String UNKNOWN_EVENT_TYPE = "deal 'D-43' in process 'inbound-demo' (stage 'lead') rejected"
      + " 'presentation-delivered': process 'inbound-demo' has no transition on event 'presentation-delivered' in any"
      + " stage; its events are [follow-up-logged, qualification-assessed, closed-won, closed-lost]";
  static final String TERMINAL_STAGE = "deal 'D-42' in process 'inbound-demo' (stage 'lost') rejected"
      + " 'follow-up-logged': deal 'D-42' is in the lost stage 'lost' of process 'inbound-demo', which is final;"
      + " no event moves it";
  static final String INVALID_PROCESS = "process 'broken' is invalid (4 problems):\n"
      + "  - process 'broken': transition lead -> won on closed-won names stage 'won', which the process does not"
      + " have; add the stage or fix the id (stages: [lead, demo, lost])\n"
      + "  - process 'broken' has no won stage; add a stage of kind WON that deals can close into\n"
      + "  - process 'broken': deals in stage 'demo' can never reach a won or lost stage; add a transition towards"
      + " an outcome (closed-lost, for example)\n"
      + "  - process 'broken': stage 'lead' has several unguarded transitions on 'contact-made' (to 'demo',"
      + " 'lost'); guard all but one of them, or use different events";

  private final DealEngine engine = QuickStart.outcome().engine();

  @Test
  void idsThatAreMissingBlankOrUnknownAreRefusedByName() {
    assertThatThrownBy(() -> engine.start(null, "inbound-demo"))
        .isInstanceOf(NullPointerException.class).hasMessage("dealId must not be null");
    assertThatThrownBy(() -> engine.start(" ", "inbound-demo"))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("dealId must not be blank, but was ' '");
    assertThatThrownBy(() -> engine.start("D-43", "outbound"))
        .isInstanceOf(UnknownProcessException.class)
        .hasMessage("unknown process 'outbound'; known processes: [inbound-demo]");
    assertThatThrownBy(() -> engine.fire("D-404", new SalesEvent.PresentationDelivered(NOW)))
        .isInstanceOf(UnknownDealException.class)
        .hasMessage("unknown deal 'D-404'; start it with DealEngine.start before firing events at it");
    assertThatThrownBy(() -> engine.start("D-42", "inbound-demo"))
        .isInstanceOf(DuplicateDealException.class)
        .hasMessage("deal 'D-42' already exists; deal ids must be unique within a store");
    assertThat(engine.find("D-43")).isEmpty();
    assertThat(engine.find("D-404")).isEmpty();
  }

  @Test
  void anEventTheProcessDoesNotKnowIsRejectedAndChangesNothing() {
    Deal started = engine.start("D-43", "inbound-demo");
    assertRejected(() -> engine.fire("D-43", new SalesEvent.PresentationDelivered(NOW)),
        RejectionKind.UNKNOWN_EVENT_TYPE, UNKNOWN_EVENT_TYPE);
    assertThat(engine.get("D-43")).isEqualTo(started);
  }

  @Test
  void aDealInATerminalStageRejectsEveryEvent() {
    Deal lost = engine.get("D-42");
    assertRejected(() -> engine.fire("D-42", followUp()), RejectionKind.TERMINAL_STAGE, TERMINAL_STAGE);
    assertThat(engine.get("D-42")).isEqualTo(lost);
  }

  @Test
  void aStaleExpectedVersionIsRejected() {
    engine.start("D-43", "inbound-demo");
    Deal moved = engine.fire("D-43", followUp()).deal();
    assertRejected(() -> engine.fire("D-43", 0, followUp()), RejectionKind.STALE_VERSION,
        "deal 'D-43' in process 'inbound-demo' (stage 'lead') rejected 'follow-up-logged': deal 'D-43' was expected"
            + " at version 0 but another change made it version 1; reload it and decide again");
    assertThat(engine.get("D-43")).isEqualTo(moved);
  }

  @Test
  void anInvalidDefinitionListsEveryProblem() {
    assertThatThrownBy(() -> SalesProcess.builder("broken")
        .stage(Stage.open("lead", "Lead"))
        .stage(Stage.open("demo", "Demo"))
        .stage(Stage.lost("lost", "Lost"))
        .initialStage("lead")
        .transition("lead", EventType.CONTACT_MADE, "demo")
        .transition("lead", EventType.CONTACT_MADE, "lost")
        .transition("lead", EventType.CLOSED_WON, "won")
        .build())
        .isInstanceOfSatisfying(InvalidProcessException.class,
            e -> assertThat(e.problems()).hasSize(4))
        .hasMessage(INVALID_PROCESS);
  }

  @Test
  void theReadmeQuotesTheMessagesAsTheEngineWordsThem() throws IOException {
    String readme = normalized(Files.readString(ReadmeSnippetsTests.root().resolve("README.md")));
    for (String message : new String[] {UNKNOWN_EVENT_TYPE, TERMINAL_STAGE, INVALID_PROCESS}) {
      assertThat(readme).as("README.md, its line breaks aside, should quote").contains(normalized(message));
    }
  }

  private static void assertRejected(Supplier<FireResult> fire, RejectionKind kind, String message) {
    assertThat(fire.get()).isInstanceOfSatisfying(FireResult.Rejected.class, rejected -> {
      assertThat(rejected.kind()).isEqualTo(kind);
      assertThat(rejected.message()).isEqualTo(message);
    });
  }

  private static SalesEvent followUp() {
    return new SalesEvent.FollowUpLogged(NOW, ContactChannel.PHONE, FollowUpOutcome.NO_RESPONSE);
  }

  /** Line breaks and indentation as a single space: the README wraps long messages. */
  private static String normalized(String text) {
    return text.replaceAll("\\s+", " ");
  }
}
