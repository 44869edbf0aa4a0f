package io.salesflow.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesflow.BantAssessment;
import io.salesflow.Deal;
import io.salesflow.EventType;
import io.salesflow.SalesEvent;
import io.salesflow.SalesEvent.FollowUpOutcome;
import io.salesflow.SalesEvent.LossReason;
import io.salesflow.SalesProcess;
import io.salesflow.engine.DealEngine;
import io.salesflow.engine.FireResult;
import io.salesflow.engine.FireResult.RejectionKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class EventGeneratorTests {
  private static final Instant AT = Instant.parse("2026-02-02T10:00:00Z");

  private final SalesProcess fieldSales = TestProcesses.fieldSales();
  private final EventGenerator generator = EventGenerator.forProcess(fieldSales);

  @Test
  void generatesTheSameWalkFromTheSameSeed() {
    assertThat(generator.walk(new SplittableRandom(99), 40)).isEqualTo(generator.walk(new SplittableRandom(99), 40));
    assertThat(generator.walk(new SplittableRandom(99), 40)).isNotEqualTo(generator.walk(new SplittableRandom(100), 40));
  }

  @Test
  void walksMixAcceptedAndRejectedEventsAndReachBothOutcomes() {
    Map<Object, Integer> outcomes = new HashMap<>();
    Set<String> finalStages = new HashSet<>();
    RandomGenerator random = new SplittableRandom(3);
    for (int i = 0; i < 300; i++) {
      try (DealEngine engine = EngineFactory.tableEngine().create(java.time.Clock.systemUTC(),
          io.salesflow.store.DealStore.inMemory(), List.of(fieldSales))) {
        engine.start("D", fieldSales.id());
        for (SalesEvent event : generator.walk(random, 30)) {
          FireResult result = engine.fire("D", event);
          outcomes.merge(result instanceof FireResult.Rejected r ? r.kind() : "accepted", 1, Integer::sum);
        }
        finalStages.add(engine.get("D").stage());
      }
    }

    assertThat(outcomes.keySet()).contains("accepted", RejectionKind.NO_TRANSITION, RejectionKind.GUARD_DENIED,
        RejectionKind.TERMINAL_STAGE, RejectionKind.UNKNOWN_EVENT_TYPE);
    int total = outcomes.values().stream().mapToInt(Integer::intValue).sum();
    assertThat(outcomes.get("accepted")).as("mostly events the stage accepts: %s", outcomes)
        .isGreaterThan(total / 3);
    assertThat(finalStages).contains("customer", "lost");
  }

  @Test
  void eventsForADealAreOnesItsStageAccepts() {
    Deal contacted = Deal.builder().id("D").processId(fieldSales.id()).stage("contacted").version(0).createdAt(AT)
        .enteredStageAt(AT).build();
    RandomGenerator random = new SplittableRandom(5);

    for (int i = 0; i < 200; i++) {
      assertThat(fieldSales.eventTypesFrom("contacted")).contains(generator.eventFor(contacted, AT, random).type());
    }
  }

  @Test
  void eventsAreWeightedTowardsProgress() {
    Deal contacted = Deal.builder().id("D").processId(fieldSales.id()).stage("contacted").version(0).createdAt(AT)
        .enteredStageAt(AT).build();
    RandomGenerator random = new SplittableRandom(11);
    Map<EventType, Integer> counts = new HashMap<>();

    for (int i = 0; i < 2_000; i++) {
      counts.merge(generator.eventFor(contacted, AT, random).type(), 1, Integer::sum);
    }

    assertThat(counts.get(EventType.PRESENTATION_DELIVERED)).isGreaterThan(counts.get(EventType.DISQUALIFIED) * 3);
    assertThat(counts.get(EventType.FOLLOW_UP_LOGGED)).isGreaterThan(counts.get(EventType.CLOSED_LOST));
  }

  @Test
  void generatesRealisticPayloads() {
    RandomGenerator random = new SplittableRandom(17);
    Set<Integer> confirmedCounts = new HashSet<>();
    Set<Boolean> budgetsConfirmed = new HashSet<>();
    Set<FollowUpOutcome> outcomes = EnumSet.noneOf(FollowUpOutcome.class);
    Set<LossReason> lossReasons = EnumSet.noneOf(LossReason.class);
    Set<Object> objectionCategories = new HashSet<>();
    List<java.math.BigDecimal> amounts = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      BantAssessment bant = ((SalesEvent.QualificationAssessed) generator.event(EventType.QUALIFICATION_ASSESSED,
          AT, random)).assessment();
      confirmedCounts.add(bant.confirmedCount());
      bant.budget().ifPresent(b -> budgetsConfirmed.add(b.confirmed()));
      outcomes.add(((SalesEvent.FollowUpLogged) generator.event(EventType.FOLLOW_UP_LOGGED, AT, random)).outcome());
      lossReasons.add(((SalesEvent.ClosedLost) generator.event(EventType.CLOSED_LOST, AT, random)).reason());
      objectionCategories.add(((SalesEvent.ObjectionRaised) generator.event(EventType.OBJECTION_RAISED, AT, random))
          .category());
      amounts.add(((SalesEvent.ClosedWon) generator.event(EventType.CLOSED_WON, AT, random)).amount());
    }

    assertThat(confirmedCounts).containsExactlyInAnyOrder(0, 1, 2, 3, 4);
    assertThat(budgetsConfirmed).containsExactlyInAnyOrder(true, false);
    assertThat(outcomes).containsExactlyInAnyOrder(FollowUpOutcome.values());
    assertThat(lossReasons).contains(LossReason.NO_RESPONSE, LossReason.PRICE, LossReason.COMPETITOR);
    assertThat(objectionCategories).hasSize(io.salesflow.SalesEvent.ObjectionCategory.values().length);
    assertThat(amounts).allSatisfy(a -> assertThat(a).isBetween(java.math.BigDecimal.valueOf(1_000),
        java.math.BigDecimal.valueOf(250_000)));
    assertThat(new HashSet<>(amounts)).hasSizeGreaterThan(100);
  }

  @Test
  void generatesCustomEventsForCustomEventTypes() {
    SalesProcess community = TestProcesses.community();
    RandomGenerator random = new SplittableRandom(23);
    List<SalesEvent> walk = EventGenerator.forProcess(community).walk(random, 40);

    assertThat(walk).isNotEmpty().allSatisfy(e -> assertThat(e).isInstanceOf(SalesEvent.Custom.class));
    assertThat(walk).extracting(SalesEvent::type).containsAnyOf(TestProcesses.SIGNED_UP, TestProcesses.CHURNED);
  }

  @Test
  void dealsInRandomStatesAreReachedOnTheEngineAndSpreadOverStages() {
    Set<String> stages = new HashSet<>();
    RandomGenerator random = new SplittableRandom(29);
    try (DealEngine engine = DealEngine.tableEngine().process(fieldSales).build()) {
      for (int i = 0; i < 200; i++) {
        Deal deal = generator.dealInRandomState(engine, "D-" + i, random);
        assertThat(deal).isEqualTo(engine.get("D-" + i));
        assertThat(deal.history().size()).isEqualTo((int) deal.version());
        stages.add(deal.stage());
      }
    }

    assertThat(stages).contains("prospecting", "contacted", "presenting", "lost").hasSizeGreaterThanOrEqualTo(5);
  }
}
