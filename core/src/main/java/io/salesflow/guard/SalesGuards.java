package io.salesflow.guard;

import io.salesflow.BantAssessment;
import io.salesflow.Deal;
import io.salesflow.DealFacts;
import io.salesflow.DealFacts.Scorecard;
import io.salesflow.DealFacts.Objection;
import io.salesflow.GuardVerdict;
import io.salesflow.SalesEvent;
import io.salesflow.SalesEvent.ContactChannel;
import io.salesflow.SalesEvent.LossReason;
import io.salesflow.TransitionGuard;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Factories for the guards the documented sales processes rely on.
 *
 * <p>Every guard reads the deal's facts as they would be after the event (so a BANT guard on
 * {@code qualification-assessed} judges the new assessment), is pure and thread-safe, labels itself for diagrams,
 * and lists every unmet condition when it denies, each prefixed with what it is about:
 * {@code "authority: no decision-maker identified"}, {@code "budget: 4,000 confirmed, at least 10,000 required"}.
 *
 * <pre>{@code
 * SalesProcess.builder("inbound")
 *     .transition("qualifying", EventType.QUALIFICATION_ASSESSED, "presenting",
 *         SalesGuards.bantAtLeast(3).and(SalesGuards.minimumConfirmedBudget(new BigDecimal("10000"))))
 *     .transition("presenting", EventType.CLOSED_LOST, "lost", SalesGuards.followUpsBeforeNoResponseLoss())
 *     ...
 * }</pre>
 *
 * @since 0.1
 */
public final class SalesGuards {
  /**
   * How many follow-ups a deal gets before it may be dropped for no response, by default: five. “7-step sales
   * process” (Lucidchart) reports that 80% of sales need at least five follow-ups while 44% of sellers give up after
   * one rejection. It is a default drawn from that figure, not a law; pass your own number to
   * {@link #followUpsBeforeNoResponseLoss(int)}.
   */
  public static final int DEFAULT_FOLLOW_UPS_BEFORE_NO_RESPONSE_LOSS = 5;

  /** The longest {@link #decisionWithin} horizon, in years and months together: 100 years. */
  private static final long MAX_HORIZON_MONTHS = 1_200;
  /** The longest {@link #decisionWithin} horizon, in days: 100 years. */
  private static final int MAX_HORIZON_DAYS = 36_525;

  private SalesGuards() {}

  // ---------------------------------------------------------------- BANT

  /**
   * Allows when all four BANT dimensions are confirmed; a denial lists each unconfirmed one.
   *
   * @return the guard, labelled {@code "BANT: all four confirmed"}
   */
  public static TransitionGuard bantAllConfirmed() {
    return bantAtLeast(4);
  }

  /**
   * Allows when at least {@code k} of the four BANT dimensions are confirmed; a denial says how many are and lists
   * each unconfirmed dimension.
   *
   * @param k from 1 to 4
   * @return the guard
   * @throws IllegalArgumentException if {@code k} is outside 1..4
   */
  public static TransitionGuard bantAtLeast(int k) {
    if (k < 1 || k > 4) {
      throw new IllegalArgumentException("k must be between 1 and 4 BANT dimensions, but was " + k);
    }
    String label = k == 4 ? "BANT: all four confirmed" : "BANT: at least " + k + " of 4 confirmed";
    return bant(label, bant -> {
      if (bant.confirmedCount() >= k) {
        return List.of();
      }
      List<String> reasons = new ArrayList<>();
      if (k < 4) {
        reasons.add("BANT: " + bant.confirmedCount() + " of 4 dimensions confirmed, at least " + k + " required");
      }
      reasons.addAll(unconfirmedDimensions(bant));
      return reasons;
    });
  }

