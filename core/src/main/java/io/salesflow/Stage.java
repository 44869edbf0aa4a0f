package io.salesflow;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.immutables.value.Value;

/**
 * One stage of a sales process, with the CRM metadata a sales team expects to see next to it.
 *
 * <p>Build one with {@link #builder()}, or with the shortcuts {@link #open(String, String)},
 * {@link #postSale(String, String)}, {@link #won(String, String)} and {@link #lost(String, String)}. Ids are stable,
 * lower-case kebab-case ({@code "qualifying"}); they are what deals, stores and diagrams refer to.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @since 0.1
 */
@Value.Immutable
@ValueStyle
public abstract class Stage {
  Stage() {}

  /** {@return the stable id, in lower-case kebab-case of at most 255 characters, for example {@code "qualifying"}} */
  public abstract String id();

  /** {@return the display name, for example {@code "Qualifying"}} */
  public abstract String name();

  /** {@return a short description of what happens in this stage; empty when none was given} */
  @Value.Default
  public String description() {
    return "";
  }

  /** {@return whether this is an open pipeline stage, a post-sale stage or a won or lost outcome} */
  public abstract StageKind kind();

  /**
   * {@return the default probability, between 0 and 1, that a deal in this stage is eventually won, as CRMs show it}
   */
  public abstract OptionalDouble winProbability();

  /**
   * Returns the forecast category of deals in this stage, as CRMs attach one to each stage: set with the builder, or
   * else {@link ForecastCategory#PIPELINE pipeline} for an open stage, {@link ForecastCategory#CLOSED closed} for a
   * post-sale or won stage and {@link ForecastCategory#OMITTED omitted} for a lost one. A deal's own
   * {@link DealFacts#forecastCategory() override} takes precedence.
   *
   * @return the category
   */
  @Value.Default
  public ForecastCategory forecastCategory() {
    switch (kind()) {
      case OPEN:
        return ForecastCategory.PIPELINE;
      case LOST:
        return ForecastCategory.OMITTED;
      default:
        return ForecastCategory.CLOSED;
    }
  }

  /**
   * {@return how long a deal may sit in this stage before it counts as stalled, positive and at most 3,660 days
   * ({@link Deal.Limits#MAX_DURATION}); empty when it never does}
   */
  public abstract Optional<Duration> stallAfter();

  /** {@return advice for the sales rep working a deal in this stage; empty when none was given} */
  @Value.Default
  public String guidance() {
    return "";
  }

  /**
   * Returns the deal fields that must be known before a deal may enter this stage, such as {@code "amount"} before a
   * proposal. The names are those of {@link DealFacts#field(String)}.
   *
   * @return the field names; empty when entering needs none
   */
  public abstract Set<String> requiredToEnter();

  /**
   * Returns the deal fields that must be known before a deal may leave this stage for another one. The names are
   * those of {@link DealFacts#field(String)}.
   *
   * @return the field names; empty when leaving needs none
   */
  public abstract Set<String> requiredToLeave();

  /**
   * Returns the stall cut-off at {@code now}: a deal that entered this stage before the returned instant is stalled.
   * A deal exactly at its threshold is not stalled yet.
   *
   * @param now the instant to judge at, usually the engine clock's
   * @return the cut-off, or empty when deals never stall here: the stage has no {@link #stallAfter() threshold}, or
   *     it is won or lost
   */
  public final Optional<Instant> stallCutoff(Instant now) {
    Objects.requireNonNull(now, "now must not be null");
    return isTerminal() ? Optional.empty() : stallAfter().map(now::minus);
  }

  /**
   * Returns whether {@code deal} is stalled at {@code now}; see {@link #stallCutoff}.
   *
   * @param deal a deal in this stage; its stage is not checked
   * @param now the instant to judge at, usually the engine clock's
   * @return whether the deal entered this stage before the cut-off
   */
  public final boolean isStalled(Deal deal, Instant now) {
    Objects.requireNonNull(deal, "deal must not be null");
    return stallCutoff(now).map(deal.enteredStageAt()::isBefore).orElse(false);
  }

  /** {@return whether no transition may leave this stage} */
  public final boolean isTerminal() {
    return kind().isTerminal();
  }

