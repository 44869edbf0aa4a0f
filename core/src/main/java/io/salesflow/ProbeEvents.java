package io.salesflow;

import java.math.BigDecimal;
import java.time.Instant;
import io.salesflow.SalesEvent.ContactChannel;
import io.salesflow.SalesEvent.LeadTemperature;
import io.salesflow.SalesEvent.ObjectionCategory;
import io.salesflow.SalesEvent.LossReason;
import io.salesflow.SalesEvent.FollowUpOutcome;

/** Events that bring no new facts, to ask guards how things stand (see {@link SalesProcess#explain}). */
final class ProbeEvents {
  private ProbeEvents() {}

  static SalesEvent neutral(EventType type, Deal deal, Instant now) {
    DealFacts facts = deal.facts();
    ContactChannel channel = facts.contactChannels().stream().findFirst().orElse(ContactChannel.OTHER);
    switch (type.id()) {
      case "contact-made":
        return new SalesEvent.ContactMade(now, channel);
      case "lead-scored":
        return new SalesEvent.LeadScored(now, facts.leadTemperature().orElse(LeadTemperature.COLD));
      case "qualification-assessed":
        return new SalesEvent.QualificationAssessed(now, facts.bant());
      case "disqualified":
        return new SalesEvent.Disqualified(now, "not a fit");
      case "presentation-delivered":
        return new SalesEvent.PresentationDelivered(now);
      case "objection-raised":
        return new SalesEvent.ObjectionRaised(now, ObjectionCategory.OTHER);
      case "objection-resolved":
        return new SalesEvent.ObjectionResolved(now, facts.openObjections().isEmpty()
            ? ObjectionCategory.OTHER : facts.openObjections().get(0).category());
      case "proposal-sent":
        return new SalesEvent.ProposalSent(now, null);
      case "terms-negotiated":
        return new SalesEvent.TermsNegotiated(now, "");
      case "contract-signed":
        return new SalesEvent.ContractSigned(now);
      case "closed-won":
        return new SalesEvent.ClosedWon(now, facts.amount().orElse(BigDecimal.ZERO));
      case "closed-lost":
        return new SalesEvent.ClosedLost(now, LossReason.NO_RESPONSE);
      case "follow-up-logged":
        return new SalesEvent.FollowUpLogged(now, channel, FollowUpOutcome.RESPONDED);
      case "referral-received":
        return new SalesEvent.ReferralReceived(now, "referral");
      case "onboarding-done":
        return new SalesEvent.OnboardingDone(now);
      default:
        return new SalesEvent.Custom(type, now);
    }
  }
}