  /**
   * Allows when a budget of at least {@code minimum} is confirmed; a budget only mentioned does not count.
   *
   * @param minimum the smallest confirmed budget that allows, not negative
   * @return the guard
   * @throws IllegalArgumentException if {@code minimum} is negative or beyond the amount limits of
   *     {@link Deal.Limits}: at most 18 digits before the decimal point and 6 after it
   */
  public static TransitionGuard minimumConfirmedBudget(BigDecimal minimum) {
    Deal.Limits.requireAmount(minimum, "minimum budget");
    String required = "at least " + amount(minimum) + " required";
    String unconfirmed = " mentioned but not confirmed, " + required;
    String confirmed = " confirmed, " + required;
    return bant("budget >= " + amount(minimum), bant -> {
      BantAssessment.Budget budget = bant.budget().orElse(null); // one look-up, one Optional at most
      if (budget == null) {
        return List.of("budget: unknown, " + required);
      }
      if (!budget.confirmed()) {
        return List.of(withAmount("budget: ", budget.amount(), unconfirmed));
      }
      return budget.amount().compareTo(minimum) >= 0
          ? List.of()
          : List.of(withAmount("budget: ", budget.amount(), confirmed));
    });
  }

  /**
   * Allows when the prospect's target decision date lies between today and today plus {@code horizon}, both
   * included, today being the engine clock's date in UTC.
   *
   * @param horizon how far ahead the decision may be, for example {@code Period.ofDays(90)}; not negative, and at
   *     most 100 years (years and months together at most 1,200 months, days at most 36,525)
   * @return the guard; a past decision date is denied too
   * @throws IllegalArgumentException if {@code horizon} is negative or longer than 100 years
   */
  public static TransitionGuard decisionWithin(Period horizon) {
    return decisionWithin(horizon, ZoneOffset.UTC);
  }

  /**
   * Allows when the prospect's target decision date lies between today and today plus {@code horizon}, both
   * included, today being the engine clock's date in {@code zone}.
   *
   * @param horizon how far ahead the decision may be; not negative, and at most 100 years (years and months
   *     together at most 1,200 months, days at most 36,525)
   * @param zone the zone whose calendar decides what today is
   * @return the guard; a past decision date is denied too
   * @throws IllegalArgumentException if {@code horizon} is negative or longer than 100 years
   */
  public static TransitionGuard decisionWithin(Period horizon, ZoneId zone) {
    Objects.requireNonNull(horizon, "horizon must not be null");
    Objects.requireNonNull(zone, "zone must not be null");
    if (horizon.isNegative()) {
      throw new IllegalArgumentException("horizon must not be negative, but was " + horizon);
    }
    if (horizon.toTotalMonths() > MAX_HORIZON_MONTHS || horizon.getDays() > MAX_HORIZON_DAYS) {
      throw new IllegalArgumentException("horizon must be at most 100 years (" + MAX_HORIZON_MONTHS
          + " months in its years and months, " + MAX_HORIZON_DAYS + " in its days), but was " + horizon);
    }
    return TransitionGuard.named("decision within " + horizon, ctx -> {
      BantAssessment bant = ctx.facts().bant();
      if (bant.timing().isEmpty()) {
        return GuardVerdict.deny("timing: no decision date known, one within " + horizon + " required");
      }
      LocalDate today = LocalDate.ofInstant(ctx.now(), zone);
      LocalDate date = bant.timing().get().decisionDate();
      LocalDate latest = today.plus(horizon);
      if (date.isBefore(today)) {
        return GuardVerdict.deny("timing: decision date " + date + " has passed; agree a new one");
      }
      return date.isAfter(latest)
          ? GuardVerdict.deny("timing: decision date " + date + " is after " + latest + ", the end of the "
              + horizon + " horizon")
          : GuardVerdict.allow();
    });
  }

  /**
   * A user-defined BANT policy.
   *
   * @param label what the policy requires, for diagrams and messages
   * @param unmetConditions returns every unmet condition as a reason naming its dimension
   *     ({@code "need: fewer than two pain points stated"}), or an empty list when the policy is met; never
   *     {@code null}
   * @return the guard, judging the assessment as it would be after the event; it fails with an
   *     {@link IllegalStateException} naming {@code label} if {@code unmetConditions} returns {@code null}
   */
  public static TransitionGuard bant(String label, Function<BantAssessment, List<String>> unmetConditions) {
    Objects.requireNonNull(unmetConditions, "unmetConditions must not be null");
    return TransitionGuard.named(label, ctx -> {
      List<String> unmet = unmetConditions.apply(ctx.facts().bant());
      if (unmet == null) {
        throw new IllegalStateException("BANT policy " + Deal.Limits.quote(label) + " returned null for deal '"
            + ctx.deal().id() + "' on event '" + ctx.event().type() + "'; return an empty list when the policy is met");
      }
      return unmet.isEmpty() ? GuardVerdict.allow() : GuardVerdict.deny(unmet);
    });
  }

