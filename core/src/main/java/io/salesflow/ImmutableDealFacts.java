package io.salesflow;

import io.salesflow.DealFacts.Objection;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The one implementation of {@link DealFacts}, written by hand (as {@link ImmutableDeal} is) so that a copy takes 48
 * bytes and an event that changes two facts copies the facts once: the referrals given and the commercial facts
 * live in the {@link DealFacts.Profile}, few events change them; an objections list made for the facts is kept as
 * given, since it is already unmodifiable. Equality and hash code are over the same attributes, with the same
 * values, as when Immutables generated this class; the open objections are kept in the same unmodifiable lists as
 * then.
 */
final class ImmutableDealFacts extends DealFacts {
  private final BantAssessment bant;
  private final @Nullable BigDecimal amount;
  private final ChannelSet channels;
  private final FollowUpLog followUps;
  private final List<Objection> openObjections;
  private final Milestones milestones;
  private final Profile profile;
  private final int resolvedObjections;
  private final int presentations;

  private ImmutableDealFacts(BantAssessment bant, @Nullable BigDecimal amount, ChannelSet channels,
      FollowUpLog followUps, List<Objection> openObjections, int resolvedObjections, int presentations,
      Milestones milestones, Profile profile) {
    this.bant = bant;
    this.amount = amount;
    this.channels = channels;
    this.followUps = followUps;
    this.openObjections = openObjections;
    this.resolvedObjections = resolvedObjections;
    this.presentations = presentations;
    this.milestones = milestones;
    this.profile = profile;
  }

  /**
   * Builds facts from the builder's values, taking an unmodifiable copy of the objections.
   *
   * @throws NullPointerException naming the attribute that is null
   */
  static DealFacts of(BantAssessment bant, @Nullable BigDecimal amount, ChannelSet channels, FollowUpLog followUps,
      Collection<? extends Objection> openObjections, int resolvedObjections, int presentations,
      Milestones milestones, Profile profile) {
    return new ImmutableDealFacts(Objects.requireNonNull(bant, "bant"), amount,
        Objects.requireNonNull(channels, "channels"), Objects.requireNonNull(followUps, "followUps"),
        objections(openObjections), resolvedObjections, presentations,
        Objects.requireNonNull(milestones, "milestones"), Objects.requireNonNull(profile, "profile"));
  }

  /**
   * An unmodifiable copy of {@code given}, in the list Immutables made for it: the empty list, a singleton list, or an
   * unmodifiable view of a copy of its own.
   *
   * @throws NullPointerException if an objection is null
   */
  static List<Objection> objections(Collection<? extends Objection> given) {
    switch (given.size()) {
      case 0:
        return Collections.emptyList();
      case 1:
        return Collections.singletonList(Objects.requireNonNull(given.iterator().next(), "element"));
      default:
        List<Objection> copy = new ArrayList<>(given.size());
        for (Objection objection : given) {
          copy.add(Objects.requireNonNull(objection, "element"));
        }
        return Collections.unmodifiableList(copy);
    }
  }

  /**
   * {@code objections}, made for the facts and handed over, as {@link #objections} would copy it: a list of one
   * becomes a singleton list, a longer one an unmodifiable view of the very list, which the caller no longer touches.
   */
  static List<Objection> handedOver(ArrayList<Objection> objections) {
    switch (objections.size()) {
      case 0:
        return Collections.emptyList();
      case 1:
        return Collections.singletonList(objections.get(0));
      default:
        return Collections.unmodifiableList(objections);
    }
  }

  @Override
  public BantAssessment bant() {
    return bant;
  }

  @Override
  public Optional<BigDecimal> amount() {
    return Optional.ofNullable(amount);
  }

  @Override
  ChannelSet channels() {
    return channels;
  }

  @Override
  public FollowUpLog followUps() {
    return followUps;
  }

  @Override
  public List<Objection> openObjections() {
    return openObjections;
  }

  @Override
  public int resolvedObjections() {
    return resolvedObjections;
  }

  @Override
  public int presentations() {
    return presentations;
  }

  @Override
  Milestones milestones() {
    return milestones;
  }

  @Override
  Profile profile() {
    return profile;
  }

  @Override
  Commercial commercial() {
    return profile.commercial();
  }

  // ---- copies: each takes one new object, or none when nothing changes. An amount equal to the one known keeps it.

  ImmutableDealFacts withBant(BantAssessment value) {
    return value == bant ? this : new ImmutableDealFacts(Objects.requireNonNull(value, "bant"), amount, channels,
        followUps, openObjections, resolvedObjections, presentations, milestones, profile);
  }

  ImmutableDealFacts withAmount(BigDecimal value) {
    return withMilestonesAndAmount(milestones, Objects.requireNonNull(value, "amount"));
  }

  ImmutableDealFacts withChannels(ChannelSet value) {
    return withChannelsAndProfile(value, profile);
  }

