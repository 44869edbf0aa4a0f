package io.salesflow.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.salesflow.Deal;
import io.salesflow.DuplicateDealException;
import io.salesflow.EventType;
import io.salesflow.InvalidProcessException;
import io.salesflow.SalesEvent;
import io.salesflow.SalesEvent.ContactChannel;
import io.salesflow.SalesEvent.FollowUpOutcome;
import io.salesflow.SalesProcess;
import io.salesflow.Stage;
import io.salesflow.TransitionGuard;
import io.salesflow.UnknownDealException;
import io.salesflow.UnknownProcessException;
import io.salesflow.engine.DealEngine;
import io.salesflow.engine.FireResult;
import io.salesflow.engine.FireResult.RejectionKind;
import io.salesflow.spring.SpringStatemachineCompiler;
import io.salesflow.store.jdbc.JdbcDealStore;
import io.salesflow.testkit.ManualClock;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

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
  /**
   * The limits on input, end to end on each engine and on the JDBC store: every value outside them is refused at the
   * edge, before the store sees it, with a short message naming the field and the limit.
   */
  @Nested
  class Limits {
    private final List<AutoCloseable> closing = new ArrayList<>();
    private final ManualClock clock = ManualClock.startingAt(NOW);

    @AfterEach
    void close() throws Exception {
      for (AutoCloseable c : closing) {
        c.close();
      }
    }

    DealEngine engine(Setup setup, SalesProcess process) {
      DealEngine.Builder builder = switch (setup) {
        case TABLE_ENGINE -> DealEngine.tableEngine();
        case SPRING_STATEMACHINE_ENGINE -> SpringStatemachineCompiler.springStatemachineEngine();
        case TABLE_ENGINE_ON_H2 -> {
          JdbcConnectionPool pool = JdbcConnectionPool.create("jdbc:h2:mem:limits-" + UUID.randomUUID()
              + ";DB_CLOSE_DELAY=-1", "sa", "");
          closing.add(pool::dispose);
          yield DealEngine.tableEngine().store(JdbcDealStore.builder(pool).build());
        }
      };
      DealEngine engine = builder.process(process).clock(clock).build();
      closing.add(0, engine);
      return engine;
    }

    DealEngine engine(Setup setup) {
      return engine(setup, QuickStart.outcome().engine().process("inbound-demo"));
    }

    @ParameterizedTest
    @EnumSource(Setup.class)
    void idsNoStoreKeepsOrThatCouldForgeALogLineAreRefusedBeforeAnythingIsStored(Setup setup) {
      DealEngine engine = engine(setup);
      Map<String, String> ids = new LinkedHashMap<>();
      ids.put("x".repeat(256), "at most 255 characters long, but has 256");
      ids.put("x".repeat(1 << 20), "at most 255 characters long, but has 1048576");
      ids.put("D-42" + (char) 0, "U+0000");
      ids.put("D-42\r\n2026-03-02 INFO deal 'D-1' won", "U+000D");
      ids.put((char) 0x1B + "[2J" + "D-42", "U+001B");
      ids.put("D-" + (char) 0x200B + "42", "U+200B");
      ids.put("D-" + (char) 0x202E + "24", "U+202E");
      ids.forEach((id, limit) -> {
        Throwable thrown = catchThrowable(() -> engine.start(id, "inbound-demo"));
        assertThat(thrown).isInstanceOf(IllegalArgumentException.class)
            .hasMessageMatching("(?s)deal ?[iI]d must .*").hasMessageContaining(limit);
        assertThat(thrown.getMessage()).hasSizeLessThan(400).doesNotContain("\n", "\r", String.valueOf((char) 0x1B));
      });
      assertThat(engine.store().findByProcess("inbound-demo")).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Setup.class)
    void aClockOutsideTheYearsEveryStoreKeepsIsRefusedBeforeTheStoreSeesIt(Setup setup) {
      DealEngine engine = engine(setup);
      Deal started = engine.start("D-1", "inbound-demo");
      clock.set(Instant.MAX);
      assertThatThrownBy(() -> engine.start("D-2", "inbound-demo")).isInstanceOf(IllegalArgumentException.class)
          .hasMessage("createdAt must lie between 0001-01-01T00:00:00Z and 9999-12-31T23:59:59.999999999Z (years 1"
              + " to 9999, which every store keeps), but was +1000000000-12-31T23:59:59.999999999Z");
      assertThatThrownBy(() -> engine.fire("D-1", followUp())).isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("at must lie between");
      assertThat(engine.find("D-2")).isEmpty();
      assertThat(engine.get("D-1")).isEqualTo(started);
    }

    @ParameterizedTest
    @EnumSource(Setup.class)
    void anEventLoggedLateIsAcceptedAndKeepsItsOwnTime(Setup setup) {
      DealEngine engine = engine(setup);
      engine.start("D-1", "inbound-demo");
      clock.advance(Duration.ofDays(2));
      engine.fire("D-1", followUp());
      Instant lastWeek = NOW.minus(Duration.ofDays(7));
      FireResult late = engine.fire("D-1", new SalesEvent.FollowUpLogged(lastWeek, ContactChannel.EMAIL,
          FollowUpOutcome.RESPONDED));
      assertThat(late.isAccepted()).isTrue();
      assertThat(engine.get("D-1").history().asList()).extracting(r -> r.event().occurredAt())
          .containsExactly(NOW, lastWeek);
    }

    @ParameterizedTest
    @EnumSource(Setup.class)
    void aGuardWithoutAVerdictIsNamedAndTheDealStaysAsItWas(Setup setup) {
      SalesProcess process = SalesProcess.builder("null-verdict")
          .stage(Stage.open("lead", "Lead"))
          .stage(Stage.won("won", "Won"))
          .initialStage("lead")
          .transition("lead", EventType.CLOSED_WON, "won", TransitionGuard.named("credit check", ctx -> null))
          .build();
      DealEngine engine = engine(setup, process);
      Deal started = engine.start("D-1", "null-verdict");
      assertThatThrownBy(() -> engine.fire("D-1", new SalesEvent.ClosedWon(NOW, BigDecimal.TEN)))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("guard 'credit check' of transition lead -> won on closed-won returned no verdict (null) for"
              + " deal 'D-1' on event 'closed-won'; a guard must return GuardVerdict.allow() or"
              + " GuardVerdict.deny(reasons)");
      assertThat(engine.get("D-1")).isEqualTo(started);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "1E+999999999", "1E+100000000", "1000000000000000000", "0.0000001"})
    void amountsOutsideTheLimitsCannotBeFired(String amount) {
      BigDecimal value = new BigDecimal(amount);
      assertThatThrownBy(() -> new SalesEvent.ProposalSent(NOW, value)).isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("amount must").message().hasSizeLessThan(200);
    }

    @Test
    void theReadmeQuotesTheLimitMessagesAsTheModelWordsThem() throws IOException {
      String readme = normalized(Files.readString(ReadmeSnippetsTests.root().resolve("README.md")));
      String forged = "D-42\n2026-03-02 INFO deal 'D-1' won";
      String message = catchThrowable(() -> engine(Setup.TABLE_ENGINE).start(forged, "inbound-demo")).getMessage();
      String amount = catchThrowable(() -> new SalesEvent.ProposalSent(NOW, new BigDecimal("1E+999999999")))
          .getMessage();
      assertThat(readme).contains(normalized(message), normalized(amount));
    }
  }

  /** The engines and stores the limits are checked on. */
  enum Setup {
    TABLE_ENGINE, SPRING_STATEMACHINE_ENGINE, TABLE_ENGINE_ON_H2
  }
}