  /** Returns a reason for every unconfirmed BANT dimension, in B, A, N, T order. */
  static List<String> unconfirmedDimensions(BantAssessment bant) {
    List<String> reasons = new ArrayList<>(4);
    if (!bant.budgetConfirmed()) {
      reasons.add(bant.budget().map(b -> "budget: " + amount(b.amount()) + " mentioned but not confirmed")
          .orElse("budget: unknown"));
    }
    if (!bant.authorityConfirmed()) {
      reasons.add("authority: no decision-maker identified");
    }
    if (!bant.needConfirmed()) {
      reasons.add("need: no pain points stated");
    }
    if (!bant.timingConfirmed()) {
      reasons.add("timing: no decision date known");
    }
    return reasons;
  }

  // ---------------------------------------------------------------- follow-ups

  /**
   * Denies dropping a deal as lost for {@link LossReason#NO_RESPONSE no response} before
   * {@value #DEFAULT_FOLLOW_UPS_BEFORE_NO_RESPONSE_LOSS} follow-ups; losses for any other reason are allowed.
   *
   * @return the guard
   */
  public static TransitionGuard followUpsBeforeNoResponseLoss() {
    return followUpsBeforeNoResponseLoss(DEFAULT_FOLLOW_UPS_BEFORE_NO_RESPONSE_LOSS);
  }

  /**
   * Denies dropping a deal as lost for {@link LossReason#NO_RESPONSE no response} before {@code n} follow-ups were
   * made; losses for any other reason, and every other event, are allowed. Counted from the deal's recorded
   * follow-ups, so it holds for deals restored from a store.
   *
   * @param n how many follow-ups, whatever came of them, must be made first; from 0 (every loss is allowed) to
   *     {@value Deal.Limits#MAX_FOLLOW_UPS}
   * @return the guard
   * @throws IllegalArgumentException if {@code n} is negative or above {@value Deal.Limits#MAX_FOLLOW_UPS}
   */
  public static TransitionGuard followUpsBeforeNoResponseLoss(int n) {
    between(n, 0, Deal.Limits.MAX_FOLLOW_UPS, "n",
        "follow-ups before a deal may be dropped for no response; no sales process asks for more");
    return TransitionGuard.named(n + " follow-ups before no-response loss", ctx -> {
      if (!(ctx.event() instanceof SalesEvent.ClosedLost lost) || lost.reason() != LossReason.NO_RESPONSE) {
        return GuardVerdict.allow();
      }
      int made = ctx.facts().followUps().count();
      return made >= n
          ? GuardVerdict.allow()
          : GuardVerdict.deny("follow-ups: " + made + " of " + n + " made before dropping for no response; most"
              + " sales need several follow-ups, so follow up " + (n - made) + " more time" + (n - made == 1 ? "" : "s"));
    });
  }

  /**
   * Allows once the last {@code m} follow-ups in a row went unanswered, as a move to nurture requires.
   *
   * @param m how many of the latest follow-ups must have had no response; from 1 to
   *     {@value Deal.Limits#MAX_FOLLOW_UPS}
   * @return the guard
   * @throws IllegalArgumentException if {@code m} is less than 1 or above {@value Deal.Limits#MAX_FOLLOW_UPS}
   */
  public static TransitionGuard unansweredFollowUpsAtLeast(int m) {
    between(m, 1, Deal.Limits.MAX_FOLLOW_UPS, "m",
        "unanswered follow-ups in a row; no sales process waits for more");
    return TransitionGuard.named(m + " unanswered follow-ups", ctx -> {
      int unanswered = ctx.facts().followUps().unansweredInARow();
      return unanswered >= m
          ? GuardVerdict.allow()
          : GuardVerdict.deny("follow-ups: " + unanswered + " unanswered in a row, " + m + " required first");
    });
  }

