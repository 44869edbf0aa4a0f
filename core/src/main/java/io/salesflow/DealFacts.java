package io.salesflow;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * What is known about a deal: the facts that guards read and analytics count.
 *
 * <p>Facts change only when an event is accepted: {@link #apply(SalesEvent)} says how each built-in event changes
 * them. Start a deal with initial facts (its source, say) through {@link #builder()}.
 *
 * <p>Immutable and thread-safe. Follow-ups are kept in a {@link FollowUpLog} that grows without copying.
 *
 * @since 0.1
 */
@Value.Immutable
@ValueStyle
public abstract class DealFacts {
  /** Field names that {@link #field(String)} resolves from typed facts; any other name is a custom attribute. */
  public static final Set<String> BUILT_IN_FIELDS = Set.of("amount", "budget", "authority", "need", "timing",
      "source", "lead-temperature", "approach-method", "closing-technique", "proposal", "contract", "loss-reason");

  private static final DealFacts NONE = builder().build();

  DealFacts() {}

  /** The latest BANT assessment; {@link BantAssessment#unknown()} until one is made. */
  @Value.Default
  public BantAssessment bant() {
    return BantAssessment.unknown();
  }

  /** The deal's amount: the proposed amount, then the amount won. */
  public abstract Optional<BigDecimal> amount();

  /** Where the lead came from, for example a referring customer. */
  public abstract Optional<String> source();

  /** How ready to buy the lead was last assessed to be. */
  public abstract Optional<LeadTemperature> leadTemperature();

  /** The approach method of the latest contact that recorded one. */
  public abstract Optional<ApproachMethod> approachMethod();

  /** The closing technique of the win or loss, when recorded. */
  public abstract Optional<ClosingTechnique> closingTechnique();

  /** The channels through which the prospect has been reached, by contacts and follow-ups. */
  public abstract Set<ContactChannel> contactChannels();

  /** The follow-ups made. */
  @Value.Default
  public FollowUpLog followUps() {
    return FollowUpLog.empty();
  }

  /** The objections raised and not yet resolved, oldest first. */
  public abstract List<Objection> openObjections();

  /** How many objections were resolved. */
  @Value.Default
  public int resolvedObjections() {
    return 0;
  }

  /** How many presentations were delivered. */
  @Value.Default
  public int presentations() {
    return 0;
  }

  /** How many referrals this customer gave. */
  @Value.Default
  public int referralsGiven() {
    return 0;
  }

  /** When the latest proposal was sent. */
  public abstract Optional<Instant> proposalSentAt();

  /** When the contract was signed. */
  public abstract Optional<Instant> contractSignedAt();

  /** When onboarding was done. */
  public abstract Optional<Instant> onboardedAt();

  /** Why the deal was lost, once it was. */
  public abstract Optional<LossReason> lossReason();

  /** Why the prospect was disqualified, once it was. */
  public abstract Optional<String> disqualificationReason();

  /** Custom attributes, set by custom events or at the start. */
  public abstract Map<String, String> attributes();

  /**
   * Returns the value of a named field, if known, as CRM stage rules refer to fields. The names in
   * {@link #BUILT_IN_FIELDS} read the typed facts ({@code "amount"}, {@code "budget"} when a budget is confirmed,
   * {@code "authority"} when the decision-maker is identified, {@code "proposal"} once a proposal was sent…); any
   * other name reads {@link #attributes()}.
   */
  public final Optional<String> field(String name) {
    Checks.notBlank(name, "field name");
    switch (name) {
      case "amount":
        return amount().map(BigDecimal::toPlainString);
      case "budget":
        return bant().budget().filter(BantAssessment.Budget::confirmed).map(b -> b.amount().toPlainString());
      case "authority":
        return bant().authorityConfirmed() ? Optional.of("identified") : Optional.empty();
      case "need":
        return bant().need().filter(n -> !n.painPoints().isEmpty()).map(n -> String.join("; ", n.painPoints()));
      case "timing":
        return bant().timing().map(t -> t.decisionDate().toString());
      case "source":
        return source();
      case "lead-temperature":
        return leadTemperature().map(LeadTemperature::label);
      case "approach-method":
        return approachMethod().map(ApproachMethod::label);
      case "closing-technique":
        return closingTechnique().map(ClosingTechnique::label);
      case "proposal":
        return proposalSentAt().map(Instant::toString);
      case "contract":
        return contractSignedAt().map(Instant::toString);
      case "loss-reason":
        return lossReason().map(LossReason::label);
      default:
        return Optional.ofNullable(attributes().get(name));
    }
  }

  /**
   * Returns these facts as they are once {@code event} is accepted; these facts are unchanged.
   *
   * <p>Contacts and follow-ups add their channel; a lead score sets the temperature; a qualification replaces the BANT
   * assessment; an objection is added, and resolving a category closes every open objection of it; a proposal or a
   * win with an amount sets the amount; a win records the closing technique; a loss its reason; custom events merge
   * their attributes.
   */
  public final DealFacts apply(SalesEvent event) {
    Checks.notNull(event, "event");
    ImmutableDealFacts facts = (ImmutableDealFacts) this;
    if (event instanceof SalesEvent.ContactMade e) {
      ImmutableDealFacts next = withChannel(facts, e.channel());
      return e.approach() == null ? next : next.withApproachMethod(e.approach());
    } else if (event instanceof SalesEvent.LeadScored e) {
      return facts.withLeadTemperature(e.temperature());
    } else if (event instanceof SalesEvent.QualificationAssessed e) {
      return facts.withBant(e.assessment());
    } else if (event instanceof SalesEvent.Disqualified e) {
      return facts.withDisqualificationReason(e.reason()).withLossReason(LossReason.NOT_A_FIT);
    } else if (event instanceof SalesEvent.PresentationDelivered) {
      return facts.withPresentations(presentations() + 1);
    } else if (event instanceof SalesEvent.ObjectionRaised e) {
      List<Objection> open = new ArrayList<>(openObjections());
      open.add(new Objection(e.category(), e.detail(), e.occurredAt()));
      return facts.withOpenObjections(open);
    } else if (event instanceof SalesEvent.ObjectionResolved e) {
      return resolve(facts, e.category());
    } else if (event instanceof SalesEvent.ProposalSent e) {
      ImmutableDealFacts next = facts.withProposalSentAt(e.occurredAt());
      return e.amount() == null ? next : next.withAmount(e.amount());
    } else if (event instanceof SalesEvent.TermsNegotiated) {
      return facts;
    } else if (event instanceof SalesEvent.ContractSigned e) {
      return facts.withContractSignedAt(e.occurredAt());
    } else if (event instanceof SalesEvent.ClosedWon e) {
      ImmutableDealFacts next = facts.withAmount(e.amount());
      return e.technique() == null ? next : next.withClosingTechnique(e.technique());
    } else if (event instanceof SalesEvent.ClosedLost e) {
      ImmutableDealFacts next = facts.withLossReason(e.reason());
      return e.technique() == null ? next : next.withClosingTechnique(e.technique());
    } else if (event instanceof SalesEvent.FollowUpLogged e) {
      return withChannel(facts, e.channel())
          .withFollowUps(followUps().append(new FollowUp(e.occurredAt(), e.channel(), e.outcome())));
    } else if (event instanceof SalesEvent.ReferralReceived) {
      return facts.withReferralsGiven(referralsGiven() + 1);
    } else if (event instanceof SalesEvent.OnboardingDone e) {
      return facts.withOnboardedAt(e.occurredAt());
    } else if (event instanceof SalesEvent.Custom e) {
      if (e.attributes().isEmpty()) {
        return facts;
      }
      Map<String, String> attributes = new HashMap<>(attributes());
      attributes.putAll(e.attributes());
      return facts.withAttributes(attributes);
    }
    throw new IllegalArgumentException("unsupported event " + event);
  }

  /** Closes every open objection of {@code category}; the same facts when none is open. */
  private static DealFacts resolve(ImmutableDealFacts facts, ObjectionCategory category) {
    List<Objection> open = facts.openObjections();
    List<Objection> remaining = new ArrayList<>(open.size());
    for (Objection objection : open) {
      if (objection.category() != category) {
        remaining.add(objection);
      }
    }
    int resolved = open.size() - remaining.size();
    return resolved == 0
        ? facts
        : facts.withOpenObjections(remaining).withResolvedObjections(facts.resolvedObjections() + resolved);
  }

  private static ImmutableDealFacts withChannel(ImmutableDealFacts facts, ContactChannel channel) {
    if (facts.contactChannels().contains(channel)) {
      return facts;
    }
    Set<ContactChannel> channels = EnumSet.of(channel);
    channels.addAll(facts.contactChannels());
    return facts.withContactChannels(channels);
  }

  /** Returns facts in which nothing is known yet. */
  public static DealFacts none() {
    return NONE;
  }

  /** Returns a new, empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder initialised from these facts, to derive a changed copy. */
  public final Builder toBuilder() {
    return builder().from(this);
  }

  /** Builds {@link DealFacts} values; every fact is optional. */
  public static final class Builder extends ImmutableDealFacts.Builder {
    Builder() {}
  }
}
