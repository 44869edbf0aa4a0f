package io.salesflow;

import static io.salesflow.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.salesflow.SalesEvent.ClosingTechnique;
import io.salesflow.SalesEvent.ContactChannel;
import io.salesflow.SalesEvent.FollowUpOutcome;
import io.salesflow.SalesEvent.LeadTemperature;
import io.salesflow.SalesEvent.LossReason;
import io.salesflow.SalesEvent.ObjectionCategory;
import io.salesflow.engine.DealEngine;
import io.salesflow.engine.FireResult;
import io.salesflow.guard.SalesGuards;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every class of bad input that {@link Deal.Limits} lists is refused where it enters, with a short message that names
 * the field and the limit and shows no raw control character, and nothing changes.
 */
class LimitsTests {
  /** The longest message a refusal may have: long enough for a sentence, far shorter than any value it quotes. */
  static final int MAX_MESSAGE = 600;

  /** Asserts that {@code call} throws {@code type} with a short, escaped message holding every fragment. */
  static void assertRefused(ThrowingCallable call, Class<? extends Throwable> type, String... fragments) {
    Throwable thrown = catchThrowable(call);
    assertThat(thrown).isInstanceOf(type);
    String message = thrown.getMessage();
    assertThat(message).as("message of %s", thrown).isNotNull().contains(fragments);
    assertThat(message.length()).as("length of message %s", message).isLessThanOrEqualTo(MAX_MESSAGE);
    assertThat(message.codePoints().filter(Checks::isInvisible).boxed().toList())
        .as("control or invisible characters in message %s", message).isEmpty();
  }

  /** {@code "D-"}, the code point, {@code "42"}. */
  static String around(int codePoint) {
    return "D-" + new String(Character.toChars(codePoint)) + "42";
  }

  static Arguments bad(String name, String value, String fragment) {
    return Arguments.of(org.junit.jupiter.api.Named.of(name, value), fragment);
  }

  static Stream<Arguments> badIds() {
    return Stream.of(
        bad("empty", "", "must not be blank"),
        bad("blank", "   ", "must not be blank"),
        bad("256 characters", "x".repeat(256), "at most 255 characters"),
        bad("a megabyte", "x".repeat(1 << 20), "at most 255 characters"),
        bad("NUL", around(0), "U+0000"),
        bad("CR", "D-42\rINFO forged", "U+000D"),
        bad("LF", "D-42\nINFO forged line", "U+000A"),
        bad("tab", "D-42\tx", "U+0009"),
        bad("ANSI escape", (char) 0x1B + "[31mD-42", "U+001B"),
        bad("DEL", around(0x7F), "U+007F"),
        bad("next line (C1)", around(0x85), "U+0085"),
        bad("zero-width space", around(0x200B), "U+200B"),
        bad("zero-width non-joiner", around(0x200C), "U+200C"),
        bad("zero-width joiner", around(0x200D), "U+200D"),
        bad("word joiner", around(0x2060), "U+2060"),
        bad("right-to-left override", around(0x202E), "U+202E"),
        bad("left-to-right isolate", around(0x2066), "U+2066"),
        bad("byte order mark", around(0xFEFF), "U+FEFF"),
        bad("soft hyphen", around(0xAD), "U+00AD"),
        bad("line separator", around(0x2028), "U+2028"),
        bad("paragraph separator", around(0x2029), "U+2029"),
        bad("unpaired high surrogate", "D-42" + (char) 0xD800, "U+D800"),
        bad("unpaired low surrogate", (char) 0xDC00 + "D-42", "U+DC00"),
        bad("tag character outside the BMP", around(0xE0041), "U+E0041"));
  }

  static Stream<String> goodIds() {
    return Stream.of("D-42", "x".repeat(255), "Kunde Müller/客户 #7",
        "deal-" + new String(Character.toChars(0x1F600)), "ACME:2026-11:0042", "a");
  }

