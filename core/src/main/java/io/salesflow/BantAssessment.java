package io.salesflow;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A BANT qualification of a deal: budget, authority, need and timing.
 *
 * <p>Partial assessments are normal: each dimension is optional, and a dimension that is present may still be
 * unconfirmed (a budget mentioned but not confirmed, say). The {@code *Confirmed()} methods say which dimensions a
 * guard may count on. “7-step sales process” (Lucidchart) notes that a purchase involves 6.8 stakeholders on
 * average, which is why {@link Authority} records how many are involved besides whether the decision-maker is known.
 *
 * <pre>{@code
 * BantAssessment bant = BantAssessment.builder()
 *     .budget(new BigDecimal("25000"), true)
 *     .authority(true, 4)
 *     .painPoints("manual reporting", "slow onboarding")
 *     .decisionBy(LocalDate.of(2026, 12, 15))
 *     .build();
 * }</pre>
 *
 * @since 0.1
 */
@Value.Immutable
@ValueStyle
public abstract class BantAssessment {
  private static final BantAssessment UNKNOWN = builder().build();

  BantAssessment() {}

  /** {@return the budget the prospect has for this purchase, when discussed} */
  public abstract Optional<Budget> budget();

  /** {@return who decides, when known} */
  public abstract Optional<Authority> authority();

  /** {@return the pain points the prospect stated, when discussed} */
  public abstract Optional<Need> need();

  /** {@return when the prospect intends to decide, when known} */
  public abstract Optional<Timing> timing();

  /** {@return whether a budget was discussed and confirmed} */
  public final boolean budgetConfirmed() {
    return budget().map(Budget::confirmed).orElse(false);
  }

  /** {@return whether the decision-maker has been identified} */
  public final boolean authorityConfirmed() {
    return authority().map(Authority::decisionMakerIdentified).orElse(false);
  }

  /** {@return whether at least one pain point was stated} */
  public final boolean needConfirmed() {
    return need().map(n -> !n.painPoints().isEmpty()).orElse(false);
  }

  /** {@return whether a target decision date is known} */
  public final boolean timingConfirmed() {
    return timing().isPresent();
  }

  /** {@return how many of the four dimensions are confirmed, from 0 to 4} */
  public final int confirmedCount() {
    return (budgetConfirmed() ? 1 : 0) + (authorityConfirmed() ? 1 : 0) + (needConfirmed() ? 1 : 0)
        + (timingConfirmed() ? 1 : 0);
  }

  /** {@return an assessment in which nothing is known yet} */
  public static BantAssessment unknown() {
    return UNKNOWN;
  }

  /** {@return a new, empty builder} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a builder initialised from this assessment, to derive a changed copy} */
  public final Builder toBuilder() {
    return builder().from(this);
  }

  /**
   * The prospect's budget.
   *
   * @param amount the amount available, not negative
   * @param confirmed whether the prospect confirmed it, rather than the rep estimating it
   */
  public record Budget(BigDecimal amount, boolean confirmed) {
    /**
     * Checks the amount.
     *
     * @param amount the amount available; zero is allowed, negative is not
     * @param confirmed whether the prospect confirmed it, rather than the rep estimating it
     * @throws IllegalArgumentException if {@code amount} is negative or has more than 18 digits before the decimal
     *     point or 6 after it ({@link Deal.Limits})
     */
    public Budget {
      Checks.amount(amount, "budget amount");
    }
  }

  /**
   * Who decides.
   *
   * @param decisionMakerIdentified whether the person who signs off is known and involved
   * @param stakeholders how many people take part in the decision, 0 when not known
   */
  public record Authority(boolean decisionMakerIdentified, int stakeholders) {
    /**
     * Checks the number of stakeholders.
     *
     * @param decisionMakerIdentified whether the person who signs off is known and involved
     * @param stakeholders how many people take part in the decision, 0 when not known
     * @throws IllegalArgumentException if {@code stakeholders} is negative or above
     *     {@value Deal.Limits#MAX_COUNT}
     */
    public Authority {
      Checks.count(stakeholders, "stakeholders");
    }
  }

  /**
   * What the prospect needs solved.
   *
   * @param painPoints the problems the prospect stated, in their words; copied
   */
  public record Need(List<String> painPoints) {
    /**
     * Copies the pain points.
     *
     * @param painPoints the problems the prospect stated, in their words; may be empty, must not hold {@code null}
     * @throws IllegalArgumentException if there are more than {@value Deal.Limits#MAX_ATTRIBUTES} pain points or one
     *     is longer than {@value Deal.Limits#MAX_TEXT_LENGTH} characters
     */
    public Need {
      Objects.requireNonNull(painPoints, "painPoints must not be null");
      for (String painPoint : painPoints) {
        Objects.requireNonNull(painPoint, "pain point must not be null");
      }
      painPoints = List.copyOf(painPoints);
      if (painPoints.size() > Deal.Limits.MAX_ATTRIBUTES) {
        throw new IllegalArgumentException("painPoints must be at most " + Deal.Limits.MAX_ATTRIBUTES
            + ", but there are " + painPoints.size());
      }
      for (String painPoint : painPoints) {
        Checks.text(painPoint, "pain point");
      }
    }
  }

  /**
   * When the prospect intends to decide.
   *
   * @param decisionDate the target decision date
   */
  public record Timing(LocalDate decisionDate) {
    /**
     * Requires a decision date.
     *
     * @param decisionDate the target decision date
     * @throws IllegalArgumentException if {@code decisionDate} lies outside the years 1 to 9999
     */
    public Timing {
      Checks.date(decisionDate, "decisionDate");
    }
  }

  /** Builds {@link BantAssessment} values; every dimension is optional. */
  public static final class Builder extends ImmutableBantAssessment.Builder {
    Builder() {}

    /**
     * Sets the budget, replacing any set before.
     *
     * @param amount the amount available, not negative
     * @param confirmed whether the prospect confirmed it, rather than the rep estimating it
     * @return this builder
     * @throws IllegalArgumentException if {@code amount} is negative
     */
    public Builder budget(BigDecimal amount, boolean confirmed) {
      budget(new Budget(amount, confirmed));
      return this;
    }

    /**
     * Sets the authority, replacing any set before.
     *
     * @param decisionMakerIdentified whether the person who signs off is known and involved
     * @param stakeholders how many people take part in the decision, 0 when not known
     * @return this builder
     * @throws IllegalArgumentException if {@code stakeholders} is negative
     */
    public Builder authority(boolean decisionMakerIdentified, int stakeholders) {
      authority(new Authority(decisionMakerIdentified, stakeholders));
      return this;
    }

    /**
     * Sets the need from the pain points stated, replacing any set before.
     *
     * @param painPoints the problems the prospect stated, in their words; none stated leaves the need unconfirmed
     * @return this builder
     */
    public Builder painPoints(String... painPoints) {
      need(new Need(Arrays.asList(Objects.requireNonNull(painPoints, "painPoints must not be null"))));
      return this;
    }

    /**
     * Sets the timing from the target decision date, replacing any set before.
     *
     * @param decisionDate the date by which the prospect intends to decide
     * @return this builder
     */
    public Builder decisionBy(LocalDate decisionDate) {
      timing(new Timing(decisionDate));
      return this;
    }
  }
}
