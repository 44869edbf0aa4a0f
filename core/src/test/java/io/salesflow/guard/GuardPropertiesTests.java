package io.salesflow.guard;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesflow.BantAssessment;
import io.salesflow.Deal;
import io.salesflow.DealFacts;
import io.salesflow.GuardContext;
import io.salesflow.GuardVerdict;
import io.salesflow.SalesEvent;
import io.salesflow.TransitionGuard;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** Seeded random properties of the guards; a failure names the seed and case to replay. */
class GuardPropertiesTests {
  static final long SEED = 20261102L;
  static final int CASES = 5_000;
  static final Instant NOW = Instant.parse("2026-11-02T09:00:00Z");
  static final List<String> DIMENSIONS = List.of("BANT:", "budget:", "authority:", "need:", "timing:");

  static BantAssessment randomBant(RandomGenerator random) {
    BantAssessment.Builder b = BantAssessment.builder();
    if (random.nextBoolean()) {
      b.budget(BigDecimal.valueOf(random.nextInt(0, 40) * 1000L), random.nextBoolean());
    }
    if (random.nextBoolean()) {
      b.authority(random.nextBoolean(), random.nextInt(0, 12));
    }
    if (random.nextBoolean()) {
      b.need(new BantAssessment.Need(random.nextBoolean() ? List.of() : List.of("pain " + random.nextInt(9))));
    }
    if (random.nextBoolean()) {
      b.decisionBy(LocalDate.of(2026, 11, 2).plusDays(random.nextInt(-10, 120)));
    }
    return b.build();
  }

  static List<TransitionGuard> bantPolicies(RandomGenerator random) {
    return List.of(SalesGuards.bantAllConfirmed(), SalesGuards.bantAtLeast(random.nextInt(1, 5)),
        SalesGuards.minimumConfirmedBudget(BigDecimal.valueOf(random.nextInt(0, 40) * 1000L)),
        SalesGuards.decisionWithin(Period.ofDays(random.nextInt(0, 90))));
  }

  /** Each way of confirming one more dimension (or leaving it as is when it is already confirmed). */
  static List<UnaryOperator<BantAssessment>> confirmations(BantAssessment bant) {
    List<UnaryOperator<BantAssessment>> list = new ArrayList<>();
    if (!bant.budgetConfirmed()) {
      list.add(b -> b.toBuilder().budget(b.budget().map(BantAssessment.Budget::amount).orElse(BigDecimal.ZERO), true)
          .build());
    }
    if (!bant.authorityConfirmed()) {
      list.add(b -> b.toBuilder().authority(true, b.authority().map(BantAssessment.Authority::stakeholders).orElse(1))
          .build());
    }
    if (!bant.needConfirmed()) {
      list.add(b -> b.toBuilder().painPoints("newly stated pain").build());
    }
    return list;
  }

  static GuardVerdict verdict(TransitionGuard guard, BantAssessment bant) {
    Deal deal = Deal.builder().id("D").processId("p").stage("s").version(0).createdAt(NOW).enteredStageAt(NOW)
        .build();
    return guard.evaluate(GuardContext.of(deal, new SalesEvent.QualificationAssessed(NOW, bant), NOW));
  }

  @Test
  void confirmingADimensionNeverTurnsAnAllowedVerdictIntoADenial() {
    RandomGenerator random = new SplittableRandom(SEED);
    for (int i = 0; i < CASES; i++) {
      BantAssessment bant = randomBant(random);
      for (TransitionGuard policy : bantPolicies(random)) {
        if (verdict(policy, bant).allowed()) {
          for (UnaryOperator<BantAssessment> confirm : confirmations(bant)) {
            BantAssessment more = confirm.apply(bant);
            assertThat(verdict(policy, more).allowed())
                .as("seed %d case %d: %s allowed %s but denied %s", SEED, i, policy.label(), bant, more)
                .isTrue();
          }
        }
      }
    }
  }

  @Test
  void everyDenialHasReasonsNamingADimensionOrCondition() {
    RandomGenerator random = new SplittableRandom(SEED + 1);
    for (int i = 0; i < CASES; i++) {
      BantAssessment bant = randomBant(random);
      for (TransitionGuard policy : bantPolicies(random)) {
        GuardVerdict verdict = verdict(policy, bant);
        if (verdict.denied()) {
          assertThat(verdict.reasons()).as("seed %d case %d: %s on %s", SEED + 1, i, policy.label(), bant)
              .isNotEmpty()
              .allSatisfy(r -> assertThat(DIMENSIONS).anySatisfy(d -> assertThat(r).startsWith(d)));
        }
      }
    }
  }

  @Test
  void allOfAnyOfAndNotFollowTheirTruthTables() {
    RandomGenerator random = new SplittableRandom(SEED + 2);
    GuardContext context = GuardContext.of(Deal.builder().id("D").processId("p").stage("s").version(0)
        .createdAt(NOW).enteredStageAt(NOW).facts(DealFacts.none()).build(),
        new SalesEvent.PresentationDelivered(NOW), NOW);
    for (int i = 0; i < CASES; i++) {
      int n = random.nextInt(1, 6);
      boolean[] values = new boolean[n];
      TransitionGuard[] guards = new TransitionGuard[n];
      boolean all = true;
      boolean any = false;
      for (int g = 0; g < n; g++) {
        boolean value = random.nextBoolean();
        values[g] = value;
        all &= value;
        any |= value;
        String name = "g" + g;
        guards[g] = TransitionGuard.of(name, ctx -> value, name + ": denied");  // distinct reasons
      }
      String seen = java.util.Arrays.toString(values);
      GuardVerdict allOf = TransitionGuard.allOf(guards).evaluate(context);
      GuardVerdict anyOf = TransitionGuard.anyOf(guards).evaluate(context);
      assertThat(allOf.allowed()).as("allOf%s", seen).isEqualTo(all);
      assertThat(anyOf.allowed()).as("anyOf%s", seen).isEqualTo(any);
      assertThat(TransitionGuard.not(guards[0]).evaluate(context).allowed()).as("not %s", values[0])
          .isEqualTo(!values[0]);
      long denials = 0;
      for (boolean value : values) {
        denials += value ? 0 : 1;
      }
      if (!all) {
        assertThat(allOf.reasons()).as("allOf%s carries every denial", seen).hasSize((int) denials);
      }
      if (!any) {
        assertThat(anyOf.reasons()).as("anyOf%s carries every denial", seen).hasSize(n);
      }
    }
  }
}