  /** The channels and the profile, as a contact with an approach method changes them. */
  ImmutableDealFacts withChannelsAndProfile(ChannelSet channelsValue, Profile profileValue) {
    if (channelsValue == channels && profileValue == profile) {
      return this;
    }
    return new ImmutableDealFacts(bant, amount, Objects.requireNonNull(channelsValue, "channels"), followUps,
        openObjections, resolvedObjections, presentations, milestones,
        Objects.requireNonNull(profileValue, "profile"));
  }

  /** The channels and the follow-ups, as a follow-up logged changes them. */
  ImmutableDealFacts withChannelsAndFollowUps(ChannelSet channelsValue, FollowUpLog followUpsValue) {
    if (channelsValue == channels && followUpsValue == followUps) {
      return this;
    }
    return new ImmutableDealFacts(bant, amount, Objects.requireNonNull(channelsValue, "channels"),
        Objects.requireNonNull(followUpsValue, "followUps"), openObjections, resolvedObjections, presentations,
        milestones, profile);
  }

  /**
   * The open objections and the count of resolved ones.
   *
   * @param open an unmodifiable list that no one changes, of the kind {@link #objections} makes; kept as it is
   */
  ImmutableDealFacts withObjections(List<Objection> open, int resolved) {
    if (open == openObjections && resolved == resolvedObjections) {
      return this;
    }
    return new ImmutableDealFacts(bant, amount, channels, followUps, Objects.requireNonNull(open, "openObjections"),
        resolved, presentations, milestones, profile);
  }

  ImmutableDealFacts withPresentations(int value) {
    return value == presentations ? this : new ImmutableDealFacts(bant, amount, channels, followUps, openObjections,
        resolvedObjections, value, milestones, profile);
  }

  ImmutableDealFacts withReferralsGiven(int value) {
    return value == profile.referralsGiven() ? this : withProfile(profile.withReferralsGiven(value));
  }

  ImmutableDealFacts withMilestones(Milestones value) {
    return withMilestonesAndAmount(value, null);
  }

  /**
   * The milestones and, unless null, the amount, as a proposal or a win changes them.
   *
   * @param amountValue the new amount, or null to keep the one known
   */
  ImmutableDealFacts withMilestonesAndAmount(Milestones milestonesValue, @Nullable BigDecimal amountValue) {
    BigDecimal nextAmount = amountValue == null || amountValue.equals(amount) ? amount : amountValue;
    if (milestonesValue == milestones && nextAmount == amount) {
      return this;
    }
    return new ImmutableDealFacts(bant, nextAmount, channels, followUps, openObjections, resolvedObjections,
        presentations, Objects.requireNonNull(milestonesValue, "milestones"), profile);
  }

  ImmutableDealFacts withProfile(Profile value) {
    return withProfileAndMilestones(value, milestones);
  }

  /** The profile and the milestones, as a disqualification changes them. */
  ImmutableDealFacts withProfileAndMilestones(Profile profileValue, Milestones milestonesValue) {
    if (profileValue == profile && milestonesValue == milestones) {
      return this;
    }
    return new ImmutableDealFacts(bant, amount, channels, followUps, openObjections, resolvedObjections,
        presentations, Objects.requireNonNull(milestonesValue, "milestones"),
        Objects.requireNonNull(profileValue, "profile"));
  }

  /**
   * The commercial facts and, unless null, the amount, as a forecast changes them.
   *
   * @param amountValue the new amount, or null to keep the one known
   */
  ImmutableDealFacts withCommercialAndAmount(Commercial commercialValue, @Nullable BigDecimal amountValue) {
    BigDecimal nextAmount = amountValue == null || amountValue.equals(amount) ? amount : amountValue;
    if (commercialValue == profile.commercial() && nextAmount == amount) {
      return this;
    }
    return new ImmutableDealFacts(bant, nextAmount, channels, followUps, openObjections, resolvedObjections,
        presentations, milestones, profile.withCommercial(Objects.requireNonNull(commercialValue, "commercial")));
  }

  ImmutableDealFacts withCommercial(Commercial value) {
    return withCommercialAndAmount(value, null);
  }

  @Override
  public boolean equals(@Nullable Object another) {
    if (this == another) {
      return true;
    }
    return another instanceof ImmutableDealFacts that
        && bant.equals(that.bant)
        && Objects.equals(amount, that.amount)
        && channels.equals(that.channels)
        && followUps.equals(that.followUps)
        && openObjections.equals(that.openObjections)
        && resolvedObjections == that.resolvedObjections
        && presentations == that.presentations
        && milestones.equals(that.milestones)
        && profile.equals(that.profile);
  }

  @Override
  public int hashCode() {
    int h = 5381;
    h += (h << 5) + bant.hashCode();
    h += (h << 5) + Objects.hashCode(amount);
    h += (h << 5) + channels.hashCode();
    h += (h << 5) + followUps.hashCode();
    h += (h << 5) + openObjections.hashCode();
    h += (h << 5) + resolvedObjections;
    h += (h << 5) + presentations;
    h += (h << 5) + profile.referralsGiven();
    h += (h << 5) + milestones.hashCode();
    h += (h << 5) + profile.hashCode();
    h += (h << 5) + profile.commercial().hashCode();
    return h;
  }
}
