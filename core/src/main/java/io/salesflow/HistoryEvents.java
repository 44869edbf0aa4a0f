package io.salesflow;

import io.salesflow.SalesEvent.ApproachMethod;
import io.salesflow.SalesEvent.ClosingTechnique;
import io.salesflow.SalesEvent.ContactChannel;
import io.salesflow.SalesEvent.FollowUpOutcome;
import io.salesflow.SalesEvent.LeadSource;
import io.salesflow.SalesEvent.LeadTemperature;
import io.salesflow.SalesEvent.LossReason;
import io.salesflow.SalesEvent.ObjectionCategory;
import io.salesflow.SalesEvent.StakeholderRole;
import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * How a history node keeps a built-in event without keeping the event object: its kind and its enum components in
 * the low 12 bits of one {@code long}, its time as the nanoseconds from the record's time in the other 52 (about 26
 * days either way), and at most one reference component (an assessment, a text, an amount) in the node's event slot.
 * {@link #unpack} builds an event equal to the one packed. An event that does not fit (a custom event, one with two
 * reference components, one whose time is too far from the record's) is not packed: {@link #pack} returns
 * {@link #NOT_PACKED} and the node keeps the event itself.
 */
final class HistoryEvents {
  /** The packed form of an event that was not packed: the node holds the event. */
  static final long NOT_PACKED = 0;

  private static final int CODE_BITS = 12;
  private static final long MAX_DELTA = (1L << (63 - CODE_BITS)) - 1;
  private static final long MAX_DELTA_SECONDS = MAX_DELTA / 1_000_000_000L - 1;

  private static final int CONTACT_MADE = 1;
  private static final int LEAD_SCORED = 2;
  private static final int QUALIFICATION_ASSESSED = 3;
  private static final int DISQUALIFIED = 4;
  private static final int PRESENTATION_DELIVERED = 5;
  private static final int OBJECTION_RAISED = 6;
  private static final int OBJECTION_RESOLVED = 7;
  private static final int PROPOSAL_SENT = 8;
  private static final int CONTRACT_SIGNED = 9;
  private static final int CLOSED_WON = 10;
  private static final int CLOSED_LOST = 11;
  private static final int FOLLOW_UP_LOGGED = 12;
  private static final int REFERRAL_RECEIVED = 13;
  private static final int ONBOARDING_DONE = 14;
  private static final int STAGE_OVERRIDDEN = 15;
  private static final int STAKEHOLDER_ENGAGED = 16;
  private static final int EXPANSION_STARTED = 17;
  private static final int QUALIFICATION_SCORED = 18;

  private static final ContactChannel[] CHANNELS = ContactChannel.values();
  private static final ApproachMethod[] APPROACHES = ApproachMethod.values();
  private static final LeadTemperature[] TEMPERATURES = LeadTemperature.values();
  private static final ObjectionCategory[] CATEGORIES = ObjectionCategory.values();
  private static final ClosingTechnique[] TECHNIQUES = ClosingTechnique.values();
  private static final LossReason[] LOSS_REASONS = LossReason.values();
  private static final FollowUpOutcome[] OUTCOMES = FollowUpOutcome.values();
  private static final StakeholderRole[] ROLES = StakeholderRole.values();
  private static final LeadSource[] SOURCES = LeadSource.values();

  private HistoryEvents() {}

  /**
   * Packs {@code event}, recorded at {@code atSecond} and {@code atNano}, into a {@code long}; its reference component
   * is {@link #payload}'s.
   *
   * @return the packed event, or {@link #NOT_PACKED} when it does not fit
   */
  static long pack(SalesEvent event, long atSecond, int atNano) {
    int code;
    if (event instanceof SalesEvent.QualificationAssessed) {
      code = QUALIFICATION_ASSESSED;
    } else if (event instanceof SalesEvent.ContactMade e) {
      code = code(CONTACT_MADE, e.channel().ordinal(), e.approach() == null ? 0 : e.approach().ordinal() + 1);
    } else if (event instanceof SalesEvent.PresentationDelivered) {
      code = PRESENTATION_DELIVERED;
    } else if (event instanceof SalesEvent.ObjectionRaised e) {
      code = code(OBJECTION_RAISED, e.category().ordinal(), 0);
    } else if (event instanceof SalesEvent.ObjectionResolved e) {
      code = code(OBJECTION_RESOLVED, e.category().ordinal(), 0);
    } else if (event instanceof SalesEvent.LeadScored e) {
      code = code(LEAD_SCORED, e.temperature().ordinal(), 0);
    } else if (event instanceof SalesEvent.Disqualified) {
      code = DISQUALIFIED;
    } else if (event instanceof SalesEvent.ProposalSent) {
      code = PROPOSAL_SENT;
    } else if (event instanceof SalesEvent.ContractSigned) {
      code = CONTRACT_SIGNED;
    } else if (event instanceof SalesEvent.ClosedWon e) {
      code = code(CLOSED_WON, 0, e.technique() == null ? 0 : e.technique().ordinal() + 1);
    } else if (event instanceof SalesEvent.ClosedLost e) {
      code = code(CLOSED_LOST, e.reason().ordinal(), e.technique() == null ? 0 : e.technique().ordinal() + 1);
    } else if (event instanceof SalesEvent.FollowUpLogged e) {
      code = code(FOLLOW_UP_LOGGED, e.channel().ordinal(), e.outcome().ordinal());
    } else if (event instanceof SalesEvent.ReferralReceived) {
      code = REFERRAL_RECEIVED;
    } else if (event instanceof SalesEvent.OnboardingDone) {
      code = ONBOARDING_DONE;
    } else if (event instanceof SalesEvent.StageOverridden e) {
      code = code(STAGE_OVERRIDDEN, 0, e.reopened() ? 1 : 0);
    } else if (event instanceof SalesEvent.StakeholderEngaged e) {
      code = code(STAKEHOLDER_ENGAGED, e.role().ordinal(), 0);
    } else if (event instanceof SalesEvent.ExpansionStarted e) {
      code = code(EXPANSION_STARTED, e.kind().ordinal(), 0);
    } else if (event instanceof SalesEvent.QualificationScored) {
      code = QUALIFICATION_SCORED;
    } else {
      return NOT_PACKED; // custom, or two reference components (terms, forecast, migration, owner)
    }
    if (code < 0) {
      return NOT_PACKED;
    }
    Instant occurredAt = event.occurredAt();
    long seconds = occurredAt.getEpochSecond() - atSecond; // both within years 1 to 9999: no overflow
    if (seconds > MAX_DELTA_SECONDS || seconds < -MAX_DELTA_SECONDS) {
      return NOT_PACKED;
    }
    long delta = seconds * 1_000_000_000L + (occurredAt.getNano() - atNano);
    return delta << CODE_BITS | code;
  }

  /** The kind with its two enum components; negative when a component does not fit its bits. */
  private static int code(int kind, int first, int second) {
    return first > 15 || second > 7 ? -1 : kind | first << 5 | second << 9;
  }

  /** The one reference component of a packed event (null when it has none or its component is null). */
  static @Nullable Object payload(SalesEvent event) {
    if (event instanceof SalesEvent.QualificationAssessed e) {
      return e.assessment();
    } else if (event instanceof SalesEvent.ObjectionRaised e) {
      return e.detail();
    } else if (event instanceof SalesEvent.Disqualified e) {
      return e.reason();
    } else if (event instanceof SalesEvent.ProposalSent e) {
      return e.amount();
    } else if (event instanceof SalesEvent.ClosedWon e) {
      return e.amount();
    } else if (event instanceof SalesEvent.ClosedLost e) {
      return e.detail();
    } else if (event instanceof SalesEvent.ReferralReceived e) {
      return e.source();
    } else if (event instanceof SalesEvent.StageOverridden e) {
      return e.reason();
    } else if (event instanceof SalesEvent.StakeholderEngaged e) {
      return e.contact();
    } else if (event instanceof SalesEvent.ExpansionStarted e) {
      return e.dealId();
    } else if (event instanceof SalesEvent.QualificationScored e) {
      return e.scorecard();
    }
    return null;
  }

  /** Builds the event {@link #pack} packed, equal to the one given there. */
  static SalesEvent unpack(long packed, @Nullable Object payload, long atSecond, int atNano) {
    Instant at = Instant.ofEpochSecond(atSecond, atNano + (packed >> CODE_BITS));
    int code = (int) packed & ((1 << CODE_BITS) - 1);
    int first = code >>> 5 & 15;
    int second = code >>> 9;
    return switch (code & 31) {
      case CONTACT_MADE -> new SalesEvent.ContactMade(at, CHANNELS[first],
          second == 0 ? null : APPROACHES[second - 1]);
      case LEAD_SCORED -> new SalesEvent.LeadScored(at, TEMPERATURES[first]);
      case QUALIFICATION_ASSESSED -> new SalesEvent.QualificationAssessed(at, (BantAssessment) required(payload));
      case DISQUALIFIED -> new SalesEvent.Disqualified(at, (String) required(payload));
      case PRESENTATION_DELIVERED -> new SalesEvent.PresentationDelivered(at);
      case OBJECTION_RAISED -> new SalesEvent.ObjectionRaised(at, CATEGORIES[first], (String) required(payload));
      case OBJECTION_RESOLVED -> new SalesEvent.ObjectionResolved(at, CATEGORIES[first]);
      case PROPOSAL_SENT -> new SalesEvent.ProposalSent(at, (BigDecimal) payload);
      case CONTRACT_SIGNED -> new SalesEvent.ContractSigned(at);
      case CLOSED_WON -> new SalesEvent.ClosedWon(at, (BigDecimal) required(payload),
          second == 0 ? null : TECHNIQUES[second - 1]);
      case CLOSED_LOST -> new SalesEvent.ClosedLost(at, LOSS_REASONS[first], (String) required(payload),
          second == 0 ? null : TECHNIQUES[second - 1]);
      case FOLLOW_UP_LOGGED -> new SalesEvent.FollowUpLogged(at, CHANNELS[first], OUTCOMES[second]);
      case REFERRAL_RECEIVED -> new SalesEvent.ReferralReceived(at, (String) required(payload));
      case ONBOARDING_DONE -> new SalesEvent.OnboardingDone(at);
      case STAGE_OVERRIDDEN -> new SalesEvent.StageOverridden(at, (String) required(payload), second == 1);
      case STAKEHOLDER_ENGAGED -> new SalesEvent.StakeholderEngaged(at, (String) required(payload), ROLES[first]);
      case EXPANSION_STARTED -> new SalesEvent.ExpansionStarted(at, SOURCES[first], (String) required(payload));
      case QUALIFICATION_SCORED -> new SalesEvent.QualificationScored(at, (DealFacts.Scorecard) required(payload));
      default -> throw new IllegalStateException("no built-in event is packed as " + code);
    };
  }

  private static Object required(@Nullable Object payload) {
    if (payload == null) {
      throw new IllegalStateException("a packed event lost its component");
    }
    return payload;
  }
}
