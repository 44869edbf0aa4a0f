package io.salesflow.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesflow.BantAssessment;
import io.salesflow.Deal;
import io.salesflow.DealFacts;
import io.salesflow.EventType;
import io.salesflow.GuardContext;
import io.salesflow.SalesEvent;
import io.salesflow.SalesEvent.ContactChannel;
import io.salesflow.SalesEvent.FollowUpOutcome;
import io.salesflow.SalesEvent.LossReason;
import io.salesflow.SalesProcess;
import io.salesflow.Stage;
import io.salesflow.TransitionGuard;
import io.salesflow.engine.CompiledProcess.Decision;
import io.salesflow.engine.DealEngine;
import io.salesflow.engine.FireResult;
import io.salesflow.engine.FireResult.RejectionKind;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.statemachine.StateContext;
import org.springframework.statemachine.StateMachine;
import org.springframework.statemachine.listener.StateMachineListenerAdapter;
import org.springframework.statemachine.state.State;
import reactor.core.publisher.Mono;

class SpringEngineTests {
  private static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");
  private static final Clock CLOCK = Clock.fixed(T0, ZoneOffset.UTC);

  /** Two guarded transitions on one (stage, event) that both allow: the first in definition order wins. */
  private static SalesProcess bothAllow() {
    TransitionGuard yes = TransitionGuard.of("always yes", ctx -> true, "never denied");
    return SalesProcess.builder("both-allow")
        .stage(Stage.open("open", "Open"))
        .stage(Stage.open("first", "First"))
        .stage(Stage.open("second", "Second"))
        .stage(Stage.won("won", "Won"))
        .stage(Stage.lost("lost", "Lost"))
        .initialStage("open")
        .transition("open", EventType.CONTACT_MADE, "second", yes.negate())
        .transition("open", EventType.CONTACT_MADE, "first", yes)
        .transition("open", EventType.CONTACT_MADE, "second", yes)
        .transition("first", EventType.CLOSED_WON, "won")
        .transition("second", EventType.CLOSED_WON, "won")
        .transition("first", EventType.CLOSED_LOST, "lost")
        .transition("second", EventType.CLOSED_LOST, "lost")
        .transition("open", EventType.CLOSED_LOST, "lost")
        .build();
  }

  private static Deal deal(SalesProcess process, String stage, DealFacts facts) {
    return Deal.builder().id("D-1").processId(process.id()).stage(stage).version(0).createdAt(T0)
        .enteredStageAt(T0).facts(facts).build();
  }

