package io.salesflow.spring;

import io.salesflow.BantAssessment;
import io.salesflow.EventType;
import io.salesflow.SalesEvent;
import io.salesflow.SalesEvent.ApproachMethod;
import io.salesflow.SalesEvent.ClosingTechnique;
import io.salesflow.SalesEvent.ContactChannel;
import io.salesflow.SalesEvent.FollowUpOutcome;
import io.salesflow.SalesEvent.LeadTemperature;
import io.salesflow.SalesEvent.LossReason;
import io.salesflow.SalesEvent.ObjectionCategory;
import io.salesflow.SalesProcess;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/** Seeded random events for a deal in a stage: mostly ones the stage accepts, some it does not, a few foreign. */
final class RandomEvents {
  private static final EventType FOREIGN = EventType.custom("never-heard-of");

  private RandomEvents() {}

  static SalesEvent next(SalesProcess process, String stage, RandomGenerator random, Instant now) {
    List<EventType> fromStage = new ArrayList<>(process.eventTypesFrom(stage));
    List<EventType> all = new ArrayList<>(process.eventTypes());
    int roll = random.nextInt(100);
    EventType type;
    if (roll < 3) {
      type = random.nextBoolean() ? FOREIGN : pick(random, new ArrayList<>(EventType.builtIn()));
    } else if (roll < 25 || fromStage.isEmpty()) {
      type = pick(random, all);
    } else {
      type = pick(random, fromStage);
    }
    return payload(type, random, now);
  }

  static SalesEvent payload(EventType type, RandomGenerator random, Instant now) {
    switch (type.id()) {
      case "contact-made":
        return new SalesEvent.ContactMade(now, pick(random, ContactChannel.values()),
            random.nextBoolean() ? null : pick(random, ApproachMethod.values()));
      case "lead-scored":
        return new SalesEvent.LeadScored(now, pick(random, LeadTemperature.values()));
      case "qualification-assessed":
        return new SalesEvent.QualificationAssessed(now, bant(random, now));
      case "disqualified":
        return new SalesEvent.Disqualified(now, "not a fit");
      case "presentation-delivered":
        return new SalesEvent.PresentationDelivered(now);
      case "objection-raised":
        return new SalesEvent.ObjectionRaised(now, pick(random, ObjectionCategory.values()), "detail");
      case "objection-resolved":
        return new SalesEvent.ObjectionResolved(now, pick(random, ObjectionCategory.values()));
      case "proposal-sent":
        return new SalesEvent.ProposalSent(now, random.nextInt(4) == 0 ? null : amount(random));
      case "terms-negotiated":
        return new SalesEvent.TermsNegotiated(now, "terms");
      case "contract-signed":
        return new SalesEvent.ContractSigned(now);
      case "closed-won":
        return new SalesEvent.ClosedWon(now, amount(random),
            random.nextBoolean() ? null : pick(random, ClosingTechnique.values()));
      case "closed-lost":
        return new SalesEvent.ClosedLost(now, random.nextInt(3) == 0 ? LossReason.NO_RESPONSE
            : pick(random, LossReason.values()));
      case "follow-up-logged":
        return new SalesEvent.FollowUpLogged(now, pick(random, ContactChannel.values()),
            random.nextInt(10) < 6 ? FollowUpOutcome.NO_RESPONSE : pick(random, FollowUpOutcome.values()));
      case "referral-received":
        return new SalesEvent.ReferralReceived(now, "a customer");
      case "onboarding-done":
        return new SalesEvent.OnboardingDone(now);
      case "stage-overridden":
        return new SalesEvent.StageOverridden(now, "fired by hand", random.nextBoolean());
      case "deal-migrated":
        return new SalesEvent.DealMigrated(now, 1, 2, "fired by hand", List.of());
      case "owner-assigned":
        return new SalesEvent.OwnerAssigned(now, "rep-ann", null);
      case "forecast-updated":
        return new SalesEvent.ForecastUpdated(now, LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(
            random.nextInt(90)), random.nextBoolean() ? null : amount(random),
            random.nextInt(3) == 0 ? pick(random, io.salesflow.Stage.ForecastCategory.values()) : null);
      case "stakeholder-engaged":
        return new SalesEvent.StakeholderEngaged(now, "contact-" + random.nextInt(5),
            pick(random, SalesEvent.StakeholderRole.values()));
      case "expansion-started":
        return new SalesEvent.ExpansionStarted(now, SalesEvent.LeadSource.UPSELL, "expansion-" + random.nextInt(9));
      case "qualification-scored":
        return new SalesEvent.QualificationScored(now, scorecard(random));
      default:
        return new SalesEvent.Custom(type, now, random.nextBoolean() ? Map.of("campaign", "spring-" + random.nextInt(3))
            : Map.of("note", "n"));
    }
  }

  /** A scorecard of any framework, fully confirmed a third of the time. */
  private static io.salesflow.DealFacts.Scorecard scorecard(RandomGenerator random) {
    var framework = pick(random, io.salesflow.DealFacts.Scorecard.Framework.values());
    boolean all = random.nextInt(3) == 0;
    var card = io.salesflow.DealFacts.Scorecard.of(framework);
    for (var element : framework.elements()) {
      if (all || random.nextBoolean()) {
        card = card.confirm(element, "");
      }
    }
    return card;
  }

  private static BantAssessment bant(RandomGenerator random, Instant now) {
    BantAssessment.Builder b = BantAssessment.builder();
    if (random.nextInt(4) > 0) {
      b.budget(amount(random), random.nextInt(3) > 0);
    }
    if (random.nextInt(4) > 0) {
      b.authority(random.nextInt(3) > 0, 1 + random.nextInt(4));
    }
    if (random.nextInt(4) > 0) {
      b.painPoints(random.nextInt(3) > 0 ? new String[] {"manual reporting"} : new String[0]);
    }
    if (random.nextInt(4) > 0) {
      b.decisionBy(LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(random.nextInt(200) - 20));
    }
    return b.build();
  }

  private static BigDecimal amount(RandomGenerator random) {
    return BigDecimal.valueOf(1000L * (1 + random.nextInt(120)));
  }

  private static <T> T pick(RandomGenerator random, List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  @SafeVarargs
  private static <T> T pick(RandomGenerator random, T... values) {
    return values[random.nextInt(values.length)];
  }
}