  // ---------------------------------------------------------------- objections, contact, fields

  /**
   * Denies while any objection is open, listing them; resolve them with {@code objection-resolved} first.
   *
   * @return the guard, labelled {@code "no open objections"}
   */
  public static TransitionGuard noOpenObjections() {
    return TransitionGuard.named("no open objections", ctx -> {
      List<Objection> open = ctx.facts().openObjections();
      if (open.isEmpty()) {
        return GuardVerdict.allow();
      }
      return GuardVerdict.deny("objections: " + open.size() + " open ("
          + open.stream().map(o -> o.category().label()).distinct().collect(Collectors.joining(", "))
          + "); resolve " + (open.size() == 1 ? "it" : "them") + " before moving on");
    });
  }

  /**
   * Allows once the prospect has been reached through at least {@code n} different channels
   * (“The 7 Stages of the Sales Process” asks for more than one before contact counts as made).
   *
   * @param n how many different channels; from 1 to the number of {@link ContactChannel} constants (6)
   * @return the guard, counting the channel of the event being fired as well
   * @throws IllegalArgumentException if {@code n} is less than 1 or more than there are channels
   */
  public static TransitionGuard contactChannelsAtLeast(int n) {
    between(n, 1, ContactChannel.values().length, "n",
        "there are " + ContactChannel.values().length + " contact channels, so no deal could reach more");
    return TransitionGuard.named(n + " contact channels", ctx -> {
      var channels = ctx.facts().contactChannels();
      return channels.size() >= n
          ? GuardVerdict.allow()
          : GuardVerdict.deny("contact: reached through " + channels.size() + " channel"
              + (channels.size() == 1 ? "" : "s")
              + (channels.isEmpty() ? "" : " (" + channels.stream().map(ContactChannel::label)
                  .collect(Collectors.joining(", ")) + ")")
              + ", at least " + n + " different channels required");
    });
  }


  // ---------------------------------------------------------------- qualification scorecards

  /**
   * Allows when every element of {@code framework} is confirmed on the deal's scorecard of it; a denial names each
   * element that is not, and whether it is unknown or only identified.
   *
   * @param framework MEDDIC, MEDDPICC or CHAMP
   * @return the guard, labelled for example {@code "MEDDIC: all 6 confirmed"}
   */
  public static TransitionGuard scorecardAllConfirmed(Scorecard.Framework framework) {
    Objects.requireNonNull(framework, "framework must not be null");
    return scorecardRequires(framework.label() + ": all " + framework.elements().size() + " confirmed", framework,
        framework.elements());
  }

  /**
   * Allows when at least {@code k} elements of {@code framework} are confirmed; a denial says how many are and
   * names each element that is not.
   *
   * @param framework MEDDIC, MEDDPICC or CHAMP
   * @param k from 1 to the number of the framework's elements
   * @return the guard
   * @throws IllegalArgumentException if {@code k} is outside that range
   */
  public static TransitionGuard scorecardAtLeast(Scorecard.Framework framework, int k) {
    Objects.requireNonNull(framework, "framework must not be null");
    int size = framework.elements().size();
    between(k, 1, size, "k", framework.label() + " has " + size + " elements");
    String name = framework.label();
    return TransitionGuard.named(name + ": at least " + k + " of " + size + " confirmed", ctx -> {
      Scorecard card = ctx.facts().scorecard(framework);
      if (card.confirmedCount() >= k) {
        return GuardVerdict.allow();
      }
      List<String> reasons = new ArrayList<>();
      reasons.add(name + ": " + card.confirmedCount() + " of " + size + " elements confirmed, at least " + k
          + " required");
      reasons.addAll(unconfirmed(card, framework.elements()));
      return GuardVerdict.deny(reasons);
    });
  }