  @Value.Check
  final void check() {
    Checks.kebabId(id(), "stage id");
    Checks.notBlank(name(), "stage name");
    if (winProbability().isPresent()) {
      double p = winProbability().getAsDouble();
      if (!(p >= 0 && p <= 1)) {
        throw new IllegalArgumentException(
            "win probability of stage '" + id() + "' must be between 0 and 1, but was " + p);
      }
    }
    stallAfter().ifPresent(d -> Checks.duration(d, "stall threshold of stage '" + id() + "'"));
    checkForecastCategory();
    for (String field : requiredToEnter()) {
      Checks.id(field, "required field of stage '" + id() + "'");
    }
    for (String field : requiredToLeave()) {
      Checks.id(field, "required field of stage '" + id() + "'");
    }
  }

  private void checkForecastCategory() {
    ForecastCategory category = forecastCategory();
    boolean fits = switch (kind()) {
      case OPEN -> category != ForecastCategory.CLOSED;
      case LOST -> category == ForecastCategory.OMITTED;
      default -> category == ForecastCategory.CLOSED;
    };
    if (!fits) {
      throw new IllegalArgumentException("forecast category of stage '" + id() + "' must be "
          + (kind() == StageKind.OPEN ? "pipeline, best-case, commit or omitted for an open stage"
              : kind() == StageKind.LOST ? "omitted for a lost stage" : "closed for a " + kind().name()
                  .toLowerCase(java.util.Locale.ROOT).replace('_', '-') + " stage")
          + ", but was " + category.label());
    }
  }

  /** {@return a builder initialised from this stage, to derive a changed copy} */
  public final Builder toBuilder() {
    return builder().from(this);
  }

  /** {@return a new, empty builder} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns an open pipeline stage with no metadata.
   *
   * @param id the stable id, in lower-case kebab-case
   * @param name the display name; not blank
   * @return the stage
   * @throws IllegalArgumentException if {@code id} is not kebab-case or {@code name} is blank
   */
  public static Stage open(String id, String name) {
    return builder().id(id).name(name).kind(StageKind.OPEN).build();
  }

  /**
   * Returns a post-sale stage with no metadata.
   *
   * @param id the stable id, in lower-case kebab-case
   * @param name the display name; not blank
   * @return the stage
   * @throws IllegalArgumentException if {@code id} is not kebab-case or {@code name} is blank
   */
  public static Stage postSale(String id, String name) {
    return builder().id(id).name(name).kind(StageKind.POST_SALE).build();
  }

  /**
   * Returns a terminal won stage, with a win probability of 1.
   *
   * @param id the stable id, in lower-case kebab-case
   * @param name the display name; not blank
   * @return the stage
   * @throws IllegalArgumentException if {@code id} is not kebab-case or {@code name} is blank
   */
  public static Stage won(String id, String name) {
    return builder().id(id).name(name).kind(StageKind.WON).winProbability(1.0).build();
  }

  /**
   * Returns a terminal lost stage, with a win probability of 0.
   *
   * @param id the stable id, in lower-case kebab-case
   * @param name the display name; not blank
   * @return the stage
   * @throws IllegalArgumentException if {@code id} is not kebab-case or {@code name} is blank
   */
  public static Stage lost(String id, String name) {
    return builder().id(id).name(name).kind(StageKind.LOST).winProbability(0.0).build();
  }

  /**
   * The forecast categories CRMs sort deals into (Salesforce's pipeline, best case, commit, closed and omitted):
   * how sure the team is that a deal closes in its expected period. A stage has one
   * ({@link Stage#forecastCategory()}); a rep may put a deal in another ({@link SalesEvent.ForecastUpdated}).
   *
   * @since 0.1
   */
  public enum ForecastCategory implements SalesEvent.Term {
    /** Open and worked, but not yet likely: counted at its stage's probability only. */
    PIPELINE,

    /** Could close in the period if things go well. */
    BEST_CASE,

    /** The rep is confident it closes in the period. */
    COMMIT,

    /** Won. */
    CLOSED,

    /** Left out of the forecast: lost, or not to be counted. */
    OMITTED
  }

  /** Builds {@link Stage} values; {@code id}, {@code name} and {@code kind} are required. */
  public static final class Builder extends ImmutableStage.Builder {
    Builder() {}
  }
}
