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
import io.salesflow.Stage.ForecastCategory;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What is known about a deal: the facts that guards read and analytics count.
 *
 * <p>Facts change only when an event is accepted: {@link #apply(SalesEvent)} says how each built-in event changes
 * them. Start a deal with initial facts (its source, say) through {@link #builder()}.
 *
 * <p>Immutable and thread-safe. Follow-ups are kept in a {@link FollowUpLog} that grows without copying.
 *
 * <p>The builder and the nested records hold every value to {@link Deal.Limits}: amounts not negative and of at most
 * 18 digits before the decimal point and 6 after it, counts from 0 to 1,000,000, times in the years 1 to 9999, free
 * text of at most 4,096 characters, and at most 100 custom attributes whose keys follow the rules of deal ids. A value
 * beyond them is refused when it is set, naming the fact and the limit; an event whose attributes would take a deal
 * past 100 is refused by {@link #apply(SalesEvent)}.
 *
 * @since 0.1
 */
// The facts that most events change (BANT, amount, channels, follow-ups, objections and two counts) are fields of
// their own; the rarely changed ones sit in three small records shared between copies. Every accepted event copies
// the facts, and a copy of the grouped form is cheap enough to be inlined (benchmarks/README.md has the figures).
// ImmutableDealFacts, the one implementation, is written by hand so that an event that changes two facts copies once.
public abstract class DealFacts {
  /** Field names that {@link #field(String)} resolves from typed facts; any other name is a custom attribute. */
  public static final Set<String> BUILT_IN_FIELDS = Set.of("amount", "budget", "authority", "need", "timing",
      "source", "lead-temperature", "approach-method", "closing-technique", "proposal", "contract", "loss-reason",
      "expected-close", "lead-source", "parent-deal", "terms");

  private static final DealFacts NONE = builder().build();

  DealFacts() {}

  /** {@return the latest BANT assessment; {@link BantAssessment#unknown()} until one is made} */
  public abstract BantAssessment bant();

  /** {@return the deal's amount: the proposed amount, then the amount won} */
  public abstract Optional<BigDecimal> amount();

  /**
   * Returns the channels through which the prospect has been reached, by contacts and follow-ups.
   *
   * @return the channels, in the order {@link ContactChannel} declares them; unmodifiable
   */
  public Set<ContactChannel> contactChannels() {
    return channels();
  }

  /**
   * The channels as one of the shared sets, one per combination: what the facts keep (Immutables copies a
   * {@code Set} attribute into a new set of its own, 48 bytes for every copy of the facts).
   */
  abstract ChannelSet channels();

  /** {@return the follow-ups made, oldest first} */
  public abstract FollowUpLog followUps();

  /** {@return the objections raised and not yet resolved, oldest first} */
  public abstract List<Objection> openObjections();

  /** {@return how many objections were resolved} */
  public abstract int resolvedObjections();

  /** {@return how many presentations were delivered} */
  public abstract int presentations();

  /** {@return how many referrals this customer gave} */
  public final int referralsGiven() {
    return profile().referralsGiven();
  }

  /** The milestones and outcome, grouped because few events change them. */
  abstract Milestones milestones();

  /** Where the lead came from, how it was approached and its referrals, grouped because few events change them. */
  abstract Profile profile();

  /** Forecast, source, stakeholders, terms, scorecards and expansions, grouped because few events change them. */
  abstract Commercial commercial();

  /** {@return where the lead came from, for example a referring customer} */
  public final Optional<String> source() {
    return Optional.ofNullable(profile().source());
  }

  /** {@return how ready to buy the lead was last assessed to be} */
  public final Optional<LeadTemperature> leadTemperature() {
    return Optional.ofNullable(profile().leadTemperature());
  }

  /** {@return the approach method of the latest contact that recorded one} */
  public final Optional<ApproachMethod> approachMethod() {
    return Optional.ofNullable(profile().approachMethod());
  }

  /** {@return the closing technique of the win or loss, when recorded} */
  public final Optional<ClosingTechnique> closingTechnique() {
    return Optional.ofNullable(milestones().closingTechnique());
  }

  /** {@return when the latest proposal was sent} */
  public final Optional<Instant> proposalSentAt() {
    return Optional.ofNullable(milestones().proposalSentAt());
  }

  /** {@return when the contract was signed} */
  public final Optional<Instant> contractSignedAt() {
    return Optional.ofNullable(milestones().contractSignedAt());
  }

  /** {@return when onboarding was done} */
  public final Optional<Instant> onboardedAt() {
    return Optional.ofNullable(milestones().onboardedAt());
  }

  /** {@return why the deal was lost, once it was} */
  public final Optional<LossReason> lossReason() {
    return Optional.ofNullable(milestones().lossReason());
  }

  /** {@return why the prospect was disqualified, once it was} */
  public final Optional<String> disqualificationReason() {
    return Optional.ofNullable(profile().disqualificationReason());
  }

  /** {@return when the deal is expected to close, as the rep's latest forecast says} */
  public final Optional<LocalDate> expectedClose() {
    return Optional.ofNullable(commercial().expectedClose());
  }

  /**
   * {@return the forecast category the rep put the deal in, overriding its stage's {@link Stage#forecastCategory()};
   * empty when the stage's applies}
   */
  public final Optional<ForecastCategory> forecastCategory() {
    return Optional.ofNullable(commercial().forecastCategory());
  }

  /** {@return where the deal came from: a channel, a referral, or an existing customer's expansion} */
  public final Optional<LeadSource> leadSource() {
    return Optional.ofNullable(commercial().leadSource());
  }

  /** {@return the id of the customer deal this expansion deal was started from; empty for any other deal} */
  public final Optional<String> parentDealId() {
    return Optional.ofNullable(commercial().parentDealId());
  }

  /** {@return the expansion deals started from this one, oldest first; unmodifiable} */
  public final List<Expansion> expansions() {
    return commercial().expansions();
  }

  /** {@return the stakeholders engaged on the buying side, in the order they were first engaged; unmodifiable} */
  public final List<Stakeholder> stakeholders() {
    return commercial().stakeholders();
  }

  /** {@return the terms negotiated last, when any were} */
  public final Optional<Terms> negotiatedTerms() {
    return Optional.ofNullable(commercial().terms());
  }

  /** {@return the latest scorecard of each qualification framework assessed, in framework order; unmodifiable} */
  public final List<Scorecard> scorecards() {
    return commercial().scorecards();
  }

  /**
   * Returns the latest scorecard of one framework.
   *
   * @param framework the framework
   * @return the scorecard assessed last, or one with nothing known when none was
   */
  public final Scorecard scorecard(Scorecard.Framework framework) {
    Objects.requireNonNull(framework, "framework must not be null");
    for (Scorecard card : scorecards()) {
      if (card.framework() == framework) {
        return card;
      }
    }
    return Scorecard.of(framework);
  }

  /** {@return the custom attributes, set by custom events or at the start; unmodifiable, in insertion order} */
  public final Map<String, String> attributes() {
    return profile().attributes();
  }

  /**
   * Returns the value of a named field, if known, as CRM stage rules refer to fields. The names in
   * {@link #BUILT_IN_FIELDS} read the typed facts ({@code "amount"}, {@code "budget"} when a budget is confirmed,
   * {@code "authority"} when the decision-maker is identified, {@code "proposal"} once a proposal was sent…); any
   * other name reads {@link #attributes()}.
   *
   * @param name a built-in field name or the key of a custom attribute; not blank
   * @return the field's value as text (amounts in plain notation, instants in ISO-8601), or empty if not known
   * @throws IllegalArgumentException if {@code name} is blank
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
      case "expected-close":
        return expectedClose().map(LocalDate::toString);
      case "lead-source":
        return leadSource().map(LeadSource::label);
      case "parent-deal":
        return parentDealId();
      case "terms":
        return negotiatedTerms().map(Terms::summary);
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
   *
   * @param event the accepted event; one that changes no fact ({@code terms-negotiated}, say) gives these facts back
   * @return the facts after the event
   * @throws IllegalArgumentException if the event's custom attributes would give the deal more than
   *     {@value Deal.Limits#MAX_ATTRIBUTES}
   */
  public final DealFacts apply(SalesEvent event) {
    Objects.requireNonNull(event, "event must not be null");
    if (event instanceof SalesEvent.Custom custom) {
      return withAttributes(custom.attributes());
    }
    // a built-in record's type is always a built-in type, and custom events were handled above
    return BuiltInEvent.of(event.type()).apply((ImmutableDealFacts) this, event);
  }

  private DealFacts withAttributes(Map<String, String> added) {
    if (added.isEmpty()) {
      return this;
    }
    Map<String, String> attributes = new LinkedHashMap<>(attributes());
    attributes.putAll(added);
    if (attributes.size() > Deal.Limits.MAX_ATTRIBUTES) {
      throw Checks.tooManyAttributes(attributes.size(), "of a deal, once the event's are added,");
    }
    return ((ImmutableDealFacts) this).withProfile(profile().withAttributes(Collections.unmodifiableMap(attributes)));
  }

  /** {@return facts in which nothing is known yet} */
  public static DealFacts none() {
    return NONE;
  }

  /** {@return a new, empty builder} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a builder initialised from these facts, to derive a changed copy} */
  public final Builder toBuilder() {
    return builder().from(this);
  }

  @Override
  public final String toString() {
    StringBuilder out = new StringBuilder("DealFacts{bant=").append(bant());
    appendIfPresent(out, "amount", amount().orElse(null));
    Profile profile = profile();
    Milestones milestones = milestones();
    appendIfPresent(out, "source", profile.source());
    appendIfPresent(out, "leadTemperature", profile.leadTemperature());
    appendIfPresent(out, "approachMethod", profile.approachMethod());
    appendIfPresent(out, "closingTechnique", milestones.closingTechnique());
    out.append(", contactChannels=").append(contactChannels()).append(", followUps=").append(followUps())
        .append(", openObjections=").append(openObjections()).append(", resolvedObjections=")
        .append(resolvedObjections()).append(", presentations=").append(presentations())
        .append(", referralsGiven=").append(referralsGiven());
    appendIfPresent(out, "proposalSentAt", milestones.proposalSentAt());
    appendIfPresent(out, "contractSignedAt", milestones.contractSignedAt());
    appendIfPresent(out, "onboardedAt", milestones.onboardedAt());
    appendIfPresent(out, "lossReason", milestones.lossReason());
    appendIfPresent(out, "disqualificationReason", profile.disqualificationReason());
    Commercial commercial = commercial();
    if (!commercial.equals(Commercial.NONE)) {
      out.append(", ").append(commercial);
    }
    return out.append(", attributes=").append(profile.attributes()).append('}').toString();
  }

  private static void appendIfPresent(StringBuilder out, String name, @Nullable Object value) {
    if (value != null) {
      out.append(", ").append(name).append('=').append(value);
    }
  }

  /** Milestones and outcome: timestamps, loss reason and closing technique; null when unknown. */
  record Milestones(@Nullable Instant proposalSentAt, @Nullable Instant contractSignedAt,
      @Nullable Instant onboardedAt, @Nullable LossReason lossReason, @Nullable ClosingTechnique closingTechnique) {
    static final Milestones NONE = new Milestones(null, null, null, null, null);

    Milestones withProposalSentAt(Instant at) {
      return new Milestones(at, contractSignedAt, onboardedAt, lossReason, closingTechnique);
    }

    Milestones withContractSignedAt(Instant at) {
      return new Milestones(proposalSentAt, at, onboardedAt, lossReason, closingTechnique);
    }

    Milestones withOnboardedAt(Instant at) {
      return new Milestones(proposalSentAt, contractSignedAt, at, lossReason, closingTechnique);
    }

    Milestones withClosingTechnique(ClosingTechnique technique) {
      return new Milestones(proposalSentAt, contractSignedAt, onboardedAt, lossReason, technique);
    }

    /** The milestones of a deal lost with nothing else known, the usual early loss: one value per reason. */
    private static final Milestones[] LOST_EARLY = lostEarly();

    private static Milestones[] lostEarly() {
      LossReason[] reasons = LossReason.values();
      Milestones[] lost = new Milestones[reasons.length];
      for (LossReason reason : reasons) {
        lost[reason.ordinal()] = new Milestones(null, null, null, reason, null);
      }
      return lost;
    }

    /**
     * The loss, with its technique when one is given (the recorded technique stays otherwise). A loss with nothing
     * else known shares one value per reason, so that the facts keep no copy of their own.
     */
    Milestones withLoss(LossReason reason, @Nullable ClosingTechnique technique) {
      if (technique == null && this == NONE) {
        return LOST_EARLY[reason.ordinal()];
      }
      return new Milestones(proposalSentAt, contractSignedAt, onboardedAt, reason,
          technique == null ? closingTechnique : technique);
    }
  }

  /**
   * Where the lead came from, how it was approached and how many referrals the customer gave; null when unknown,
   * attributes unmodifiable. It also holds the {@link Commercial} facts, which even fewer events change, so that a
   * copy of the facts has one reference less to carry (48 bytes instead of 56); this holder is the same 40 bytes
   * with them.
   */
  record Profile(@Nullable String source, @Nullable LeadTemperature leadTemperature,
      @Nullable ApproachMethod approachMethod, @Nullable String disqualificationReason,
      Map<String, String> attributes, int referralsGiven, Commercial commercial) {
    static final Profile NONE = new Profile(null, null, null, null, Map.of(), 0, Commercial.NONE);

    Profile withLeadTemperature(LeadTemperature temperature) {
      return new Profile(source, temperature, approachMethod, disqualificationReason, attributes, referralsGiven,
          commercial);
    }

    Profile withApproachMethod(ApproachMethod approach) {
      return new Profile(source, leadTemperature, approach, disqualificationReason, attributes, referralsGiven,
          commercial);
    }

    Profile withDisqualificationReason(String reason) {
      return new Profile(source, leadTemperature, approachMethod, reason, attributes, referralsGiven, commercial);
    }

    Profile withAttributes(Map<String, String> values) {
      return new Profile(source, leadTemperature, approachMethod, disqualificationReason, values, referralsGiven,
          commercial);
    }

    Profile withReferralsGiven(int count) {
      return new Profile(source, leadTemperature, approachMethod, disqualificationReason, attributes, count,
          commercial);
    }

    Profile withCommercial(Commercial value) {
      return value == commercial ? this : new Profile(source, leadTemperature, approachMethod,
          disqualificationReason, attributes, referralsGiven, value);
    }
  }

  /** Forecast, source, stakeholders, terms, scorecards and expansions; null when unknown, lists unmodifiable. */
  record Commercial(@Nullable LocalDate expectedClose, @Nullable ForecastCategory forecastCategory,
      @Nullable LeadSource leadSource, @Nullable String parentDealId, List<Expansion> expansions,
      List<Stakeholder> stakeholders, @Nullable Terms terms, List<Scorecard> scorecards) {
    static final Commercial NONE = new Commercial(null, null, null, null, List.of(), List.of(), null, List.of());

    Commercial withForecast(@Nullable LocalDate date, @Nullable ForecastCategory category) {
      return new Commercial(date, category, leadSource, parentDealId, expansions, stakeholders, terms, scorecards);
    }

    Commercial withExpansions(List<Expansion> values) {
      return new Commercial(expectedClose, forecastCategory, leadSource, parentDealId, values, stakeholders, terms,
          scorecards);
    }

    Commercial withStakeholders(List<Stakeholder> values) {
      return new Commercial(expectedClose, forecastCategory, leadSource, parentDealId, expansions, values, terms,
          scorecards);
    }

    Commercial withTerms(Terms value) {
      return new Commercial(expectedClose, forecastCategory, leadSource, parentDealId, expansions, stakeholders,
          value, scorecards);
    }

    Commercial withScorecards(List<Scorecard> values) {
      return new Commercial(expectedClose, forecastCategory, leadSource, parentDealId, expansions, stakeholders,
          terms, values);
    }

    @Override
    public String toString() {
      StringBuilder out = new StringBuilder("expectedClose=").append(expectedClose);
      appendIfPresent(out, "forecastCategory", forecastCategory);
      appendIfPresent(out, "leadSource", leadSource);
      appendIfPresent(out, "parentDealId", parentDealId);
      appendIfPresent(out, "terms", terms);
      return out.append(", stakeholders=").append(stakeholders).append(", scorecards=").append(scorecards)
          .append(", expansions=").append(expansions).toString();
    }
  }

  /**
   * Builds {@link DealFacts} values; every fact is optional. Setters replace a fact, {@code add}/{@code put} methods
   * add to a collection; nulls are rejected with the name of the fact. Not thread-safe.
   */
  public static final class Builder {
    private BantAssessment bant = BantAssessment.unknown();
    private @Nullable BigDecimal amount;
    private @Nullable String source;
    private @Nullable LeadTemperature leadTemperature;
    private @Nullable ApproachMethod approachMethod;
    private @Nullable ClosingTechnique closingTechnique;
    private final EnumSet<ContactChannel> contactChannels = EnumSet.noneOf(ContactChannel.class);
    private FollowUpLog followUps = FollowUpLog.empty();
    private final List<Objection> openObjections = new ArrayList<>();
    private int resolvedObjections;
    private int presentations;
    private int referralsGiven;
    private @Nullable Instant proposalSentAt;
    private @Nullable Instant contractSignedAt;
    private @Nullable Instant onboardedAt;
    private @Nullable LossReason lossReason;
    private @Nullable String disqualificationReason;
    private final Map<String, String> attributes = new LinkedHashMap<>();
    private @Nullable LocalDate expectedClose;
    private @Nullable ForecastCategory forecastCategory;
    private @Nullable LeadSource leadSource;
    private @Nullable String parentDealId;
    private final List<Expansion> expansions = new ArrayList<>();
    private final Map<String, Stakeholder> stakeholders = new LinkedHashMap<>();
    private @Nullable Terms terms;
    private final Map<Scorecard.Framework, Scorecard> scorecards = new java.util.EnumMap<>(Scorecard.Framework.class);

    Builder() {}

    /**
     * Copies the facts of {@code instance}: its BANT assessment, follow-ups and counts replace these, its known
     * optional facts replace these (unknown ones leave these as they are), its channels, objections and attributes
     * are added to these.
     *
     * @param instance the facts to copy from
     * @return this builder
     */
    public Builder from(DealFacts instance) {
      Objects.requireNonNull(instance, "instance must not be null");
      bant(instance.bant());
      instance.amount().ifPresent(this::amount);
      instance.source().ifPresent(this::source);
      instance.leadTemperature().ifPresent(this::leadTemperature);
      instance.approachMethod().ifPresent(this::approachMethod);
      instance.closingTechnique().ifPresent(this::closingTechnique);
      addAllContactChannels(instance.contactChannels());
      followUps(instance.followUps());
      addAllOpenObjections(instance.openObjections());
      resolvedObjections(instance.resolvedObjections());
      presentations(instance.presentations());
      referralsGiven(instance.referralsGiven());
      instance.proposalSentAt().ifPresent(this::proposalSentAt);
      instance.contractSignedAt().ifPresent(this::contractSignedAt);
      instance.onboardedAt().ifPresent(this::onboardedAt);
      instance.lossReason().ifPresent(this::lossReason);
      instance.disqualificationReason().ifPresent(this::disqualificationReason);
      putAllAttributes(instance.attributes());
      instance.expectedClose().ifPresent(this::expectedClose);
      instance.forecastCategory().ifPresent(this::forecastCategory);
      instance.leadSource().ifPresent(this::leadSource);
      instance.parentDealId().ifPresent(this::parentDealId);
      addAllExpansions(instance.expansions());
      addAllStakeholders(instance.stakeholders());
      instance.negotiatedTerms().ifPresent(this::negotiatedTerms);
      addAllScorecards(instance.scorecards());
      return this;
    }

    /**
     * Sets {@link DealFacts#expectedClose()}.
     *
     * @param expectedClose when the deal is expected to close
     * @return this builder
     * @throws IllegalArgumentException if the date lies outside the years 1 to 9999
     */
    public Builder expectedClose(LocalDate expectedClose) {
      this.expectedClose = Checks.date(expectedClose, "expectedClose");
      return this;
    }

    /**
     * Sets {@link DealFacts#forecastCategory()}, the rep's override of the stage's category.
     *
     * @param forecastCategory the category the deal is put in
     * @return this builder
     */
    public Builder forecastCategory(ForecastCategory forecastCategory) {
      this.forecastCategory = Objects.requireNonNull(forecastCategory, "forecastCategory must not be null");
      return this;
    }

    /**
     * Sets {@link DealFacts#leadSource()}.
     *
     * @param leadSource where the deal came from
     * @return this builder
     */
    public Builder leadSource(LeadSource leadSource) {
      this.leadSource = Objects.requireNonNull(leadSource, "leadSource must not be null");
      return this;
    }

    /**
     * Sets {@link DealFacts#parentDealId()}.
     *
     * @param parentDealId the id of the customer deal this expansion deal grows, held to the rules of deal ids
     * @return this builder
     * @throws IllegalArgumentException if the id breaks the rules of {@link Deal.Limits}
     */
    public Builder parentDealId(String parentDealId) {
      this.parentDealId = Checks.id(parentDealId, "parentDealId");
      return this;
    }

    /**
     * Adds an expansion to {@link DealFacts#expansions()}, after those already there.
     *
     * @param expansion an expansion deal started from this one
     * @return this builder
     * @throws IllegalArgumentException if there would be more than {@value Deal.Limits#MAX_ATTRIBUTES}
     */
    public Builder addExpansions(Expansion expansion) {
      Objects.requireNonNull(expansion, "expansions element must not be null");
      if (expansions.size() >= Deal.Limits.MAX_ATTRIBUTES) {
        throw Checks.tooMany("expansions", expansions.size() + 1);
      }
      expansions.add(expansion);
      return this;
    }

    /**
     * Adds expansions to {@link DealFacts#expansions()}, after those already there.
     *
     * @param elements expansion deals started from this one, oldest first
     * @return this builder
     */
    public Builder addAllExpansions(Iterable<Expansion> elements) {
      for (Expansion element : Objects.requireNonNull(elements, "expansions must not be null")) {
        addExpansions(element);
      }
      return this;
    }

    /**
     * Adds a stakeholder to {@link DealFacts#stakeholders()}; one with the contact of a stakeholder already there
     * replaces it in its place.
     *
     * @param stakeholder a stakeholder engaged on the buying side
     * @return this builder
     * @throws IllegalArgumentException if there would be more than {@value Deal.Limits#MAX_ATTRIBUTES}
     */
    public Builder addStakeholders(Stakeholder stakeholder) {
      Objects.requireNonNull(stakeholder, "stakeholders element must not be null");
      if (stakeholders.size() >= Deal.Limits.MAX_ATTRIBUTES && !stakeholders.containsKey(stakeholder.contact())) {
        throw Checks.tooMany("stakeholders", stakeholders.size() + 1);
      }
      stakeholders.put(stakeholder.contact(), stakeholder);
      return this;
    }

    /**
     * Adds stakeholders to {@link DealFacts#stakeholders()}.
     *
     * @param elements stakeholders engaged on the buying side
     * @return this builder
     */
    public Builder addAllStakeholders(Iterable<Stakeholder> elements) {
      for (Stakeholder element : Objects.requireNonNull(elements, "stakeholders must not be null")) {
        addStakeholders(element);
      }
      return this;
    }

    /**
     * Sets {@link DealFacts#negotiatedTerms()}.
     *
     * @param terms the terms negotiated last
     * @return this builder
     */
    public Builder negotiatedTerms(Terms terms) {
      this.terms = Objects.requireNonNull(terms, "terms must not be null");
      return this;
    }

    /**
     * Sets or clears {@link DealFacts#negotiatedTerms()}.
     *
     * @param terms the terms negotiated last, or empty to clear them
     * @return this builder
     */
    public Builder negotiatedTerms(Optional<Terms> terms) {
      this.terms = Objects.requireNonNull(terms, "terms must not be null").orElse(null);
      return this;
    }

    /**
     * Puts a scorecard into {@link DealFacts#scorecards()}, replacing the one of its framework.
     *
     * @param scorecard the latest scorecard of its framework
     * @return this builder
     */
    public Builder addScorecards(Scorecard scorecard) {
      Objects.requireNonNull(scorecard, "scorecards element must not be null");
      scorecards.put(scorecard.framework(), scorecard);
      return this;
    }

    /**
     * Puts scorecards into {@link DealFacts#scorecards()}, each replacing the one of its framework.
     *
     * @param elements the latest scorecards
     * @return this builder
     */
    public Builder addAllScorecards(Iterable<Scorecard> elements) {
      for (Scorecard element : Objects.requireNonNull(elements, "scorecards must not be null")) {
        addScorecards(element);
      }
      return this;
    }

    /**
     * Sets {@link DealFacts#bant()}.
     *
     * @param bant the assessment, replacing any set before
     * @return this builder
     */
    public Builder bant(BantAssessment bant) {
      this.bant = Objects.requireNonNull(bant, "bant must not be null");
      return this;
    }

    /**
     * Sets {@link DealFacts#amount()}.
     *
     * @param amount the proposed or won amount
     * @return this builder
     * @throws IllegalArgumentException if {@code amount} is negative or has more than 18 digits before the decimal
     *     point or 6 after it ({@link Deal.Limits})
     */
    public Builder amount(BigDecimal amount) {
      this.amount = Checks.amount(amount, "amount");
      return this;
    }

    /**
     * Sets or clears {@link DealFacts#amount()}.
     *
     * @param amount the proposed or won amount, or empty to clear it
     * @return this builder
     * @throws IllegalArgumentException if {@code amount} is negative or has more than 18 digits before the decimal
     *     point or 6 after it ({@link Deal.Limits})
     */
    public Builder amount(Optional<? extends BigDecimal> amount) {
      BigDecimal value = Objects.requireNonNull(amount, "amount must not be null").orElse(null);
      this.amount = value == null ? null : Checks.amount(value, "amount");
      return this;
    }

    /**
     * Sets {@link DealFacts#source()}.
     *
     * @param source where the lead came from, in the team's own words
     * @return this builder
     */
    public Builder source(String source) {
      this.source = Checks.text(source, "source");
      return this;
    }

    /**
     * Sets or clears {@link DealFacts#source()}.
     *
     * @param source where the lead came from, or empty to clear it
     * @return this builder
     */
    public Builder source(Optional<String> source) {
      String value = Objects.requireNonNull(source, "source must not be null").orElse(null);
      this.source = value == null ? null : Checks.text(value, "source");
      return this;
    }

    /**
     * Sets {@link DealFacts#leadTemperature()}.
     *
     * @param leadTemperature how ready to buy the lead is
     * @return this builder
     */
    public Builder leadTemperature(LeadTemperature leadTemperature) {
      this.leadTemperature = Objects.requireNonNull(leadTemperature, "leadTemperature must not be null");
      return this;
    }

    /**
     * Sets or clears {@link DealFacts#leadTemperature()}.
     *
     * @param leadTemperature how ready to buy the lead is, or empty to clear it
     * @return this builder
     */
    public Builder leadTemperature(Optional<? extends LeadTemperature> leadTemperature) {
      this.leadTemperature = Objects.requireNonNull(leadTemperature, "leadTemperature must not be null").orElse(null);
      return this;
    }

    /**
     * Sets {@link DealFacts#approachMethod()}.
     *
     * @param approachMethod how the rep opened the latest contact
     * @return this builder
     */
    public Builder approachMethod(ApproachMethod approachMethod) {
      this.approachMethod = Objects.requireNonNull(approachMethod, "approachMethod must not be null");
      return this;
    }

    /**
     * Sets or clears {@link DealFacts#approachMethod()}.
     *
     * @param approachMethod how the rep opened the latest contact, or empty to clear it
     * @return this builder
     */
    public Builder approachMethod(Optional<? extends ApproachMethod> approachMethod) {
      this.approachMethod = Objects.requireNonNull(approachMethod, "approachMethod must not be null").orElse(null);
      return this;
    }

    /**
     * Sets {@link DealFacts#closingTechnique()}.
     *
     * @param closingTechnique the technique the deal was closed with
     * @return this builder
     */
    public Builder closingTechnique(ClosingTechnique closingTechnique) {
      this.closingTechnique = Objects.requireNonNull(closingTechnique, "closingTechnique must not be null");
      return this;
    }

    /**
     * Sets or clears {@link DealFacts#closingTechnique()}.
     *
     * @param closingTechnique the technique the deal was closed with, or empty to clear it
     * @return this builder
     */
    public Builder closingTechnique(Optional<? extends ClosingTechnique> closingTechnique) {
      this.closingTechnique = Objects.requireNonNull(closingTechnique, "closingTechnique must not be null").orElse(null);
      return this;
    }

    /**
     * Adds a channel to {@link DealFacts#contactChannels()}; adding one already there changes nothing.
     *
     * @param element the channel the prospect was reached through
     * @return this builder
     */
    public Builder addContactChannels(ContactChannel element) {
      contactChannels.add(Objects.requireNonNull(element, "contactChannels element must not be null"));
      return this;
    }

    /**
     * Adds channels to {@link DealFacts#contactChannels()}.
     *
     * @param elements the channels the prospect was reached through; none may be {@code null}
     * @return this builder
     */
    public Builder addContactChannels(ContactChannel... elements) {
      return addAllContactChannels(Arrays.asList(Objects.requireNonNull(elements, "contactChannels must not be null")));
    }

    /**
     * Replaces {@link DealFacts#contactChannels()}.
     *
     * @param elements every channel the prospect was reached through; none may be {@code null}
     * @return this builder
     */
    public Builder contactChannels(Iterable<ContactChannel> elements) {
      Objects.requireNonNull(elements, "contactChannels must not be null");
      contactChannels.clear();
      return addAllContactChannels(elements);
    }

    /**
     * Adds channels to {@link DealFacts#contactChannels()}.
     *
     * @param elements the channels the prospect was reached through; none may be {@code null}
     * @return this builder
     */
    public Builder addAllContactChannels(Iterable<ContactChannel> elements) {
      for (ContactChannel element : Objects.requireNonNull(elements, "contactChannels must not be null")) {
        addContactChannels(element);
      }
      return this;
    }

    /**
     * Sets {@link DealFacts#followUps()}.
     *
     * @param followUps the follow-ups made, replacing any set before
     * @return this builder
     */
    public Builder followUps(FollowUpLog followUps) {
      this.followUps = Objects.requireNonNull(followUps, "followUps must not be null");
      return this;
    }

    /**
     * Adds an objection to {@link DealFacts#openObjections()}, after those already there.
     *
     * @param element an objection raised and not yet resolved
     * @return this builder
     */
    public Builder addOpenObjections(Objection element) {
      openObjections.add(Objects.requireNonNull(element, "openObjections element must not be null"));
      return this;
    }

    /**
     * Adds objections to {@link DealFacts#openObjections()}, after those already there.
     *
     * @param elements objections raised and not yet resolved, oldest first; none may be {@code null}
     * @return this builder
     */
    public Builder addOpenObjections(Objection... elements) {
      return addAllOpenObjections(Arrays.asList(Objects.requireNonNull(elements, "openObjections must not be null")));
    }

    /**
     * Replaces {@link DealFacts#openObjections()}.
     *
     * @param elements every objection raised and not yet resolved, oldest first; none may be {@code null}
     * @return this builder
     */
    public Builder openObjections(Iterable<? extends Objection> elements) {
      Objects.requireNonNull(elements, "openObjections must not be null");
      openObjections.clear();
      return addAllOpenObjections(elements);
    }

    /**
     * Adds objections to {@link DealFacts#openObjections()}, after those already there.
     *
     * @param elements objections raised and not yet resolved, oldest first; none may be {@code null}
     * @return this builder
     */
    public Builder addAllOpenObjections(Iterable<? extends Objection> elements) {
      for (Objection element : Objects.requireNonNull(elements, "openObjections must not be null")) {
        addOpenObjections(element);
      }
      return this;
    }

    /**
     * Sets {@link DealFacts#resolvedObjections()}.
     *
     * @param resolvedObjections how many objections were resolved
     * @return this builder
     * @throws IllegalArgumentException if the count is negative or above {@value Deal.Limits#MAX_COUNT}
     */
    public Builder resolvedObjections(int resolvedObjections) {
      this.resolvedObjections = Checks.count(resolvedObjections, "resolvedObjections");
      return this;
    }

    /**
     * Sets {@link DealFacts#presentations()}.
     *
     * @param presentations how many presentations were delivered
     * @return this builder
     * @throws IllegalArgumentException if the count is negative or above {@value Deal.Limits#MAX_COUNT}
     */
    public Builder presentations(int presentations) {
      this.presentations = Checks.count(presentations, "presentations");
      return this;
    }

    /**
     * Sets {@link DealFacts#referralsGiven()}.
     *
     * @param referralsGiven how many referrals this customer gave
     * @return this builder
     * @throws IllegalArgumentException if the count is negative or above {@value Deal.Limits#MAX_COUNT}
     */
    public Builder referralsGiven(int referralsGiven) {
      this.referralsGiven = Checks.count(referralsGiven, "referralsGiven");
      return this;
    }

    /**
     * Sets {@link DealFacts#proposalSentAt()}.
     *
     * @param proposalSentAt when the latest proposal was sent
     * @return this builder
     */
    public Builder proposalSentAt(Instant proposalSentAt) {
      this.proposalSentAt = Checks.time(proposalSentAt, "proposalSentAt");
      return this;
    }

    /**
     * Sets or clears {@link DealFacts#proposalSentAt()}.
     *
     * @param proposalSentAt when the latest proposal was sent, or empty to clear it
     * @return this builder
     */
    public Builder proposalSentAt(Optional<? extends Instant> proposalSentAt) {
      Instant value = Objects.requireNonNull(proposalSentAt, "proposalSentAt must not be null").orElse(null);
      this.proposalSentAt = value == null ? null : Checks.time(value, "proposalSentAt");
      return this;
    }

    /**
     * Sets {@link DealFacts#contractSignedAt()}.
     *
     * @param contractSignedAt when the contract was signed
     * @return this builder
     */
    public Builder contractSignedAt(Instant contractSignedAt) {
      this.contractSignedAt = Checks.time(contractSignedAt, "contractSignedAt");
      return this;
    }

    /**
     * Sets or clears {@link DealFacts#contractSignedAt()}.
     *
     * @param contractSignedAt when the contract was signed, or empty to clear it
     * @return this builder
     */
    public Builder contractSignedAt(Optional<? extends Instant> contractSignedAt) {
      Instant value = Objects.requireNonNull(contractSignedAt, "contractSignedAt must not be null").orElse(null);
      this.contractSignedAt = value == null ? null : Checks.time(value, "contractSignedAt");
      return this;
    }

    /**
     * Sets {@link DealFacts#onboardedAt()}.
     *
     * @param onboardedAt when onboarding was done
     * @return this builder
     */
    public Builder onboardedAt(Instant onboardedAt) {
      this.onboardedAt = Checks.time(onboardedAt, "onboardedAt");
      return this;
    }

    /**
     * Sets or clears {@link DealFacts#onboardedAt()}.
     *
     * @param onboardedAt when onboarding was done, or empty to clear it
     * @return this builder
     */
    public Builder onboardedAt(Optional<? extends Instant> onboardedAt) {
      Instant value = Objects.requireNonNull(onboardedAt, "onboardedAt must not be null").orElse(null);
      this.onboardedAt = value == null ? null : Checks.time(value, "onboardedAt");
      return this;
    }

    /**
     * Sets {@link DealFacts#lossReason()}.
     *
     * @param lossReason why the deal was lost
     * @return this builder
     */
    public Builder lossReason(LossReason lossReason) {
      this.lossReason = Objects.requireNonNull(lossReason, "lossReason must not be null");
      return this;
    }

    /**
     * Sets or clears {@link DealFacts#lossReason()}.
     *
     * @param lossReason why the deal was lost, or empty to clear it
     * @return this builder
     */
    public Builder lossReason(Optional<? extends LossReason> lossReason) {
      this.lossReason = Objects.requireNonNull(lossReason, "lossReason must not be null").orElse(null);
      return this;
    }

    /**
     * Sets {@link DealFacts#disqualificationReason()}.
     *
     * @param disqualificationReason why the prospect was disqualified, in the rep's words
     * @return this builder
     */
    public Builder disqualificationReason(String disqualificationReason) {
      this.disqualificationReason = Checks.text(disqualificationReason, "disqualificationReason");
      return this;
    }

    /**
     * Sets or clears {@link DealFacts#disqualificationReason()}.
     *
     * @param disqualificationReason why the prospect was disqualified, or empty to clear it
     * @return this builder
     */
    public Builder disqualificationReason(Optional<String> disqualificationReason) {
      String value = Objects.requireNonNull(disqualificationReason, "disqualificationReason must not be null")
          .orElse(null);
      this.disqualificationReason = value == null ? null : Checks.text(value, "disqualificationReason");
      return this;
    }

    /**
     * Puts one custom attribute, replacing the value of a key already there.
     *
     * @param key the attribute's name, as {@link DealFacts#field(String)} looks it up; not blank, at most
     *     {@value Deal.Limits#MAX_ID_LENGTH} characters, no control or invisible characters
     * @param value the attribute's value, at most {@value Deal.Limits#MAX_TEXT_LENGTH} characters
     * @return this builder
     * @throws NullPointerException if {@code key} or {@code value} is {@code null}; the message names the key
     * @throws IllegalArgumentException if {@code key} or {@code value} is beyond the limits of {@link Deal.Limits},
     *     or the facts would have more than {@value Deal.Limits#MAX_ATTRIBUTES} attributes
     */
    public Builder putAttributes(String key, String value) {
      Checks.attributeKey(key, "of a deal");
      Checks.attributeValue(value, key, "of a deal");
      if (attributes.size() >= Deal.Limits.MAX_ATTRIBUTES && !attributes.containsKey(key)) {
        throw Checks.tooManyAttributes(attributes.size() + 1, "of a deal");
      }
      attributes.put(key, value);
      return this;
    }

    /**
     * Puts one custom attribute, replacing the value of a key already there.
     *
     * @param entry the attribute's name and value; neither may be {@code null}
     * @return this builder
     */
    public Builder putAttributes(Map.Entry<String, ? extends String> entry) {
      Objects.requireNonNull(entry, "attributes entry must not be null");
      return putAttributes(entry.getKey(), entry.getValue());
    }

    /**
     * Replaces the custom attributes.
     *
     * @param entries every custom attribute, by name; no key or value may be {@code null}
     * @return this builder
     */
    public Builder attributes(Map<String, ? extends String> entries) {
      Objects.requireNonNull(entries, "attributes must not be null");
      attributes.clear();
      return putAllAttributes(entries);
    }

    /**
     * Puts custom attributes, replacing the values of keys already there.
     *
     * @param entries the attributes to put, by name; no key or value may be {@code null}
     * @return this builder
     */
    public Builder putAllAttributes(Map<String, ? extends String> entries) {
      for (Map.Entry<String, ? extends String> entry : Objects.requireNonNull(entries, "attributes must not be null").entrySet()) {
        putAttributes(entry);
      }
      return this;
    }

    /**
     * Builds the facts; the builder stays usable, and later changes to it do not reach the facts built.
     *
     * @return the facts set so far, with everything not set unknown, empty or zero
     */
    public DealFacts build() {
      Milestones milestones = new Milestones(proposalSentAt, contractSignedAt, onboardedAt, lossReason,
          closingTechnique);
      Commercial commercial = new Commercial(expectedClose, forecastCategory, leadSource, parentDealId,
          List.copyOf(expansions), List.copyOf(stakeholders.values()), terms, List.copyOf(scorecards.values()));
      Profile profile = new Profile(source, leadTemperature, approachMethod, disqualificationReason,
          attributes.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(attributes)),
          referralsGiven, commercial.equals(Commercial.NONE) ? Commercial.NONE : commercial);
      return ImmutableDealFacts.of(bant, amount, ChannelSet.of(contactChannels), followUps, openObjections,
          resolvedObjections, presentations,
          milestones.equals(Milestones.NONE) ? Milestones.NONE : milestones,
          profile.equals(Profile.NONE) ? Profile.NONE : profile);
    }
  }

  /**
   * An objection a prospect raised and that is not resolved yet.
   *
   * @param category what the objection is about
   * @param detail the prospect's point, in a few words; may be empty
   * @param raisedAt when it was raised
   * @since 0.1
   */
  public record Objection(ObjectionCategory category, String detail, Instant raisedAt) {
    /**
     * Checks that every component is present.
     *
     * @param category what the objection is about
     * @param detail the prospect's point, in a few words; may be empty but not {@code null}
     * @param raisedAt when it was raised
     * @throws IllegalArgumentException if {@code detail} or {@code raisedAt} is beyond {@link Deal.Limits}
     */
    public Objection {
      Objects.requireNonNull(category, "category must not be null");
      Checks.text(detail, "detail");
      Checks.time(raisedAt, "raisedAt");
    }
  }

  /**
   * One follow-up with a prospect.
   *
   * @param at when it happened
   * @param channel how the prospect was reached
   * @param outcome what came of it
   * @since 0.1
   */
  public record FollowUp(Instant at, ContactChannel channel, FollowUpOutcome outcome) {
    /**
     * Checks that every component is present.
     *
     * @param at when it happened
     * @param channel how the prospect was reached
     * @param outcome what came of it
     * @throws IllegalArgumentException if {@code at} lies outside the years 1 to 9999
     */
    public FollowUp {
      Checks.time(at, "at");
      Objects.requireNonNull(channel, "channel must not be null");
      Objects.requireNonNull(outcome, "outcome must not be null");
    }
  }

  /**
   * A stakeholder engaged on the buying side.
   *
   * @param contact who: a name, an e-mail address or a CRM contact id
   * @param role the part they play in the decision
   * @param engagedAt when they were first engaged
   * @since 0.1
   */
  public record Stakeholder(String contact, StakeholderRole role, Instant engagedAt) {
    /**
     * Checks every component.
     *
     * @param contact who, held to the rules of ids: not blank, at most 255 characters, no control characters
     * @param role the part they play in the decision
     * @param engagedAt when they were first engaged
     * @throws IllegalArgumentException if {@code contact} or {@code engagedAt} is beyond {@link Deal.Limits}
     */
    public Stakeholder {
      Checks.id(contact, "contact");
      Objects.requireNonNull(role, "role must not be null");
      Checks.time(engagedAt, "engagedAt");
    }
  }

  /**
   * An expansion deal started from a customer's deal.
   *
   * @param dealId the expansion deal's id
   * @param kind upsell, cross-sell, renewal or repeat
   * @param startedAt when it was started
   * @since 0.1
   */
  public record Expansion(String dealId, LeadSource kind, Instant startedAt) {
    /**
     * Checks every component.
     *
     * @param dealId the expansion deal's id, held to the rules of deal ids
     * @param kind an expansion kind ({@link LeadSource#isExpansion()})
     * @param startedAt when it was started
     * @throws IllegalArgumentException if {@code kind} is not an expansion, or a value is beyond {@link Deal.Limits}
     */
    public Expansion {
      Checks.id(dealId, "dealId");
      Objects.requireNonNull(kind, "kind must not be null");
      if (!kind.isExpansion()) {
        throw new IllegalArgumentException("kind must be upsell, cross-sell, renewal or repeat, but was '"
            + kind.label() + "'");
      }
      Checks.time(startedAt, "startedAt");
    }
  }

  /**
   * The terms agreed in a negotiation.
   *
   * @param summary what was agreed, in a few words; may be empty
   * @param discountPercent the discount in percent of the list price, or null when none was recorded
   * @param paymentTerms the payment terms, or null when none were recorded
   * @param agreedAt when they were agreed
   * @since 0.1
   */
  public record Terms(String summary, @Nullable BigDecimal discountPercent, @Nullable String paymentTerms,
      Instant agreedAt) {
    /**
     * Checks every component.
     *
     * @param summary what was agreed; may be empty but not {@code null}
     * @param discountPercent from 0 to 100, or null
     * @param paymentTerms at most 4,096 characters, or null
     * @param agreedAt when they were agreed
     * @throws IllegalArgumentException if a value is beyond {@link Deal.Limits}, or the discount outside 0 to 100
     */
    public Terms {
      Checks.text(summary, "summary");
      if (discountPercent != null) {
        Checks.percent(discountPercent, "discountPercent");
      }
      if (paymentTerms != null) {
        Checks.text(paymentTerms, "paymentTerms");
      }
      Checks.time(agreedAt, "agreedAt");
    }
  }

  /**
   * A qualification scorecard of one framework: which of its elements are confirmed, which only identified, and a
   * note on each. Immutable; {@link #confirm} and {@link #identify} return changed copies.
   *
   * <pre>{@code
   * Scorecard card = Scorecard.of(Scorecard.Framework.MEDDIC)
   *     .confirm(Scorecard.Element.METRICS, "cut quote time by half")
   *     .confirm(Scorecard.Element.CHAMPION, "Dana, head of sales ops")
   *     .identify(Scorecard.Element.ECONOMIC_BUYER, "the CFO, not met yet");
   * }</pre>
   *
   * @param framework the framework scored
   * @param findings one finding per element assessed, in the framework's element order; elements not assessed
   *     have none
   * @since 0.1
   */
  public record Scorecard(Framework framework, List<Finding> findings) {
    /**
     * Checks that each finding is about an element of the framework, once, and sorts them.
     *
     * @param framework the framework scored
     * @param findings the findings, copied and sorted into the framework's element order
     * @throws IllegalArgumentException if an element is not the framework's, or has two findings
     */
    public Scorecard {
      Objects.requireNonNull(framework, "framework must not be null");
      Objects.requireNonNull(findings, "findings must not be null");
      List<Finding> sorted = new ArrayList<>(findings.size());
      for (Element element : framework.elements()) {
        for (Finding finding : findings) {
          if (Objects.requireNonNull(finding, "finding must not be null").element() == element) {
            if (!sorted.isEmpty() && sorted.get(sorted.size() - 1).element() == element) {
              throw new IllegalArgumentException(framework.label() + " scorecard has two findings on "
                  + element.label() + "; give one per element");
            }
            sorted.add(finding);
          }
        }
      }
      if (sorted.size() != findings.size()) {
        for (Finding finding : findings) {
          if (!framework.elements().contains(finding.element())) {
            throw new IllegalArgumentException(finding.element().label() + " is not an element of "
                + framework.label() + ", whose elements are " + framework.elements().stream().map(Element::label)
                    .toList());
          }
        }
      }
      findings = List.copyOf(sorted);
    }

    /**
     * Returns a scorecard of {@code framework} with nothing assessed.
     *
     * @param framework the framework
     * @return the empty scorecard
     */
    public static Scorecard of(Framework framework) {
      return new Scorecard(framework, List.of());
    }

    /**
     * Returns this scorecard with {@code element} confirmed.
     *
     * @param element an element of the framework
     * @param note what confirms it, in a few words (the champion's name, the metric); may be empty
     * @return the changed copy
     */
    public Scorecard confirm(Element element, String note) {
      return with(new Finding(element, true, note));
    }

    /**
     * Returns this scorecard with {@code element} identified but not confirmed.
     *
     * @param element an element of the framework
     * @param note what is known so far; may be empty
     * @return the changed copy
     */
    public Scorecard identify(Element element, String note) {
      return with(new Finding(element, false, note));
    }

    private Scorecard with(Finding finding) {
      List<Finding> next = new ArrayList<>(findings);
      next.removeIf(f -> f.element() == finding.element());
      next.add(finding);
      return new Scorecard(framework, next);
    }

    /**
     * Returns the finding on one element.
     *
     * @param element an element
     * @return the finding, or empty when the element was not assessed
     */
    public Optional<Finding> finding(Element element) {
      return findings.stream().filter(f -> f.element() == element).findFirst();
    }

    /**
     * Returns whether one element is confirmed.
     *
     * @param element an element
     * @return whether it was assessed and confirmed
     */
    public boolean confirmed(Element element) {
      return finding(element).map(Finding::confirmed).orElse(false);
    }

    /** {@return how many of the framework's elements are confirmed} */
    public int confirmedCount() {
      return (int) findings.stream().filter(Finding::confirmed).count();
    }

    /** The qualification frameworks a scorecard can score, each with its elements. */
    public enum Framework implements SalesEvent.Term {
      /** Metrics, economic buyer, decision criteria, decision process, identified pain, champion. */
      MEDDIC(Element.METRICS, Element.ECONOMIC_BUYER, Element.DECISION_CRITERIA, Element.DECISION_PROCESS,
          Element.IDENTIFIED_PAIN, Element.CHAMPION),
      /** MEDDIC with the paper process and the competition. */
      MEDDPICC(Element.METRICS, Element.ECONOMIC_BUYER, Element.DECISION_CRITERIA, Element.DECISION_PROCESS,
          Element.PAPER_PROCESS, Element.IDENTIFIED_PAIN, Element.CHAMPION, Element.COMPETITION),
      /** Challenges, authority, money, prioritisation. */
      CHAMP(Element.CHALLENGES, Element.AUTHORITY, Element.MONEY, Element.PRIORITIZATION);

      private final List<Element> elements;

      Framework(Element... elements) {
        this.elements = List.of(elements);
      }

      /** {@return the framework's elements, in the order its name spells them} */
      public List<Element> elements() {
        return elements;
      }

      /** {@return the name as sales teams write it, for example {@code "MEDDPICC"}} */
      @Override
      public String label() {
        return name();
      }
    }

    /** An element of a qualification framework. */
    public enum Element implements SalesEvent.Term {
      /** MEDDIC: the measurable gain the buyer expects. */
      METRICS,
      /** MEDDIC: the person who owns the budget and signs. */
      ECONOMIC_BUYER,
      /** MEDDIC: what the buyer will judge the offers by. */
      DECISION_CRITERIA,
      /** MEDDIC: the steps and people of the buyer's decision. */
      DECISION_PROCESS,
      /** MEDDPICC: the buyer's purchasing, legal and signature steps. */
      PAPER_PROCESS,
      /** MEDDIC: the pain the purchase removes. */
      IDENTIFIED_PAIN,
      /** MEDDIC: the insider who sells for the seller. */
      CHAMPION,
      /** MEDDPICC: who else the buyer is considering. */
      COMPETITION,
      /** CHAMP: the buyer's challenges. */
      CHALLENGES,
      /** CHAMP: who decides. */
      AUTHORITY,
      /** CHAMP: the budget. */
      MONEY,
      /** CHAMP: how high the purchase ranks among the buyer's priorities. */
      PRIORITIZATION;

      /** {@return the element in words, for example {@code "economic buyer"}} */
      @Override
      public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
      }
    }

    /**
     * What is known about one element.
     *
     * @param element the element
     * @param confirmed whether the buyer confirmed it, rather than the rep assuming it
     * @param note what is known, in a few words; may be empty
     */
    public record Finding(Element element, boolean confirmed, String note) {
      /**
       * Checks every component.
       *
       * @param element the element
       * @param confirmed whether it is confirmed
       * @param note at most 4,096 characters; may be empty but not {@code null}
       */
      public Finding {
        Objects.requireNonNull(element, "element must not be null");
        Checks.text(note, "note");
      }
    }
  }
}