  /**
   * Allows when each of the given elements of {@code framework} is confirmed, whatever the others are; a denial
   * names each required element that is not.
   *
   * @param framework MEDDIC, MEDDPICC or CHAMP
   * @param required at least one element of the framework, for example the champion and the economic buyer
   * @return the guard
   * @throws IllegalArgumentException if no element is given, or one is not the framework's
   */
  public static TransitionGuard scorecardRequires(Scorecard.Framework framework, Scorecard.Element... required) {
    Objects.requireNonNull(framework, "framework must not be null");
    List<Scorecard.Element> elements = List.of(Objects.requireNonNull(required, "required must not be null"));
    if (elements.isEmpty()) {
      throw new IllegalArgumentException("name at least one required element of " + framework.label());
    }
    for (Scorecard.Element element : elements) {
      if (!framework.elements().contains(element)) {
        throw new IllegalArgumentException(element.label() + " is not an element of " + framework.label()
            + ", whose elements are " + framework.elements().stream().map(Scorecard.Element::label).toList());
      }
    }
    return scorecardRequires(framework.label() + ": " + elements.stream().map(Scorecard.Element::label)
        .collect(Collectors.joining(", ")) + " confirmed", framework, elements);
  }

  private static TransitionGuard scorecardRequires(String label, Scorecard.Framework framework,
      List<Scorecard.Element> required) {
    return TransitionGuard.named(label, ctx -> {
      List<String> unmet = unconfirmed(ctx.facts().scorecard(framework), required);
      return unmet.isEmpty() ? GuardVerdict.allow() : GuardVerdict.deny(unmet);
    });
  }

  /** A reason for each of {@code elements} not confirmed on {@code card}, in the framework's order. */
  private static List<String> unconfirmed(Scorecard card, List<Scorecard.Element> elements) {
    List<String> reasons = new ArrayList<>();
    for (Scorecard.Element element : card.framework().elements()) {
      if (elements.contains(element) && !card.confirmed(element)) {
        String note = card.finding(element).map(Scorecard.Finding::note).filter(n -> !n.isEmpty())
            .map(n -> " (" + Deal.Limits.quote(n) + ")").orElse("");
        reasons.add(card.framework().label() + ": " + element.label()
            + (card.finding(element).isPresent() ? " identified but not confirmed" + note : " unknown"));
      }
    }
    return reasons;
  }

  // ---------------------------------------------------------------- stakeholders and rejections

  /**
   * How many stakeholders take part in a typical B2B purchase: 6.8, as “7-step sales process” (Lucidchart) reports,
   * which is why it advises multi-threading, connecting with several decision-makers on the buying side.
   */
  public static final double AVERAGE_STAKEHOLDERS_PER_PURCHASE = 6.8;

  /**
   * Allows once at least {@code n} stakeholders are engaged on the buying side, a decision-maker or the economic
   * buyer among them ({@link SalesEvent.StakeholderRole#decides()}); a denial says how many are engaged and whether
   * a decision-maker is missing. Use it on the move into a proposal or closing stage.
   *
   * @param n how many stakeholders, from 1 to {@value Deal.Limits#MAX_ATTRIBUTES}
   * @return the guard, labelled for example {@code "3 stakeholders incl. a decision-maker"}
   * @throws IllegalArgumentException if {@code n} is outside that range
   */
  public static TransitionGuard stakeholdersEngaged(int n) {
    between(n, 1, Deal.Limits.MAX_ATTRIBUTES, "n", "a deal keeps at most " + Deal.Limits.MAX_ATTRIBUTES
        + " stakeholders");
    return TransitionGuard.named(n + " stakeholder" + (n == 1 ? "" : "s") + " incl. a decision-maker", ctx -> {
      List<DealFacts.Stakeholder> engaged = ctx.facts().stakeholders();
      List<String> unmet = new ArrayList<>(2);
      if (engaged.size() < n) {
        unmet.add("stakeholders: " + engaged.size() + " engaged, at least " + n + " required (a typical purchase"
            + " involves " + AVERAGE_STAKEHOLDERS_PER_PURCHASE + ")");
      }
      if (engaged.stream().noneMatch(s -> s.role().decides())) {
        unmet.add("stakeholders: no decision-maker or economic buyer engaged");
      }
      return unmet.isEmpty() ? GuardVerdict.allow() : GuardVerdict.deny(unmet);
    });
  }

