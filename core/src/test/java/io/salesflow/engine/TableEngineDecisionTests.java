package io.salesflow.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesflow.BantAssessment;
import io.salesflow.Deal;
import io.salesflow.EventType;
import io.salesflow.GuardContext;
import io.salesflow.SalesEvent;
import io.salesflow.SalesProcess;
import io.salesflow.Stage;
import io.salesflow.Transition;
import io.salesflow.TransitionGuard;
import io.salesflow.UnknownProcessException;
import io.salesflow.engine.CompiledProcess.Decision;
import io.salesflow.engine.FireResult.RejectionKind;
import io.salesflow.guard.SalesGuards;
import io.salesflow.store.DealStore;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The table engine's compiled table: one look-up per event, each transition's decision made in advance, an unguarded
 * candidate taken without asking its guard, a single denial's reasons passed on as they are, and an engine with one
 * process skipping the process look-up. Each must decide exactly as {@link Decision#reference} does.
 */
class TableEngineDecisionTests {
  static final Instant NOW = Instant.parse("2026-11-02T09:00:00Z");
  static final EventType BUY_IN = EventType.custom("buy-in-confirmed");

  static final TransitionGuard FIRST_SAYS_NO = TransitionGuard.of("first", ctx -> false, "first: not this way");
  static final TransitionGuard SECOND_SAYS_NO = TransitionGuard.of("second", ctx -> false, "second: nor this way");

  /** From "start", a custom event with two guarded candidates, whose guards read a custom attribute. */
  static SalesProcess process(String id, int version) {
    TransitionGuard viaA = TransitionGuard.of("route a", ctx -> "a".equals(ctx.facts().attributes().get("route")),
        "route: not a");
    TransitionGuard viaB = TransitionGuard.of("route b", ctx -> "b".equals(ctx.facts().attributes().get("route")),
        "route: not b");
    return SalesProcess.builder(id).version(version)
        .stage(Stage.open("start", "Start"))
        .stage(Stage.open("route-a", "Route A"))
        .stage(Stage.open("route-b", "Route B"))
        .stage(Stage.open("blocked", "Blocked"))
        .stage(Stage.won("won", "Won"))
        .stage(Stage.lost("lost", "Lost"))
        .initialStage("start")
        .transition("start", BUY_IN, "route-a", viaA)
        .transition("start", BUY_IN, "route-b", viaB)
        .transition("start", EventType.QUALIFICATION_ASSESSED, "blocked",
            SalesGuards.minimumConfirmedBudget(new BigDecimal("10000")))
        .transition("start", EventType.PROPOSAL_SENT, "blocked", FIRST_SAYS_NO)
        .transition("start", EventType.PROPOSAL_SENT, "blocked", SECOND_SAYS_NO)
        .transition("route-a", EventType.CLOSED_WON, "won")
        .transition("route-b", EventType.CLOSED_WON, "won")
        .transition("blocked", EventType.CLOSED_WON, "won")
        .transition("start", EventType.CLOSED_LOST, "lost")
        .transition("route-a", EventType.CLOSED_LOST, "lost")
        .transition("route-b", EventType.CLOSED_LOST, "lost")
        .transition("blocked", EventType.CLOSED_LOST, "lost")
        .build();
  }

  final DealEngine engine = DealEngine.tableEngine().process(process("routes", 1))
      .clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();

  static SalesEvent buyIn(String route) {
    // a new EventType instance, equal to the one the process was built with but not the same object
    return new SalesEvent.Custom(EventType.custom("buy-in-confirmed"), NOW, java.util.Map.of("route", route));
  }

  @Test
  void takesTheSecondCandidateWhenTheFirstDeniesEvenForAnEqualButNotIdenticalEventType() {
    engine.start("D-1", "routes");
    FireResult result = engine.fire("D-1", buyIn("b"));
    assertThat(result).isInstanceOf(FireResult.Accepted.class);
    assertThat(result.deal().stage()).isEqualTo("route-b");
    assertThat(engine.fire("D-1", new SalesEvent.ClosedWon(NOW, BigDecimal.TEN)).deal().stage()).isEqualTo("won");
  }

  @Test
  void takesTheFirstCandidateWhenItAllows() {
    engine.start("D-1", "routes");
    assertThat(engine.fire("D-1", buyIn("a")).deal().stage()).isEqualTo("route-a");
  }

  @Test
  void rejectsWithTheReasonsOfEveryDenyingCandidateInDefinitionOrder() {
    engine.start("D-1", "routes");
    FireResult.Rejected both = (FireResult.Rejected) engine.fire("D-1", buyIn("c"));
    assertThat(both.kind()).isEqualTo(RejectionKind.GUARD_DENIED);
    assertThat(both.reasons()).containsExactly("route: not a", "route: not b");
    FireResult.Rejected fixed = (FireResult.Rejected) engine.fire("D-1", new SalesEvent.ProposalSent(NOW, null));
    assertThat(fixed.reasons()).containsExactly("first: not this way", "second: nor this way");
    assertThat(engine.get("D-1").version()).isZero();
  }

  @Test
  void rejectsWithTheSingleGuardsOwnReasons() {
    engine.start("D-1", "routes");
    FireResult.Rejected rejected = (FireResult.Rejected) engine.fire("D-1", new SalesEvent.QualificationAssessed(NOW,
        BantAssessment.builder().budget(new BigDecimal("4000"), true).build()));
    assertThat(rejected.kind()).isEqualTo(RejectionKind.GUARD_DENIED);
    assertThat(rejected.reasons()).containsExactly("budget: 4,000 confirmed, at least 10,000 required");
    assertThat(rejected.deal().facts().bant()).as("the deal is unchanged").isEqualTo(BantAssessment.unknown());
  }

  @Test
  void refusesWhatTheTableHasNoCandidatesForInTheDocumentedOrder() {
    engine.start("D-1", "routes");
    FireResult.Rejected noTransition = (FireResult.Rejected) engine.fire("D-1", new SalesEvent.ClosedWon(NOW,
        BigDecimal.TEN));
    assertThat(noTransition.kind()).isEqualTo(RejectionKind.NO_TRANSITION);
    FireResult.Rejected unknown = (FireResult.Rejected) engine.fire("D-1", new SalesEvent.PresentationDelivered(NOW));
    assertThat(unknown.kind()).isEqualTo(RejectionKind.UNKNOWN_EVENT_TYPE);
    engine.fire("D-1", new SalesEvent.ClosedLost(NOW, SalesEvent.LossReason.COMPETITOR));
    FireResult.Rejected terminal = (FireResult.Rejected) engine.fire("D-1", buyIn("a"));
    assertThat(terminal.kind()).isEqualTo(RejectionKind.TERMINAL_STAGE);
  }

  @Test
  void compiledTableDecidesAsTheReferenceForEveryStageAndEventType() {
    SalesProcess process = process("routes", 1);
    CompiledProcess table = TableCompiler.INSTANCE.compile(process);
    List<SalesEvent> events = List.of(buyIn("a"), buyIn("b"), buyIn("c"),
        new SalesEvent.QualificationAssessed(NOW, BantAssessment.builder().budget(new BigDecimal("4000"), true)
            .build()),
        new SalesEvent.QualificationAssessed(NOW, BantAssessment.builder().budget(new BigDecimal("40000"), true)
            .build()),
        new SalesEvent.ProposalSent(NOW, null), new SalesEvent.ClosedWon(NOW, BigDecimal.ONE),
        new SalesEvent.ClosedLost(NOW, SalesEvent.LossReason.NO_BUDGET));
    int decided = 0;
    for (Stage stage : process.stages()) {
      Deal deal = Deal.builder().id("D-" + stage.id()).processId("routes").stage(stage.id()).version(0)
          .createdAt(NOW).enteredStageAt(NOW).build();
      for (SalesEvent event : events) {
        if (Decision.beforeGuards(process, deal, event.type()) != null) {
          continue;
        }
        GuardContext context = GuardContext.of(deal, event, NOW);
        assertThat(table.decide(context)).as("%s on %s", stage.id(), event.type())
            .isEqualTo(Decision.reference(process, context));
        decided++;
      }
    }
    assertThat(decided).isGreaterThan(10);
  }

  @Test
  void takesAnUnguardedTransitionWithoutAskingItsGuard() {
    SalesProcess process = process("routes", 1);
    Transition unguarded = process.transitions("route-a", EventType.CLOSED_WON).get(0);
    assertThat(unguarded.isGuarded()).isFalse();
    Deal deal = Deal.builder().id("D-1").processId("routes").stage("route-a").version(0).createdAt(NOW)
        .enteredStageAt(NOW).build();
    Decision decision = TableCompiler.INSTANCE.compile(process)
        .decide(GuardContext.of(deal, new SalesEvent.ClosedWon(NOW, BigDecimal.ONE), NOW));
    assertThat(decision).isEqualTo(new Decision.Take(unguarded));
  }

  @Test
  void runsDealsOfSeveralProcessesAndVersionsOnOneEngine() {
    DealEngine several = DealEngine.tableEngine().process(process("routes", 1)).process(process("routes", 2))
        .process(process("other-routes", 1)).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
    several.start(DealEngine.Start.of("D-1", "routes").processVersion(1));
    several.start("D-2", "routes");
    several.start("D-3", "other-routes");
    assertThat(several.fire("D-1", buyIn("a")).deal().stage()).isEqualTo("route-a");
    assertThat(several.fire("D-2", buyIn("b")).deal().stage()).isEqualTo("route-b");
    assertThat(several.fire("D-3", buyIn("a")).deal().stage()).isEqualTo("route-a");
    assertThat(several.get("D-1").processVersion()).isEqualTo(1);
    assertThat(several.get("D-2").processVersion()).isEqualTo(2);
  }

  @Test
  void anEngineWithOneProcessStillRefusesADealOfAnotherProcess() {
    DealStore store = DealStore.inMemory();
    store.insert(Deal.builder().id("D-9").processId("elsewhere").stage("start").version(0).createdAt(NOW)
        .enteredStageAt(NOW).build());
    DealEngine single = DealEngine.tableEngine().process(process("routes", 1)).store(store).build();
    assertThatThrownBy(() -> single.fire("D-9", buyIn("a"))).isInstanceOf(UnknownProcessException.class)
        .hasMessageContaining("elsewhere");
  }
}