  @Test
  void takesTheFirstAllowedTransitionInDefinitionOrderOnEveryMachineOfTheFactory() {
    SalesProcess process = bothAllow();
    SpringCompiledProcess compiled = SpringStatemachineCompiler.create(1).compile(process);
    GuardContext context = GuardContext.of(deal(process, "open", DealFacts.none()),
        new SalesEvent.ContactMade(T0, ContactChannel.PHONE), T0);
    // Spring orders transitions with one trigger by identity hash, differently per machine: many machines, one answer.
    List<String> reached = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      StateMachine<String, String> machine = compiled.factory().getStateMachine();
      machine.startReactively().block();
      machine.sendEvent(Mono.just(SpringStatemachineCompiler.eventMessage(context))).blockLast();
      reached.add(machine.getState().getId());
      machine.stopReactively().block();
    }
    assertThat(reached).containsOnly("first");
    assertThat(compiled.decide(context)).isEqualTo(new Decision.Take(process.transitions().get(1)));
  }

  @Test
  void rejectsWithTheReasonsOfEveryGuardThatDeniedInDefinitionOrder() {
    SalesProcess process = TestProcesses.branchingPipeline();
    try (DealEngine spring = SpringStatemachineCompiler.create(1).engine().clock(CLOCK).process(process)
        .build()) {
      spring.start("D-1", process.id());
      FireResult result = spring.fire("D-1", new SalesEvent.ClosedLost(T0, LossReason.NO_RESPONSE));

      assertThat(result).isInstanceOfSatisfying(FireResult.Rejected.class, rejected -> {
        assertThat(rejected.kind()).isEqualTo(RejectionKind.GUARD_DENIED);
        assertThat(rejected.reasons()).hasSize(2);
        assertThat(rejected.reasons().get(0)).startsWith("follow-ups: 0 unanswered in a row, 2 required");
        assertThat(rejected.reasons().get(1)).startsWith("follow-ups: 0 of 3 made before dropping");
      });
      assertThat(spring.get("D-1").version()).isZero();
    }
  }

  @Test
  void anEventTheStageDoesNotAcceptIsRejectedWithReasonsNotSilentlyDenied() {
    SalesProcess process = TestProcesses.inboundDemo();
    SpringCompiledProcess compiled = SpringStatemachineCompiler.create(1).compile(process);
    GuardContext context = GuardContext.of(deal(process, "lead", DealFacts.none()),
        new SalesEvent.PresentationDelivered(T0), T0);

    Decision decision = compiled.decide(context);

    assertThat(decision).isEqualTo(Decision.refuse(process, context, List.of()));
    assertThat(((Decision.Refuse) decision).kind()).isEqualTo(RejectionKind.NO_TRANSITION);
    assertThat(((Decision.Refuse) decision).reasons().get(0))
        .contains("no transition from stage 'lead' on event 'presentation-delivered'");
  }

  @Test
  void wonAndLostAreNotSpringEndStatesSoAMachineThatReachedThemKeepsWorking() {
    SalesProcess process = TestProcesses.inboundDemo();
    SpringStatemachineCompiler compiler = SpringStatemachineCompiler.create(1);
    try (DealEngine spring = compiler.engine().clock(CLOCK).process(process).build()) {
      for (int i = 0; i < 20; i++) {
        String id = "D-" + i;
        spring.start(id, process.id(), DealFacts.none(), "negotiation");
        FireResult result = spring.fire(id, i % 2 == 0 ? new SalesEvent.ClosedWon(T0, BigDecimal.TEN)
            : new SalesEvent.ClosedLost(T0, LossReason.PRICE));
        assertThat(result.isAccepted()).isTrue();
        assertThat(result.deal().stage()).isEqualTo(i % 2 == 0 ? "won" : "lost");
      }
      assertThat(spring.fire("D-0", new SalesEvent.ClosedLost(T0, LossReason.PRICE)))
          .isInstanceOfSatisfying(FireResult.Rejected.class,
              r -> assertThat(r.kind()).isEqualTo(RejectionKind.TERMINAL_STAGE));
    }
    assertThat(compiler.compiled(process.id()).machinesCreated()).isEqualTo(1);
    assertThat(compiler.compiled(process.id()).machinesDiscarded()).isZero();

    StateMachine<String, String> machine = compiler.factoryFor(process.id()).getStateMachine();
    machine.startReactively().block();
    machine.getStates().forEach(s -> assertThat(s.getPseudoState()).as("state %s", s.getId())
        .satisfiesAnyOf(p -> assertThat(p).isNull(),
            p -> assertThat(p.getKind()).isNotEqualTo(org.springframework.statemachine.state.PseudoStateKind.END)));
  }

  @Test
  void aGuardThatThrowsFailsTheFireAsOnTheTableEngineAndKeepsTheMachine() {
    TransitionGuard broken = TransitionGuard.named("broken", ctx -> {
      throw new IllegalStateException("CRM lookup failed");
    });
    SalesProcess process = SalesProcess.builder("broken-guard")
        .stage(Stage.open("open", "Open"))
        .stage(Stage.won("won", "Won"))
        .stage(Stage.lost("lost", "Lost"))
        .initialStage("open")
        .transition("open", EventType.CLOSED_WON, "won", broken)
        .transition("open", EventType.CLOSED_LOST, "lost")
        .build();
    SpringStatemachineCompiler compiler = SpringStatemachineCompiler.create(1);
    try (DealEngine spring = compiler.engine().clock(CLOCK).process(process).build();
        DealEngine table = DealEngine.tableEngine().clock(CLOCK).process(process).build()) {
      spring.start("D-1", process.id());
      table.start("D-1", process.id());
      SalesEvent won = new SalesEvent.ClosedWon(T0, BigDecimal.ONE);

      assertThatThrownBy(() -> table.fire("D-1", won)).isInstanceOf(IllegalStateException.class)
          .hasMessage("CRM lookup failed");
      assertThatThrownBy(() -> spring.fire("D-1", won)).isInstanceOf(IllegalStateException.class)
          .hasMessage("CRM lookup failed");
      assertThat(spring.fire("D-1", new SalesEvent.ClosedLost(T0, LossReason.PRICE)).deal().stage())
          .isEqualTo("lost");
    }
    assertThat(compiler.compiled(process.id()).machinesCreated()).isEqualTo(1);
    assertThat(compiler.compiled(process.id()).machinesDiscarded()).isZero();
  }

  @Test
  void aGuardThatReturnsNoVerdictIsNamedAsOnTheTableEngineNotBlamedOnTheModel() {
    TransitionGuard flaky = TransitionGuard.named("flaky check", ctx -> null);
    SalesProcess process = SalesProcess.builder("null-guard")
        .stage(Stage.open("open", "Open"))
        .stage(Stage.won("won", "Won"))
        .stage(Stage.lost("lost", "Lost"))
        .initialStage("open")
        .transition("open", EventType.CLOSED_WON, "won", flaky)
        .transition("open", EventType.CLOSED_LOST, "lost")
        .build();
    SpringStatemachineCompiler compiler = SpringStatemachineCompiler.create(1);
    try (DealEngine spring = compiler.engine().clock(CLOCK).process(process).build();
        DealEngine table = DealEngine.tableEngine().clock(CLOCK).process(process).build()) {
      Deal started = spring.start("D-1", process.id());
      table.start("D-1", process.id());
      SalesEvent won = new SalesEvent.ClosedWon(T0, BigDecimal.ONE);

      Throwable onTable = org.assertj.core.api.Assertions.catchThrowable(() -> table.fire("D-1", won));
      assertThat(onTable).isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("guard 'flaky check'").hasMessageContaining("returned no verdict (null)")
          .hasMessageContaining("deal 'D-1'");
      assertThatThrownBy(() -> spring.fire("D-1", won)).isInstanceOf(IllegalStateException.class)
          .hasMessage(onTable.getMessage());
      assertThat(spring.get("D-1")).isEqualTo(started);
      assertThat(spring.fire("D-1", new SalesEvent.ClosedLost(T0, LossReason.PRICE)).deal().stage())
          .isEqualTo("lost");
    }
    assertThat(compiler.compiled(process.id()).machinesDiscarded()).isZero();
  }

  @Test
  void internalTransitionsKeepTheStageAndRecordTheEvent() {
    SalesProcess process = TestProcesses.branchingPipeline();
    try (DealEngine spring = SpringStatemachineCompiler.create(1).engine().clock(CLOCK).process(process)
        .build()) {
      spring.start("D-1", process.id(), DealFacts.none(), "qualified");
      BantAssessment two = BantAssessment.builder().budget(new BigDecimal("5000"), true).authority(true, 2).build();

      FireResult result = spring.fire("D-1", new SalesEvent.QualificationAssessed(T0, two));

      assertThat(result).isInstanceOfSatisfying(FireResult.Accepted.class, accepted -> {
        assertThat(accepted.transition().internal()).isTrue();
        assertThat(accepted.deal().stage()).isEqualTo("qualified");
        assertThat(accepted.deal().facts().bant()).isEqualTo(two);
        assertThat(accepted.deal().version()).isEqualTo(1);
      });
    }
  }

  @Test
  void pooledMachinesGoThroughTheCustomizerAndListenersSeeTheDealBeingDecided() {
    SalesProcess process = TestProcesses.inboundDemo();
    AtomicInteger customized = new AtomicInteger();
    List<String> seen = new ArrayList<>();
    List<String> machineIds = new ArrayList<>();
    SpringStatemachineCompiler compiler = SpringStatemachineCompiler.create(1).withMachineCustomizer(machine -> {
      customized.incrementAndGet();
      machineIds.add(machine.getId());
      machine.addStateListener(new StateMachineListenerAdapter<>() {
        @Override
        public void stateContext(StateContext<String, String> context) {
          if (context.getStage() == StateContext.Stage.TRANSITION_END) {
            SpringStatemachineCompiler.guardContext(context).ifPresent(c -> {
              seen.add(c.deal().id() + " " + c.event().type() + " -> " + context.getTarget().getId());
              machineIds.add(String.valueOf(context.getStateMachine().getId()));
            });
          }
        }
      });
    });
    try (DealEngine spring = compiler.engine().clock(CLOCK).process(process).build()) {
      spring.start("D-7", process.id());
      spring.fire("D-7", new SalesEvent.FollowUpLogged(T0, ContactChannel.EMAIL, FollowUpOutcome.NO_RESPONSE));
      spring.fire("D-7", new SalesEvent.QualificationAssessed(T0, BantAssessment.builder()
          .budget(new BigDecimal("20000"), true).authority(true, 3).painPoints("manual reporting").build()));
    }
    assertThat(customized).hasValue(1);
    assertThat(seen).containsExactly("D-7 follow-up-logged -> lead", "D-7 qualification-assessed -> demo");
    // the customizer sees the process id; deciding machines carry none (Spring's handler lookup is skipped)
    assertThat(machineIds).containsExactly(process.id(), "null", "null");
  }

  @Test
  void aClosedEngineRefusesToDecide() {
    SalesProcess process = TestProcesses.inboundDemo();
    SpringCompiledProcess compiled = SpringStatemachineCompiler.create(1).compile(process);
    GuardContext context = GuardContext.of(deal(process, "lead", DealFacts.none()),
        new SalesEvent.FollowUpLogged(T0, ContactChannel.EMAIL, FollowUpOutcome.RESPONDED), T0);
    assertThat(compiled.decide(context)).isInstanceOf(Decision.Take.class);

    compiled.close();

    assertThatThrownBy(() -> compiled.decide(context)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("'inbound-demo' was closed");
  }

  @Test
  void badArgumentsAreNamed() {
    assertThatThrownBy(() -> SpringStatemachineCompiler.create(0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("pool size must be at least 1, but was 0");
    SpringStatemachineCompiler compiler = SpringStatemachineCompiler.create(1);
    compiler.compile(TestProcesses.cadence());
    assertThatThrownBy(() -> compiler.factoryFor("nope")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("this compiler compiled no process 'nope'; it compiled [cadence]");
    SalesProcess process = TestProcesses.cadence();
    GuardContext elsewhere = GuardContext.of(deal(process, "nowhere", DealFacts.none()),
        new SalesEvent.ClosedWon(T0, BigDecimal.ONE), T0);
    assertThatThrownBy(() -> compiler.compiled("cadence").decide(elsewhere))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has no stage 'nowhere'");
  }

  @Test
  void theFactoryModelsStagesAsStatesAndEventTypesAsEvents() {
    SalesProcess process = TestProcesses.branchingPipeline();
    StateMachine<String, String> machine = SpringStatemachineCompiler.create(1).compile(process).factory()
        .getStateMachine();
    List<String> states = machine.getStates().stream().map(State::getId).toList();

    assertThat(states).containsAll(process.stages().stream().map(Stage::id).toList());
    assertThat(states).filteredOn(s -> s.startsWith("?")).containsExactlyInAnyOrder("?prospect#contact-made",
        "?prospect#closed-lost", "?qualified#qualification-assessed", "?qualified#proposal-sent",
        "?proposal#closed-won", "?proposal#closed-lost");
    assertThat(machine.getInitialState().getId()).isEqualTo("prospect");
  }
}