  /**
   * Denies giving up on a deal that was rejected before {@code n} rejections were handled: once a prospect has
   * declined a follow-up ({@link SalesEvent.FollowUpOutcome#REJECTED}), closing the deal lost is refused until the
   * deal has seen {@code n} such rejections. “7-step sales process” (Lucidchart) reports that 44% of salespeople give
   * up after one rejection while 80% of sales need at least five follow-ups. A deal never rejected, and a loss to
   * {@link LossReason#COMPETITOR a competitor} or for {@link LossReason#NOT_A_FIT not being a fit}, which no
   * persistence changes, are allowed; so is every other event.
   *
   * @param n how many rejections must be handled before giving up, from 1 to {@value Deal.Limits#MAX_FOLLOW_UPS}
   * @return the guard
   * @throws IllegalArgumentException if {@code n} is outside that range
   */
  public static TransitionGuard rejectionsBeforeLoss(int n) {
    between(n, 1, Deal.Limits.MAX_FOLLOW_UPS, "n", "no sales process waits for more rejections");
    return TransitionGuard.named(n + " rejections before giving up", ctx -> {
      if (!(ctx.event() instanceof SalesEvent.ClosedLost lost) || lost.reason() == LossReason.COMPETITOR
          || lost.reason() == LossReason.NOT_A_FIT) {
        return GuardVerdict.allow();
      }
      int rejections = ctx.facts().followUps().rejections();
      return rejections == 0 || rejections >= n
          ? GuardVerdict.allow()
          : GuardVerdict.deny("rejections: " + rejections + " of " + n + " handled before giving up; 44% of sellers"
              + " give up after one rejection, though most sales need five follow-ups, so follow up again");
    });
  }

  private static void between(int value, int min, int max, String what, String whyMax) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(what + " must be between " + min + " and " + max + " (" + whyMax
          + "), but was " + value);
    }
  }

  /**
   * Never used directly (a DecimalFormat is not thread-safe): each call formats with a clone, which costs far less
   * than building a format and its symbols, as a denial's reason did on every denied event.
   */
  private static final DecimalFormat AMOUNT_FORMAT =
      new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.ROOT));

  /**
   * {@code prefix + amount(value) + suffix}; an amount below a million, the usual budget, is written into the one
   * string made, without a string of its own first.
   */
  static String withAmount(String prefix, BigDecimal value, String suffix) {
    if (value.signum() >= 0 && value.scale() <= 0 && value.precision() - value.scale() <= 6) {
      return belowMillion(prefix, value.longValueExact(), suffix);
    }
    return prefix + amount(value) + suffix;
  }

  /**
   * {@code prefix}, a whole number from 0 to 999,999 grouped as {@code #,##0} does, and {@code suffix}, in one string.
   */
  private static String belowMillion(String prefix, long whole, String suffix) {
    if (whole < 1_000) {
      return prefix + whole + suffix;
    }
    int low = (int) (whole % 1_000);
    return prefix + (whole / 1_000) + "," + (char) ('0' + low / 100) + (char) ('0' + low / 10 % 10)
        + (char) ('0' + low % 10) + suffix;
  }

  static String amount(BigDecimal value) {
    if (value.signum() >= 0 && value.scale() <= 0 && value.precision() - value.scale() <= 18) {
      return grouped(value.longValueExact()); // whole amounts, the usual case: no format object needed
    }
    return ((DecimalFormat) AMOUNT_FORMAT.clone()).format(value);
  }

  /**
   * Writes a non-negative whole number with a comma between groups of three digits, as {@code #,##0} does: its
   * digits and commas straight into the bytes of the string (no digit string, char array or compression before).
   */
  private static String grouped(long value) {
    if (value < 1_000_000) { // the usual budget or deal amount: one concatenation, which makes its string once
      return belowMillion("", value, "");
    }
    int digits = 1;
    for (long rest = value / 10; rest > 0; rest /= 10) {
      digits++;
    }
    byte[] out = new byte[digits + (digits - 1) / 3];
    long rest = value;
    for (int to = out.length - 1, n = 0; to >= 0; n++) {
      if (n > 0 && n % 3 == 0) {
        out[to--] = ',';
      }
      out[to--] = (byte) ('0' + (int) (rest % 10));
      rest /= 10;
    }
    return new String(out, StandardCharsets.ISO_8859_1);
  }
}