  @Nested
  class Ids {
    @ParameterizedTest(name = "{0}")
    @MethodSource("io.salesflow.LimitsTests#badIds")
    void areRefusedByTheCheckTheEngineCalls(String id, String fragment) {
      assertRefused(() -> Deal.Limits.requireId(id, "dealId"), IllegalArgumentException.class, "dealId", fragment);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.salesflow.LimitsTests#badIds")
    void areRefusedAsDealIds(String id, String fragment) {
      assertRefused(() -> Fixtures.deal("lead", DealFacts.none()).toBuilder().id(id).build(),
          IllegalArgumentException.class, "deal id", fragment);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.salesflow.LimitsTests#badIds")
    void areRefusedWhenAnEngineStartsADealAndNothingIsStored(String id, String fragment) {
      DealEngine engine = DealEngine.tableEngine().process(Fixtures.demoProcess()).build();
      Throwable thrown = catchThrowable(() -> engine.start(id, "inbound-demo"));
      assertThat(thrown).isInstanceOf(IllegalArgumentException.class);
      assertThat(thrown.getMessage()).hasSizeLessThanOrEqualTo(MAX_MESSAGE)
          .doesNotContain("\n", "\r", String.valueOf((char) 0x1B));
      assertThat(engine.store().findByProcess("inbound-demo")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.salesflow.LimitsTests#badIds")
    void areRefusedAsCustomAttributeKeys(String key, String fragment) {
      assertRefused(() -> DealFacts.builder().putAttributes(key, "v"), IllegalArgumentException.class,
          "custom attribute key of a deal", fragment);
      assertRefused(() -> new SalesEvent.Custom(EventType.custom("demo-booked"), T0, Map.of(key, "v")),
          IllegalArgumentException.class, "custom attribute key of event 'demo-booked'", fragment);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.salesflow.LimitsTests#badIds")
    void areRefusedAsTheStagesOfATransitionRecord(String stage, String fragment) {
      assertRefused(() -> new TransitionRecord(1, stage, "demo", new SalesEvent.PresentationDelivered(T0), T0, false),
          IllegalArgumentException.class, "from", fragment);
    }

    @ParameterizedTest
    @MethodSource("io.salesflow.LimitsTests#goodIds")
    void withinTheLimitsAreAccepted(String id) {
      assertThat(Deal.Limits.requireId(id, "dealId")).isSameAs(id);
      assertThat(Fixtures.deal("lead", DealFacts.none()).toBuilder().id(id).build().id()).isEqualTo(id);
      assertThat(DealFacts.builder().putAttributes(id, "v").build().attributes()).containsEntry(id, "v");
    }

    @Test
    void processStageAndEventTypeIdsAreHeldToTheLengthLimitToo() {
      String long256 = "a".repeat(256);
      assertRefused(() -> SalesProcess.builder(long256), IllegalArgumentException.class, "process id",
          "at most 255 characters", "(256 characters)");
      assertRefused(() -> Stage.open(long256, "Long"), IllegalArgumentException.class, "stage id",
          "at most 255 characters");
      assertRefused(() -> EventType.custom(long256), IllegalArgumentException.class, "event type id",
          "at most 255 characters");
      assertRefused(() -> SalesProcess.builder("bad\nid"), IllegalArgumentException.class, "kebab-case",
          "'bad\\nid'");
      assertThat(SalesProcess.builder("a".repeat(255))).isNotNull();
    }

    @Test
    void unknownIdsAreQuotedCutAndEscapedInExceptions() {
      String forged = "D-1\n2026-11-02 INFO deal 'D-1' won" + "x".repeat(1 << 20);
      DealEngine engine = DealEngine.tableEngine().process(Fixtures.demoProcess()).build();
      assertRefused(() -> engine.get(forged), IllegalArgumentException.class, "dealId", "at most 255 characters",
          "'D-1\\n2026", "…' (" + forged.length() + " characters)");
      assertRefused(() -> engine.get("D-1\n2026-11-02 INFO"), IllegalArgumentException.class, "dealId",
          "'D-1\\n2026");
      assertRefused(() -> engine.get("D-404"), UnknownDealException.class, "unknown deal 'D-404'");
      assertRefused(() -> engine.start("D-1", forged), UnknownProcessException.class, "unknown process 'D-1\\n",
          "known processes: [inbound-demo]");
      assertRefused(() -> Fixtures.demoProcess().stage(forged), IllegalArgumentException.class,
          "has no stage 'D-1\\n");
      assertRefused(() -> engine.start(forged, "inbound-demo"), IllegalArgumentException.class, "dealId",
          "at most 255 characters");
    }
  }

  @Nested
  class Quoting {
    @Test
    void quotesAShortValueWhole() {
      assertThat(Checks.quote("D-42")).isEqualTo("'D-42'");
      assertThat(Checks.quote(null)).isEqualTo("null");
      assertThat(Checks.quote("")).isEqualTo("''");
    }

    @Test
    void escapesControlAndInvisibleCharactersAndBackslashes() {
      assertThat(Checks.quote("a\nb\rc\td\\e")).isEqualTo("'a\\nb\\rc\\td\\\\e'");
      assertThat(Checks.quote(around(0x1B))).isEqualTo("'D-\\u001B42'");
      assertThat(Checks.quote(around(0x200B))).isEqualTo("'D-\\u200B42'");
      assertThat(Checks.quote(around(0xE0041))).isEqualTo("'D-\\uDB40\\uDC4142'");
      assertThat(Checks.quote("D-" + (char) 0xD800)).isEqualTo("'D-\\uD800'");
    }

    @Test
    void keepsVisibleCharactersOutsideAsciiAsTheyAre() {
      String smile = new String(Character.toChars(0x1F600));
      assertThat(Checks.quote("Müller " + smile)).isEqualTo("'Müller " + smile + "'");
    }

    @Test
    void cutsALongValueAndSaysHowLongItWas() {
      String quoted = Checks.quote("x".repeat(1 << 20));
      assertThat(quoted).isEqualTo("'" + "x".repeat(Checks.QUOTED_LENGTH) + "…' (1048576 characters)");
    }

    @Test
    void neverCutsBetweenTheTwoHalvesOfACharacter() {
      String smile = new String(Character.toChars(0x1F600));
      String quoted = Checks.quote(smile.repeat(100));
      assertThat(quoted).isEqualTo("'" + smile.repeat(Checks.QUOTED_LENGTH) + "…' (200 characters)");
    }

    @Test
    void listsTheFirstItemsOfALongCollection() {
      assertThat(Checks.listed(List.of("a", "b"))).isEqualTo("[a, b]");
      assertThat(Checks.listed(IntStream.range(0, 5_000).boxed().toList()))
          .startsWith("[0, 1, 2").endsWith(", 19, … 4980 more]");
    }
  }

  static Stream<Arguments> amountTakers() {
    return Stream.of(
        amountTaker("ProposalSent", a -> new SalesEvent.ProposalSent(T0, a), "amount"),
        amountTaker("ClosedWon", a -> new SalesEvent.ClosedWon(T0, a, ClosingTechnique.OTHER), "amount"),
        amountTaker("BANT budget", a -> BantAssessment.builder().budget(a, true), "budget amount"),
        amountTaker("DealFacts amount", a -> DealFacts.builder().amount(a), "amount"),
        amountTaker("DealFacts optional amount", a -> DealFacts.builder().amount(java.util.Optional.of(a)), "amount"),
        amountTaker("minimumConfirmedBudget", SalesGuards::minimumConfirmedBudget, "minimum budget"),
        amountTaker("Deal.Limits.requireAmount", a -> Deal.Limits.requireAmount(a, "deal value"), "deal value"));
  }

  static Arguments amountTaker(String name, Consumer<BigDecimal> taker, String field) {
    return Arguments.of(org.junit.jupiter.api.Named.of(name, taker), field);
  }

  static Stream<Arguments> badAmounts() {
    return Stream.of(
        bad("negative", "-1", "must not be negative"),
        bad("negative and huge", "-1E+999999999", "must not be negative, but was -1E+999999999"),
        bad("1E+999999999", "1E+999999999", "at most 18 digits before the decimal point"),
        bad("1E+100000000", "1E+100000000", "but has 100000001: 1E+100000000"),
        bad("1E+1000000", "1E+1000000", "at most 18 digits before the decimal point"),
        bad("10^18", "1000000000000000000", "at most 18 digits before the decimal point"),
        bad("10^18 in scientific notation", "1E+18", "less than 10^18"),
        bad("zero with a huge exponent", "0E+999999999", "at most 18 digits before the decimal point"),
        bad("seven decimal places", "0.0000001", "at most 6 decimal places"),
        bad("1E-999999999", "1E-999999999", "at most 6 decimal places"),
        bad("ten thousand digits", "9".repeat(10_000), "a number of 10000 significant digits"),
        bad("a hundred thousand decimal places", "1." + "1".repeat(100_000), "at most 6 decimal places"));
  }

  static Stream<Arguments> amountCases() {
    return amountTakers().flatMap(taker -> badAmounts().map(amount -> Arguments.of(taker.get()[0],
        taker.get()[1], amount.get()[0], amount.get()[1])));
  }

  @Nested
  class Amounts {
    @ParameterizedTest(name = "{0} refuses {2}")
    @MethodSource("io.salesflow.LimitsTests#amountCases")
    void outsideTheLimitsAreRefusedWithoutWritingTheNumberOut(Consumer<BigDecimal> taker, String field,
        String amount, String fragment) {
      BigDecimal value = new BigDecimal(amount);
      assertRefused(() -> taker.accept(value), IllegalArgumentException.class, field + " must ", fragment);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.salesflow.LimitsTests#amountTakers")
    void withinTheLimitsAreAccepted(Consumer<BigDecimal> taker, String field) {
      for (String amount : new String[] {"0", "12000", "999999999999999999.999999", "1E+17", "0.000001",
          "1.50000000", "12000.00"}) {
        assertThatCode(() -> taker.accept(new BigDecimal(amount))).as(amount).doesNotThrowAnyException();
      }
    }

    @Test
    void explainFormatsTheLargestAmountShortly() {
      SalesProcess process = SalesProcess.builder("budgeted")
          .stage(Stage.open("lead", "Lead")).stage(Stage.won("won", "Won")).initialStage("lead")
          .transition("lead", EventType.QUALIFICATION_ASSESSED, "won",
              SalesGuards.minimumConfirmedBudget(new BigDecimal("999999999999999999.999999")))
          .build();
      BantAssessment bant = BantAssessment.builder().budget(new BigDecimal("999999999999999999.999998"), false)
          .build();
      Deal deal = Deal.builder().id("D-1").processId("budgeted").stage("lead").version(0).createdAt(T0)
          .enteredStageAt(T0).facts(DealFacts.builder().bant(bant).build()).build();
      List<TransitionOption> options = process.explain(deal, T0);
      assertThat(options).singleElement().satisfies(o -> assertThat(String.join("; ", o.verdict().reasons()))
          .contains("budget: 1,000,000,000,000,000,000 mentioned but not confirmed").hasSizeLessThan(200));
    }
  }

  @Nested
  class Counts {
    @ParameterizedTest
    @ValueSource(ints = {-1, Integer.MIN_VALUE, 1_000_001, Integer.MAX_VALUE})
    void outsideZeroToAMillionAreRefusedNamingTheCount(int count) {
      assertRefused(() -> DealFacts.builder().presentations(count), IllegalArgumentException.class,
          "presentations must be between 0 and 1000000, but was " + count);
      assertRefused(() -> DealFacts.builder().resolvedObjections(count), IllegalArgumentException.class,
          "resolvedObjections must be between 0 and 1000000");
      assertRefused(() -> DealFacts.builder().referralsGiven(count), IllegalArgumentException.class,
          "referralsGiven must be between 0 and 1000000");
      assertRefused(() -> BantAssessment.builder().authority(true, count), IllegalArgumentException.class,
          "stakeholders must be between 0 and 1000000");
    }

    @Test
    void theLimitsThemselvesAreAccepted() {
      assertThat(DealFacts.builder().presentations(0).referralsGiven(1_000_000).build().referralsGiven())
          .isEqualTo(1_000_000);
    }
  }

  @Nested
  class CustomAttributes {
    @Test
    void aNullKeyOrValueIsRefusedNamingTheKey() {
      Map<String, String> nullKey = new HashMap<>();
      nullKey.put(null, "v");
      Map<String, String> nullValue = new HashMap<>();
      nullValue.put("region", null);
      EventType type = EventType.custom("demo-booked");
      assertRefused(() -> new SalesEvent.Custom(type, T0, nullKey), NullPointerException.class,
          "a custom attribute key of event 'demo-booked' must not be null");
      assertRefused(() -> new SalesEvent.Custom(type, T0, nullValue), NullPointerException.class,
          "value of custom attribute 'region' of event 'demo-booked' must not be null");
      assertRefused(() -> DealFacts.builder().putAttributes(null, "v"), NullPointerException.class,
          "a custom attribute key of a deal must not be null");
      assertRefused(() -> DealFacts.builder().putAttributes("region", null), NullPointerException.class,
          "value of custom attribute 'region' of a deal must not be null");
      assertRefused(() -> DealFacts.builder().attributes(nullValue), NullPointerException.class, "'region'");
    }

    @Test
    void anOversizedValueIsRefusedNamingTheKeyAndTheLimit() {
      String big = "v".repeat(4_097);
      assertRefused(() -> DealFacts.builder().putAttributes("region", big), IllegalArgumentException.class,
          "value of custom attribute 'region' of a deal must be at most 4096 characters long, but has 4097");
      assertRefused(() -> new SalesEvent.Custom(EventType.custom("demo-booked"), T0, Map.of("region", big)),
          IllegalArgumentException.class, "value of custom attribute 'region' of event 'demo-booked'", "4096");
      assertThat(DealFacts.builder().putAttributes("region", "v".repeat(4_096)).build().attributes()).hasSize(1);
    }

    @Test
    void moreThanAHundredAttributesAreRefused() {
      Map<String, String> many = new LinkedHashMap<>();
      IntStream.range(0, 101).forEach(i -> many.put("k" + i, "v"));
      assertRefused(() -> new SalesEvent.Custom(EventType.custom("demo-booked"), T0, many),
          IllegalArgumentException.class, "custom attributes of event 'demo-booked' must be at most 100, but there"
              + " are 101");
      assertRefused(() -> DealFacts.builder().attributes(many), IllegalArgumentException.class,
          "custom attributes of a deal must be at most 100, but there are 101");
      DealFacts.Builder builder = DealFacts.builder();
      many.keySet().stream().limit(100).forEach(k -> builder.putAttributes(k, "v"));
      assertThat(builder.putAttributes("k0", "replaced").build().attributes()).hasSize(100);
    }

    @Test
    void anEventThatWouldTakeADealPastAHundredAttributesIsRefused() {
      DealFacts.Builder builder = DealFacts.builder();
      IntStream.range(0, 100).forEach(i -> builder.putAttributes("k" + i, "v"));
      DealFacts full = builder.build();
      SalesEvent more = new SalesEvent.Custom(EventType.custom("demo-booked"), T0, Map.of("k100", "v"));
      assertRefused(() -> full.apply(more), IllegalArgumentException.class, "at most 100, but there are 101");
      SalesEvent same = new SalesEvent.Custom(EventType.custom("demo-booked"), T0, Map.of("k99", "w"));
      assertThat(full.apply(same).attributes()).hasSize(100).containsEntry("k99", "w");
    }

    @Test
    void keepTheOrderTheyWereGivenIn() {
      Map<String, String> ordered = new LinkedHashMap<>();
      IntStream.range(0, 20).forEach(i -> ordered.put("k" + (19 - i), "v"));
      assertThat(new SalesEvent.Custom(EventType.custom("demo-booked"), T0, ordered).attributes().keySet())
          .containsExactlyElementsOf(ordered.keySet());
    }

    @Test
    void freeTextIsHeldToTheTextLimit() {
      String big = "x".repeat(4_097);
      assertRefused(() -> new SalesEvent.Disqualified(T0, big), IllegalArgumentException.class,
          "reason must be at most 4096 characters long, but has 4097");
      assertRefused(() -> new SalesEvent.ObjectionRaised(T0, ObjectionCategory.PRICE, big),
          IllegalArgumentException.class, "detail must be at most 4096");
      assertRefused(() -> new SalesEvent.TermsNegotiated(T0, big), IllegalArgumentException.class, "summary");
      assertRefused(() -> new SalesEvent.ClosedLost(T0, LossReason.PRICE, big), IllegalArgumentException.class,
          "detail");
      assertRefused(() -> new SalesEvent.ReferralReceived(T0, big), IllegalArgumentException.class, "source");
      assertRefused(() -> DealFacts.builder().source(big), IllegalArgumentException.class, "source");
      assertRefused(() -> BantAssessment.builder().painPoints(big), IllegalArgumentException.class, "pain point");
      assertRefused(() -> BantAssessment.builder().painPoints("a", null), NullPointerException.class,
          "pain point must not be null");
      assertRefused(() -> BantAssessment.builder().painPoints(new String[101]), NullPointerException.class,
          "pain point must not be null");
      String[] many = IntStream.range(0, 101).mapToObj(i -> "p" + i).toArray(String[]::new);
      assertRefused(() -> BantAssessment.builder().painPoints(many), IllegalArgumentException.class,
          "painPoints must be at most 100, but there are 101");
    }
  }

  static Stream<Arguments> eventsAt() {
    EventType custom = EventType.custom("demo-booked");
    return Stream.<Map.Entry<String, Function<Instant, Object>>>of(
        Map.entry("ContactMade", t -> new SalesEvent.ContactMade(t, ContactChannel.EMAIL)),
        Map.entry("LeadScored", t -> new SalesEvent.LeadScored(t, LeadTemperature.HOT)),
        Map.entry("QualificationAssessed", t -> new SalesEvent.QualificationAssessed(t, BantAssessment.unknown())),
        Map.entry("Disqualified", t -> new SalesEvent.Disqualified(t, "no fit")),
        Map.entry("PresentationDelivered", SalesEvent.PresentationDelivered::new),
        Map.entry("ObjectionRaised", t -> new SalesEvent.ObjectionRaised(t, ObjectionCategory.PRICE)),
        Map.entry("ObjectionResolved", t -> new SalesEvent.ObjectionResolved(t, ObjectionCategory.PRICE)),
        Map.entry("ProposalSent", t -> new SalesEvent.ProposalSent(t, null)),
        Map.entry("TermsNegotiated", t -> new SalesEvent.TermsNegotiated(t, "")),
        Map.entry("ContractSigned", SalesEvent.ContractSigned::new),
        Map.entry("ClosedWon", t -> new SalesEvent.ClosedWon(t, BigDecimal.ONE)),
        Map.entry("ClosedLost", t -> new SalesEvent.ClosedLost(t, LossReason.PRICE)),
        Map.entry("FollowUpLogged", t -> new SalesEvent.FollowUpLogged(t, ContactChannel.PHONE,
            FollowUpOutcome.RESPONDED)),
        Map.entry("ReferralReceived", t -> new SalesEvent.ReferralReceived(t, "Ann")),
        Map.entry("OnboardingDone", SalesEvent.OnboardingDone::new),
        Map.entry("Custom", t -> new SalesEvent.Custom(custom, t)))
        .map(e -> Arguments.of(org.junit.jupiter.api.Named.of(e.getKey(), e.getValue())));
  }

  static Stream<Arguments> timeTakers() {
    return Stream.concat(eventsAt(), Stream.<Map.Entry<String, Function<Instant, Object>>>of(
        Map.entry("DealFacts proposalSentAt", t -> DealFacts.builder().proposalSentAt(t)),
        Map.entry("DealFacts contractSignedAt", t -> DealFacts.builder().contractSignedAt(t)),
        Map.entry("DealFacts onboardedAt", t -> DealFacts.builder().onboardedAt(t)),
        Map.entry("FollowUp at", t -> new DealFacts.FollowUp(t, ContactChannel.PHONE, FollowUpOutcome.REJECTED)),
        Map.entry("Objection raisedAt", t -> new DealFacts.Objection(ObjectionCategory.PRICE, "", t)),
        Map.entry("TransitionRecord at", t -> new TransitionRecord(1, "lead", "demo",
            new SalesEvent.PresentationDelivered(T0), t, false)),
        Map.entry("Deal createdAt", t -> Fixtures.deal("lead", DealFacts.none()).toBuilder().createdAt(t).build()),
        Map.entry("Deal enteredStageAt",
            t -> Fixtures.deal("lead", DealFacts.none()).toBuilder().enteredStageAt(t).build()))
        .map(e -> Arguments.of(org.junit.jupiter.api.Named.of(e.getKey(), e.getValue()))));
  }

  static Stream<Arguments> timeCases() {
    List<Instant> bad = List.of(Instant.MAX, Instant.MIN, Instant.parse("+10000-01-01T00:00:00Z"),
        Instant.parse("0000-12-31T23:59:59.999999999Z"));
    return timeTakers().flatMap(taker -> bad.stream().map(t -> Arguments.of(taker.get()[0], t)));
  }

  @Nested
  class Times {
    @ParameterizedTest(name = "{0} refuses {1}")
    @MethodSource("io.salesflow.LimitsTests#timeCases")
    void outsideTheYearsOneToNineThousandNineHundredNinetyNineAreRefused(Function<Instant, Object> taker,
        Instant time) {
      assertRefused(() -> taker.apply(time), IllegalArgumentException.class,
          "must lie between 0001-01-01T00:00:00Z and 9999-12-31T23:59:59.999999999Z", "but was " + time);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.salesflow.LimitsTests#timeTakers")
    void theFirstAndLastInstantsEveryStoreKeepsAreAccepted(Function<Instant, Object> taker) {
      assertThatCode(() -> taker.apply(Deal.Limits.EARLIEST_TIME)).doesNotThrowAnyException();
      assertThatCode(() -> taker.apply(Deal.Limits.LATEST_TIME)).doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.salesflow.LimitsTests#eventsAt")
    void eventsNameTheirTimeWhenItIsMissingOrOutOfRange(Function<Instant, Object> event) {
      assertRefused(() -> event.apply(null), NullPointerException.class, "occurredAt must not be null");
      assertRefused(() -> event.apply(Instant.MAX), IllegalArgumentException.class, "occurredAt must lie between");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-999999999-01-01", "0000-12-31", "+10000-01-01", "+999999999-12-31"})
    void decisionDatesOutsideTheYearsOneToNineThousandNineHundredNinetyNineAreRefused(String date) {
      assertRefused(() -> BantAssessment.builder().decisionBy(LocalDate.parse(date)), IllegalArgumentException.class,
          "decisionDate must lie in the years 1 to 9999, but was");
    }

    @Test
    void anEngineWhoseClockIsOutOfRangeRefusesToStartOrMoveADealAndChangesNothing() {
      MutableClock clock = new MutableClock(T0);
      DealEngine engine = DealEngine.tableEngine().process(Fixtures.demoProcess()).clock(clock).build();
      Deal started = engine.start("D-1", "inbound-demo");
      clock.now = Instant.MAX;
      assertRefused(() -> engine.start("D-2", "inbound-demo"), IllegalArgumentException.class,
          "createdAt must lie between");
      assertRefused(() -> engine.fire("D-1", new SalesEvent.FollowUpLogged(T0, ContactChannel.PHONE,
          FollowUpOutcome.RESPONDED)), IllegalArgumentException.class, "at must lie between");
      assertThat(engine.find("D-2")).isEmpty();
      assertThat(engine.get("D-1")).isEqualTo(started);
    }

    @Test
    void anEventLoggedBeforeTheDealsLastTransitionIsAcceptedAsALateLoggedActivity() {
      MutableClock clock = new MutableClock(T0);
      DealEngine engine = DealEngine.tableEngine().process(Fixtures.demoProcess()).clock(clock).build();
      engine.start("D-1", "inbound-demo");
      clock.now = T0.plusSeconds(3_600);
      engine.fire("D-1", new SalesEvent.QualificationAssessed(T0.plusSeconds(3_000), Fixtures.bant(3)));
      clock.now = T0.plusSeconds(7_200);
      Instant yesterday = T0.minusSeconds(86_400);
      FireResult late = engine.fire("D-1", new SalesEvent.PresentationDelivered(yesterday));
      assertThat(late.isAccepted()).isTrue();
      assertThat(late.deal().history().asList()).extracting(TransitionRecord::at)
          .containsExactly(T0.plusSeconds(3_600), T0.plusSeconds(7_200));
      assertThat(late.deal().lastTransition()).get().extracting(r -> r.event().occurredAt()).isEqualTo(yesterday);
    }
  }

  static final class MutableClock extends Clock {
    volatile Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @Nested
  class ExceptionMessages {
    @Test
    void aDefinitionWithThousandsOfProblemsListsTheFirstTwentyAndCountsTheRest() {
      SalesProcess.Builder builder = SalesProcess.builder("generated").stage(Stage.open("start", "Start"))
          .stage(Stage.won("won", "Won")).initialStage("start").transition("start", EventType.CLOSED_WON, "won");
      for (int i = 0; i < 5_000; i++) {
        builder.stage(Stage.open("s" + i, "S" + i));
        builder.transition("start", EventType.custom("e" + i), "missing-" + i);
      }
      Throwable thrown = catchThrowable(builder::build);
      assertThat(thrown).isInstanceOfSatisfying(InvalidProcessException.class, e -> {
        assertThat(e.problems()).hasSize(15_000);
        assertThat(e.getMessage()).startsWith("process 'generated' is invalid (15000 problems):")
            .endsWith("\n  … and 14980 more; problems() lists every one").hasSizeLessThan(20 * 400);
        assertThat(e.getMessage().lines().filter(l -> l.startsWith("  - "))).hasSize(20);
        assertThat(e.problems().get(0).message()).contains("(stages: [start, won, s0, s1,", "… 4982 more])")
            .hasSizeLessThan(400);
      });
    }

    @Test
    void aDefinitionWithAFewProblemsListsThemAll() {
      Throwable thrown = catchThrowable(() -> SalesProcess.builder("small").stage(Stage.open("a", "A"))
          .initialStage("a").build());
      assertThat(thrown.getMessage()).doesNotContain("more;").contains("(2 problems)");
    }
  }
  static Stream<Arguments> badGuardParameters() {
    return Stream.<Object[]>of(
        new Object[] {"followUpsBeforeNoResponseLoss(-1)", (ThrowingCallable) () ->
            SalesGuards.followUpsBeforeNoResponseLoss(-1), "n must be between 0 and 100"},
        new Object[] {"followUpsBeforeNoResponseLoss(101)", (ThrowingCallable) () ->
            SalesGuards.followUpsBeforeNoResponseLoss(101), "n must be between 0 and 100"},
        new Object[] {"followUpsBeforeNoResponseLoss(MAX_VALUE)", (ThrowingCallable) () ->
            SalesGuards.followUpsBeforeNoResponseLoss(Integer.MAX_VALUE), "but was 2147483647"},
        new Object[] {"unansweredFollowUpsAtLeast(0)", (ThrowingCallable) () ->
            SalesGuards.unansweredFollowUpsAtLeast(0), "m must be between 1 and 100"},
        new Object[] {"unansweredFollowUpsAtLeast(MAX_VALUE)", (ThrowingCallable) () ->
            SalesGuards.unansweredFollowUpsAtLeast(Integer.MAX_VALUE), "m must be between 1 and 100"},
        new Object[] {"contactChannelsAtLeast(0)", (ThrowingCallable) () ->
            SalesGuards.contactChannelsAtLeast(0), "n must be between 1 and 6"},
        new Object[] {"contactChannelsAtLeast(7)", (ThrowingCallable) () ->
            SalesGuards.contactChannelsAtLeast(7), "there are 6 contact channels"},
        new Object[] {"contactChannelsAtLeast(99)", (ThrowingCallable) () ->
            SalesGuards.contactChannelsAtLeast(99), "n must be between 1 and 6 (there are 6 contact channels"},
        new Object[] {"bantAtLeast(5)", (ThrowingCallable) () -> SalesGuards.bantAtLeast(5),
            "k must be between 1 and 4"},
        new Object[] {"decisionWithin(-1 day)", (ThrowingCallable) () ->
            SalesGuards.decisionWithin(java.time.Period.ofDays(-1)), "horizon must not be negative"},
        new Object[] {"decisionWithin(101 years)", (ThrowingCallable) () ->
            SalesGuards.decisionWithin(java.time.Period.ofYears(101)), "horizon must be at most 100 years"},
        new Object[] {"decisionWithin(MAX_VALUE years)", (ThrowingCallable) () ->
            SalesGuards.decisionWithin(java.time.Period.ofYears(Integer.MAX_VALUE)), "at most 100 years"},
        new Object[] {"decisionWithin(36,526 days)", (ThrowingCallable) () ->
            SalesGuards.decisionWithin(java.time.Period.ofDays(36_526)), "36525 in its days"},
        new Object[] {"FollowUpCadence.every(3,661 days)", (ThrowingCallable) () ->
            io.salesflow.guard.FollowUpCadence.every(java.time.Duration.ofDays(3_661)),
            "interval must be positive and at most 3660 days"},
        new Object[] {"FollowUpCadence.every(MAX seconds)", (ThrowingCallable) () ->
            io.salesflow.guard.FollowUpCadence.every(java.time.Duration.ofSeconds(Long.MAX_VALUE)), "3660 days"},
        new Object[] {"stallAfter(3,661 days)", (ThrowingCallable) () -> Stage.builder().id("x").name("X")
            .kind(StageKind.OPEN).stallAfter(java.time.Duration.ofDays(3_661)).build(),
            "stall threshold of stage 'x' must be positive and at most 3660 days"},
        new Object[] {"requiredFields(blank)", (ThrowingCallable) () -> TransitionGuard.requiredFields(" "),
            "required field name must not be blank"},
        new Object[] {"requiredFields(line break)", (ThrowingCallable) () -> TransitionGuard.requiredFields("a\nb"),
            "required field name must not contain control or invisible characters"})
        .map(a -> Arguments.of(org.junit.jupiter.api.Named.of((String) a[0], a[1]), a[2]));
  }

  @Nested
  class GuardParameters {
    @ParameterizedTest(name = "{0}")
    @MethodSource("io.salesflow.LimitsTests#badGuardParameters")
    void outsideTheirMeaningfulRangeAreRefusedWithTheLimit(ThrowingCallable call, String fragment) {
      assertRefused(call, IllegalArgumentException.class, fragment);
    }

    @Test
    void theEndsOfEachRangeAreAccepted() {
      assertThatCode(() -> {
        SalesGuards.followUpsBeforeNoResponseLoss(0);
        SalesGuards.followUpsBeforeNoResponseLoss(100);
        SalesGuards.unansweredFollowUpsAtLeast(100);
        SalesGuards.contactChannelsAtLeast(6);
        SalesGuards.decisionWithin(java.time.Period.ofYears(100));
        SalesGuards.decisionWithin(java.time.Period.ofDays(36_525));
        io.salesflow.guard.FollowUpCadence.every(java.time.Duration.ofDays(3_660));
      }).doesNotThrowAnyException();
    }
  }

  static Stream<Arguments> nullVerdictGuards() {
    TransitionGuard flaky = TransitionGuard.named("flaky check", ctx -> null);
    TransitionGuard denies = TransitionGuard.of("never", ctx -> false, "never: not today");
    return Stream.<Object[]>of(
        new Object[] {"a named guard", flaky, "'flaky check'"},
        new Object[] {"an unnamed lambda", (TransitionGuard) ctx -> null, "'custom guard'"},
        new Object[] {"inside allOf", TransitionGuard.allOf(denies, flaky), "'flaky check'"},
        new Object[] {"inside anyOf", TransitionGuard.anyOf(denies, flaky), "'flaky check'"},
        new Object[] {"inside not", TransitionGuard.not(flaky), "'flaky check'"},
        new Object[] {"a BANT policy", SalesGuards.bant("odd policy", bant -> null), "BANT policy 'odd policy'"})
        .map(a -> Arguments.of(org.junit.jupiter.api.Named.of((String) a[0], a[1]), a[2]));
  }

  static SalesProcess guardedBy(TransitionGuard guard) {
    return SalesProcess.builder("guarded").stage(Stage.open("lead", "Lead")).stage(Stage.won("won", "Won"))
        .initialStage("lead").transition("lead", EventType.CLOSED_WON, "won", guard).build();
  }

  @Nested
  class GuardVerdicts {
    @ParameterizedTest(name = "{0}")
    @MethodSource("io.salesflow.LimitsTests#nullVerdictGuards")
    void aNullVerdictFailsTheFireNamingTheGuardAndChangesNothing(TransitionGuard guard, String label) {
      DealEngine engine = DealEngine.tableEngine().process(guardedBy(guard)).build();
      Deal started = engine.start("D-1", "guarded");
      assertRefused(() -> engine.fire("D-1", new SalesEvent.ClosedWon(T0, BigDecimal.TEN)),
          IllegalStateException.class, label, "deal 'D-1'", "closed-won");
      assertThat(engine.get("D-1")).isEqualTo(started);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.salesflow.LimitsTests#nullVerdictGuards")
    void aNullVerdictFailsExplainNamingTheGuard(TransitionGuard guard, String label) {
      SalesProcess process = guardedBy(guard);
      Deal deal = Deal.builder().id("D-1").processId("guarded").stage("lead").version(0).createdAt(T0)
          .enteredStageAt(T0).build();
      assertRefused(() -> process.explain(deal, T0), IllegalStateException.class, label, "returned ",
          "null");
      assertRefused(() -> process.explain(deal, new SalesEvent.ClosedWon(T0, BigDecimal.TEN), T0),
          IllegalStateException.class, label);
    }

    @Test
    void aDenialWithANullReasonIsRefusedWithAMessage() {
      assertRefused(() -> GuardVerdict.deny(java.util.Arrays.asList("ok", null)), NullPointerException.class,
          "reason must not be null");
    }
  }

  static Deal dealOf(String processId, String id, String stage, List<TransitionRecord> records) {
    return Deal.builder().id(id).processId(processId).stage(stage).version(records.size()).createdAt(T0)
        .enteredStageAt(T0).history(TransitionHistory.of(records)).build();
  }

  @Nested
  class PipelineQueries {
    @Test
    void aFunnelOverADealThatPassedAStageTheProcessLacksNamesTheDealAndTheStage() {
      SalesEvent event = new SalesEvent.PresentationDelivered(T0);
      Deal passed = dealOf("inbound-demo", "D-9", "demo", List.of(
          new TransitionRecord(1, "lead", "ghost", event, T0, false),
          new TransitionRecord(2, "ghost", "demo", event, T0, false)));
      assertRefused(() -> io.salesflow.analytics.FunnelReport.of(Fixtures.demoProcess(), List.of(passed), T0),
          IllegalArgumentException.class, "deal 'D-9' passed through stage 'ghost', which process 'inbound-demo'"
              + " does not have");
      Deal in = dealOf("inbound-demo", "D-8", "ghost", List.of());
      assertRefused(() -> io.salesflow.analytics.FunnelReport.of(Fixtures.demoProcess(), List.of(in), T0),
          IllegalArgumentException.class, "deal 'D-8' is in stage 'ghost'");
    }

    @Test
    void overdueFollowUpsRefuseDealsOfAnotherProcessRatherThanMixThemIn() {
      var cadence = io.salesflow.guard.FollowUpCadence.every(java.time.Duration.ofDays(3));
      Deal ours = dealOf("inbound-demo", "D-1", "lead", List.of());
      Deal theirs = dealOf("outbound", "D-2", "lead", List.of());
      assertRefused(() -> cadence.overdue(Fixtures.demoProcess(), List.of(ours, theirs), T0.plusSeconds(864_000)),
          IllegalArgumentException.class, "deal 'D-2' runs in process 'outbound', not in 'inbound-demo'");
      Deal lost = dealOf("inbound-demo", "D-3", "nowhere", List.of());
      assertRefused(() -> cadence.overdue(Fixtures.demoProcess(), List.of(lost), T0),
          IllegalArgumentException.class, "deal 'D-3' is in stage 'nowhere'");
      assertThat(cadence.overdue(Fixtures.demoProcess(), List.of(ours), T0.plusSeconds(864_000)))
          .containsExactly(ours);
    }
  }
}
