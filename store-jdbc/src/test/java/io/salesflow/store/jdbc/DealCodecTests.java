package io.salesflow.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import io.salesflow.BantAssessment;
import io.salesflow.DealFacts;
import io.salesflow.EventType;
import io.salesflow.SalesEvent;
import io.salesflow.SalesEvent.ApproachMethod;
import io.salesflow.SalesEvent.ClosingTechnique;
import io.salesflow.SalesEvent.ContactChannel;
import io.salesflow.SalesEvent.FollowUpOutcome;
import io.salesflow.SalesEvent.LeadTemperature;
import io.salesflow.SalesEvent.LossReason;
import io.salesflow.SalesEvent.LeadSource;
import io.salesflow.SalesEvent.ObjectionCategory;
import io.salesflow.SalesEvent.StakeholderRole;
import io.salesflow.Stage;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class DealCodecTests {
  private static final Instant AT = Instant.parse("2026-01-01T00:00:00.000000001Z");

  @Test
  void keepsNanosecondsAndEmptyFacts() {
    DealCodec.State state = new DealCodec.State(AT, AT.plusNanos(1), DealFacts.none());

    assertThat(DealCodec.readState(DealCodec.writeState(state))).isEqualTo(state);
  }

  @Test
  void readsACustomEventTypeItHasNeverSeen() {
    SalesEvent event = new SalesEvent.Custom(EventType.custom("trial-extended"), AT, Map.of("days", "14"));

    assertThat(DealCodec.readPayload(DealCodec.writePayload(new DealCodec.Payload(AT, event))).event())
        .isEqualTo(event);
  }

  @Test
  void refusesADocumentOfANewerFormatAndSaysWhy() {
    assertThatThrownBy(() -> DealCodec.readPayload("{\"format\":2,\"at\":\"" + AT + "\"}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("format 2 is not supported");
  }

  @Test
  void namesAMissingMember() {
    assertThatThrownBy(() -> DealCodec.readPayload("{\"format\":1,\"at\":\"" + AT + "\",\"event\":{\"type\":"
        + "\"closed-won\",\"occurredAt\":\"" + AT + "\"}}"))
        .hasMessageContaining("'amount' is missing");
  }

  @Test
  void namesAnEnumConstantItDoesNotKnowAndTheConstantsItDoes() {
    assertThatThrownBy(() -> DealCodec.readPayload("{\"format\":1,\"at\":\"" + AT + "\",\"event\":{\"type\":"
        + "\"lead-scored\",\"occurredAt\":\"" + AT + "\",\"temperature\":\"LUKEWARM\"}}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("member 'temperature'")
        .hasMessageContaining("'LUKEWARM' is not a LeadTemperature, one of [COLD, HOT, ICE_COLD, WARM]");
  }

  // ---------------------------------------------------------------- records the codec derives from

  record EveryKind(Instant occurredAt, String text, ContactChannel channel, BigDecimal amount, LocalDate date,
      BantAssessment bant, Map<String, String> attributes, @Nullable String note) {}

  record WithUuid(Instant occurredAt, UUID id) {}

  record WithIntegerMap(Instant occurredAt, Map<String, Integer> counts) {}

  @Test
  void storesEachComponentByNameAndTypeAndLeavesOutNullOnes() {
    EveryKind value = new EveryKind(OCCURRED, "text", ContactChannel.SOCIAL, new BigDecimal("1.50"),
        LocalDate.of(2026, 2, 28), BantAssessment.builder().decisionBy(LocalDate.of(2026, 3, 1)).build(),
        Map.of("b", "2", "a", "1"), null);
    DealCodec.RecordCodec codec = DealCodec.RecordCodec.of(EveryKind.class);
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("occurredAt", OCCURRED.toString());

    codec.write(value, doc);

    String json = Json.write(doc);
    assertThat(json).isEqualTo(("{'occurredAt':'2026-03-04T05:06:07.000000001Z','text':'text','channel':'SOCIAL',"
        + "'amount':'1.50','date':'2026-02-28','bant':{'timing':{'decisionDate':'2026-03-01'}},"
        + "'attributes':{'a':'1','b':'2'}}").replace('\'', '"'));
    assertThat(codec.read(new DealCodec.Doc((Map<?, ?>) Json.read(json)))).isEqualTo(value);
  }

  @Test
  void refusesAComponentOfATypeItCannotStoreNamingTheRecordTheComponentAndTheType() {
    assertThatThrownBy(() -> DealCodec.RecordCodec.of(WithUuid.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("component 'id' of " + WithUuid.class.getName())
        .hasMessageContaining("its type java.util.UUID");
    assertThatThrownBy(() -> DealCodec.RecordCodec.of(WithIntegerMap.class))
        .hasMessageContaining("component 'counts' of " + WithIntegerMap.class.getName())
        .hasMessageContaining("its type java.util.Map<java.lang.String, java.lang.Integer>");
  }

  // ---------------------------------------------------------------- the stored form of every event

  private static final Instant RECORDED = Instant.parse("2026-03-04T05:06:07.123456789Z");
  private static final Instant OCCURRED = Instant.parse("2026-03-04T05:06:07.000000001Z");
  private static final BantAssessment FULL_BANT = BantAssessment.builder()
      .budget(new BigDecimal("25000.50"), true)
      .authority(true, 4)
      .painPoints("manual reporting", "slow\nonboarding")
      .decisionBy(LocalDate.of(2026, 12, 15))
      .build();

  /** An event and the exact document the store writes for it; in JSON, ' stands for ". */
  private record Pinned(SalesEvent event, String json) {}

  /**
   * The payload documents already in databases, byte for byte: each line was written by the store before its codec
   * derived the members from the event records. A new built-in event needs a row here.
   */
  private static final List<Pinned> PINNED = List.of(
      new Pinned(new SalesEvent.ContactMade(OCCURRED, ContactChannel.VIDEO_CALL, ApproachMethod.QUESTION),
          "{'type':'contact-made','occurredAt':'2026-03-04T05:06:07.000000001Z','channel':'VIDEO_CALL',"
              + "'approach':'QUESTION'}"),
      new Pinned(new SalesEvent.ContactMade(OCCURRED, ContactChannel.EMAIL),
          "{'type':'contact-made','occurredAt':'2026-03-04T05:06:07.000000001Z','channel':'EMAIL'}"),
      new Pinned(new SalesEvent.LeadScored(OCCURRED, LeadTemperature.HOT),
          "{'type':'lead-scored','occurredAt':'2026-03-04T05:06:07.000000001Z','temperature':'HOT'}"),
      new Pinned(new SalesEvent.QualificationAssessed(OCCURRED, FULL_BANT),
          "{'type':'qualification-assessed','occurredAt':'2026-03-04T05:06:07.000000001Z','assessment':{"
              + "'budget':{'amount':'25000.50','confirmed':true},"
              + "'authority':{'decisionMakerIdentified':true,'stakeholders':4},"
              + "'need':{'painPoints':['manual reporting','slow\\nonboarding']},"
              + "'timing':{'decisionDate':'2026-12-15'}}}"),
      new Pinned(new SalesEvent.QualificationAssessed(OCCURRED, BantAssessment.unknown()),
          "{'type':'qualification-assessed','occurredAt':'2026-03-04T05:06:07.000000001Z','assessment':{}}"),
      new Pinned(new SalesEvent.Disqualified(OCCURRED, "no budget \u00e9\t"),
          "{'type':'disqualified','occurredAt':'2026-03-04T05:06:07.000000001Z','reason':'no budget \u00e9\\t'}"),
      new Pinned(new SalesEvent.PresentationDelivered(OCCURRED),
          "{'type':'presentation-delivered','occurredAt':'2026-03-04T05:06:07.000000001Z'}"),
      new Pinned(new SalesEvent.ObjectionRaised(OCCURRED, ObjectionCategory.COMPETITOR, "cheaper elsewhere"),
          "{'type':'objection-raised','occurredAt':'2026-03-04T05:06:07.000000001Z','category':'COMPETITOR',"
              + "'detail':'cheaper elsewhere'}"),
      new Pinned(new SalesEvent.ObjectionResolved(OCCURRED, ObjectionCategory.PRICE),
          "{'type':'objection-resolved','occurredAt':'2026-03-04T05:06:07.000000001Z','category':'PRICE'}"),
      new Pinned(new SalesEvent.ProposalSent(OCCURRED, new BigDecimal("12000.00")),
          "{'type':'proposal-sent','occurredAt':'2026-03-04T05:06:07.000000001Z','amount':'12000.00'}"),
      new Pinned(new SalesEvent.ProposalSent(OCCURRED, null),
          "{'type':'proposal-sent','occurredAt':'2026-03-04T05:06:07.000000001Z'}"),
      new Pinned(new SalesEvent.TermsNegotiated(OCCURRED, "net 30"),
          "{'type':'terms-negotiated','occurredAt':'2026-03-04T05:06:07.000000001Z','summary':'net 30'}"),
      new Pinned(new SalesEvent.ContractSigned(OCCURRED),
          "{'type':'contract-signed','occurredAt':'2026-03-04T05:06:07.000000001Z'}"),
      new Pinned(new SalesEvent.ClosedWon(OCCURRED, new BigDecimal("1.2E+4"), ClosingTechnique.STANDING_ROOM_ONLY),
          "{'type':'closed-won','occurredAt':'2026-03-04T05:06:07.000000001Z','amount':'1.2E+4',"
              + "'technique':'STANDING_ROOM_ONLY'}"),
      new Pinned(new SalesEvent.ClosedWon(OCCURRED, BigDecimal.ZERO),
          "{'type':'closed-won','occurredAt':'2026-03-04T05:06:07.000000001Z','amount':'0'}"),
      new Pinned(new SalesEvent.ClosedLost(OCCURRED, LossReason.NO_DECISION, "went quiet",
          ClosingTechnique.EXTRA_INDUCEMENT),
          "{'type':'closed-lost','occurredAt':'2026-03-04T05:06:07.000000001Z','reason':'NO_DECISION',"
              + "'detail':'went quiet','technique':'EXTRA_INDUCEMENT'}"),
      new Pinned(new SalesEvent.ClosedLost(OCCURRED, LossReason.PRICE),
          "{'type':'closed-lost','occurredAt':'2026-03-04T05:06:07.000000001Z','reason':'PRICE','detail':''}"),
      new Pinned(new SalesEvent.FollowUpLogged(OCCURRED, ContactChannel.PHONE, FollowUpOutcome.NO_RESPONSE),
          "{'type':'follow-up-logged','occurredAt':'2026-03-04T05:06:07.000000001Z','channel':'PHONE',"
              + "'outcome':'NO_RESPONSE'}"),
      new Pinned(new SalesEvent.ReferralReceived(OCCURRED, "Acme Corp"),
          "{'type':'referral-received','occurredAt':'2026-03-04T05:06:07.000000001Z','source':'Acme Corp'}"),
      new Pinned(new SalesEvent.OnboardingDone(OCCURRED),
          "{'type':'onboarding-done','occurredAt':'2026-03-04T05:06:07.000000001Z'}"),
      new Pinned(new SalesEvent.TermsNegotiated(OCCURRED, "two-year term", new BigDecimal("7.50"), "net 30"),
          "{'type':'terms-negotiated','occurredAt':'2026-03-04T05:06:07.000000001Z','summary':'two-year term',"
              + "'discountPercent':'7.50','paymentTerms':'net 30'}"),
      new Pinned(new SalesEvent.ForecastUpdated(OCCURRED, LocalDate.of(2026, 6, 30), new BigDecimal("12000"),
          Stage.ForecastCategory.BEST_CASE),
          "{'type':'forecast-updated','occurredAt':'2026-03-04T05:06:07.000000001Z','expectedClose':'2026-06-30',"
              + "'amount':'12000','category':'BEST_CASE'}"),
      new Pinned(new SalesEvent.StakeholderEngaged(OCCURRED, "dana@acme.example", StakeholderRole.CHAMPION),
          "{'type':'stakeholder-engaged','occurredAt':'2026-03-04T05:06:07.000000001Z',"
              + "'contact':'dana@acme.example','role':'CHAMPION'}"),
      new Pinned(new SalesEvent.ExpansionStarted(OCCURRED, LeadSource.UPSELL, "D-43"),
          "{'type':'expansion-started','occurredAt':'2026-03-04T05:06:07.000000001Z','kind':'UPSELL',"
              + "'dealId':'D-43'}"),
      new Pinned(new SalesEvent.QualificationScored(OCCURRED, DealFacts.Scorecard.of(DealFacts.Scorecard.Framework.MEDDIC)
          .confirm(DealFacts.Scorecard.Element.CHAMPION, "Dana")),
          "{'type':'qualification-scored','occurredAt':'2026-03-04T05:06:07.000000001Z','scorecard':{"
              + "'framework':'MEDDIC','findings':[{'element':'CHAMPION','confirmed':true,'note':'Dana'}]}}"),
      new Pinned(new SalesEvent.Custom(EventType.custom("trial-extended"), OCCURRED,
          Map.of("days", "14", "by", "rep")),
          "{'type':'trial-extended','occurredAt':'2026-03-04T05:06:07.000000001Z',"
              + "'attributes':{'by':'rep','days':'14'}}"));

  @Test
  void readsBackTheForecastSourceStakeholderTermsScorecardAndExpansionFacts() {
    DealFacts facts = DealFacts.builder()
        .expectedClose(LocalDate.of(2026, 6, 30))
        .forecastCategory(Stage.ForecastCategory.COMMIT)
        .leadSource(LeadSource.UPSELL)
        .parentDealId("D-7")
        .addExpansions(new DealFacts.Expansion("D-43", LeadSource.RENEWAL, OCCURRED))
        .addStakeholders(new DealFacts.Stakeholder("dana@acme.example", StakeholderRole.CHAMPION, OCCURRED))
        .addStakeholders(new DealFacts.Stakeholder("the CFO", StakeholderRole.ECONOMIC_BUYER, RECORDED))
        .negotiatedTerms(new DealFacts.Terms("two-year term", new BigDecimal("7.50"), null, RECORDED))
        .addScorecards(DealFacts.Scorecard.of(DealFacts.Scorecard.Framework.CHAMP)
            .confirm(DealFacts.Scorecard.Element.MONEY, "50k").identify(DealFacts.Scorecard.Element.AUTHORITY, ""))
        .build();
    DealCodec.State state = new DealCodec.State(OCCURRED, RECORDED, facts);

    assertThat(DealCodec.readState(DealCodec.writeState(state))).isEqualTo(state);
    assertThat(DealCodec.writeState(new DealCodec.State(OCCURRED, RECORDED, DealFacts.none())))
        .doesNotContain("expectedClose").doesNotContain("stakeholders");
  }

  @Test
  void writesEveryBuiltInEventExactlyAsTheDocumentsAlreadyStored() {
    for (Pinned pinned : PINNED) {
      String document = ("{'format':1,'at':'2026-03-04T05:06:07.123456789Z','event':" + pinned.json() + "}")
          .replace('\'', '"');

      assertThat(DealCodec.writePayload(new DealCodec.Payload(RECORDED, pinned.event())))
          .as("the stored form of %s", pinned.event())
          .isEqualTo(document);
      assertThat(DealCodec.readPayload(document))
          .as("reading the stored form of %s", pinned.event())
          .isEqualTo(new DealCodec.Payload(RECORDED, pinned.event()));
    }
  }

  @Test
  void pinsTheStoredFormOfEveryBuiltInEventType() {
    Set<EventType> missing = new LinkedHashSet<>(EventType.builtIn());
    PINNED.forEach(p -> missing.remove(p.event().type()));

    assertThat(missing).as("built-in event types with no row in DealCodecTests.PINNED; add one for each").isEmpty();
  }

  @Test
  void roundTripsAnEventOfEveryBuiltInType() {
    for (EventType type : EventType.builtIn()) {
      List<SalesEvent> samples = samplesOf(type);
      assertThat(samples).as("samples of %s", type).isNotEmpty();
      for (SalesEvent event : samples) {
        assertThat(event.type()).isEqualTo(type);
        String json = DealCodec.writePayload(new DealCodec.Payload(RECORDED, event));

        assertThat(DealCodec.readPayload(json).event()).as("%s, stored as %s", event, json).isEqualTo(event);
      }
    }
  }

  /**
   * Builds events of a built-in type from its record's components: every constant of each enum component appears in
   * some sample, and each {@code @Nullable} component is null in every other sample.
   */
  private static List<SalesEvent> samplesOf(EventType type) {
    Class<? extends SalesEvent> eventClass = type.eventClass()
        .orElseThrow(() -> new AssertionError(type + " is built in but has no event class"));
    RecordComponent[] components = eventClass.getRecordComponents();
    int variants = 2;
    for (RecordComponent component : components) {
      if (component.getType().isEnum()) {
        variants = Math.max(variants, component.getType().getEnumConstants().length);
      }
    }
    Class<?>[] parameterTypes = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      parameterTypes[i] = components[i].getType();
    }
    List<SalesEvent> samples = new ArrayList<>();
    for (int variant = 0; variant < variants; variant++) {
      @Nullable Object[] args = new Object[components.length];
      for (int i = 0; i < components.length; i++) {
        boolean nullable = components[i].getAnnotatedType().isAnnotationPresent(Nullable.class);
        args[i] = nullable && variant % 2 == 1 ? null : sample(eventClass, components[i], variant);
      }
      try {
        samples.add(eventClass.getConstructor(parameterTypes).newInstance(args));
      } catch (InvocationTargetException e) {
        throw new AssertionError("the samples of " + eventClass.getName() + " are refused by its constructor", e);
      } catch (ReflectiveOperationException e) {
        throw new AssertionError(e);
      }
    }
    return samples;
  }

  private static Object sample(Class<?> eventClass, RecordComponent component, int variant) {
    Class<?> type = component.getType();
    if (type == Instant.class) {
      return OCCURRED.plusSeconds(variant);
    }
    if (type == String.class && List.of("contact", "dealId").contains(component.getName())) {
      return component.getName() + " " + variant; // held to the rules of ids: no line breaks
    }
    if (type == String.class) {
      return component.getName() + " \"" + variant + "\"\n";
    }
    if (type == LeadSource.class && eventClass == SalesEvent.ExpansionStarted.class) {
      List<LeadSource> kinds = List.of(LeadSource.UPSELL, LeadSource.CROSS_SELL, LeadSource.RENEWAL, LeadSource.REPEAT);
      return kinds.get(variant % kinds.size());
    }
    if (type.isEnum()) {
      Object[] constants = type.getEnumConstants();
      return constants[variant % constants.length];
    }
    if (type == BigDecimal.class && component.getName().equals("discountPercent")) {
      return new BigDecimal("12.50").movePointLeft(variant);
    }
    if (type == BigDecimal.class) {
      return new BigDecimal("12000.50").movePointLeft(variant);
    }
    if (type == LocalDate.class) {
      return LocalDate.of(2026, 12, 15).plusDays(variant);
    }
    if (type == BantAssessment.class) {
      return variant % 2 == 0 ? FULL_BANT : BantAssessment.unknown();
    }
    if (type == DealFacts.Scorecard.class) {
      DealFacts.Scorecard.Framework framework = DealFacts.Scorecard.Framework.values()[variant % 3];
      return DealFacts.Scorecard.of(framework).confirm(framework.elements().get(0), "note \"" + variant + "\"")
          .identify(framework.elements().get(1), "");
    }

    if (type == Map.class) {
      return Map.of("variant", String.valueOf(variant), "empty", "");
    }
    return fail("DealCodecTests has no sample for component '" + component.getName() + "' of "
        + eventClass.getName() + ", of type " + component.getGenericType().getTypeName() + "; add one in sample()");
  }
}
