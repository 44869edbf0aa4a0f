package io.salesflow.jackson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesflow.BantAssessment;
import io.salesflow.Deal;
import io.salesflow.DealFacts;
import io.salesflow.EventType;
import io.salesflow.FollowUpLog;
import io.salesflow.SalesEvent;
import io.salesflow.SalesEvent.ApproachMethod;
import io.salesflow.SalesEvent.ClosingTechnique;
import io.salesflow.SalesEvent.ContactChannel;
import io.salesflow.SalesEvent.FollowUpOutcome;
import io.salesflow.SalesEvent.LeadTemperature;
import io.salesflow.SalesEvent.LossReason;
import io.salesflow.SalesEvent.ObjectionCategory;
import io.salesflow.SalesProcess;
import io.salesflow.TransitionHistory;
import io.salesflow.TransitionRecord;
import io.salesflow.catalog.SalesCatalog;
import io.salesflow.engine.DealEngine;
import io.salesflow.engine.FireResult;
import io.salesflow.testkit.EventGenerator;
import io.salesflow.testkit.ManualClock;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * What every Jackson line does with Salesflow's types, the same JSON on each: salesflow-jackson runs it on Jackson 3
 * and salesflow-jackson2 on Jackson 2. The pinned examples are the wire format; a change to them is a change for
 * every client.
 */
abstract class JsonContract {
  static final int WALKS_PER_PROCESS = 100;
  static final int MAX_WALK_LENGTH = 30;
  static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");

  /** A mapper of one Jackson line, as the contract drives it. */
  interface Json {
    String write(Object value) throws Exception;

    <T> T read(String json, Class<T> type) throws Exception;
  }

  /** {@return a new mapper whose Salesflow module reads the built-in event types and {@code customTypes}} */
  abstract Json newJson(Collection<EventType> customTypes);

  /** {@return a mapper whose Salesflow module reads events of any custom type} */
  abstract Json jsonReadingAnyEventType();

  /** {@return the line's exception for an unknown type id} */
  abstract Class<? extends Exception> invalidTypeIdException();

  /** {@return the type id an {@link #invalidTypeIdException()} names} */
  abstract String typeIdOf(Exception invalidTypeId);

  private final Map<Set<EventType>, Json> mappers = new ConcurrentHashMap<>();

  /** {@return a mapper whose Salesflow module reads the built-in event types and {@code customTypes}} */
  Json json(Collection<EventType> customTypes) {
    // one mapper per configuration, as applications keep theirs: a new mapper starts with cold caches
    return mappers.computeIfAbsent(Set.copyOf(customTypes), this::newJson);
  }

  Json json() {
    return json(List.of());
  }

  <T> T roundTrip(Json json, T value, Class<T> type) throws Exception {
    String written = json.write(value);
    T read = json.read(written, type);
    assertThat(read).as("read back from %s", written).isEqualTo(value);
    assertThat(json.write(read)).as("written again").isEqualTo(written);
    return read;
  }

  // ---------------------------------------------------------------------------------------------- the round trip

  static List<SalesProcess> processes() {
    List<SalesProcess> processes = new ArrayList<>(SalesCatalog.all());
    processes.add(JsonTestProcesses.inbound());
    processes.add(JsonTestProcesses.partnerDeals());
    return processes;
  }

  @TestFactory
  Stream<DynamicTest> everyDealEventAndResultOfTestkitWalksSurvivesWriteThenRead() {
    return processes().stream().map(process -> DynamicTest.dynamicTest(process.id(), () -> walks(process)));
  }

  private void walks(SalesProcess process) throws Exception {
    EventGenerator events = EventGenerator.forProcess(process);
    SplittableRandom seeds = new SplittableRandom(process.id().hashCode());
    int fired = 0;
    for (int walk = 0; walk < WALKS_PER_PROCESS; walk++) {
      long seed = seeds.nextLong();
      List<SalesEvent> steps = events.walk(new SplittableRandom(seed), MAX_WALK_LENGTH);
      // the walks also fire event types the process does not know; a reader of such results is told about them
      Set<EventType> custom = steps.stream().map(SalesEvent::type).filter(t -> !t.isBuiltIn())
          .collect(Collectors.toSet());
      Json json = json(custom);
      ManualClock clock = ManualClock.startingAt(T0);
      DealEngine engine = DealEngine.tableEngine().process(process).clock(clock).build();
      Deal deal = engine.start(DealEngine.Start.of("D-" + walk, process.id()).idempotencyKey("start-" + walk));
      roundTrip(json, deal, Deal.class);
      for (int step = 0; step < steps.size(); step++) {
        SalesEvent event = steps.get(step);
        clock.set(event.occurredAt());
        String where = process.id() + " walk " + walk + " (seed " + seed + ") step " + (step + 1) + ": " + event;
        try {
          assertThat(json.read(json.write(event), SalesEvent.class)).isEqualTo(event);
          // every other event with an idempotency key, which its transition record keeps
          FireResult result = step % 2 == 0 ? engine.fire(deal.id(), event)
              : engine.fire(deal.id(), event, DealEngine.Fire.options().idempotencyKey("key-" + walk + "-" + step));
          // the result holds the deal snapshot, its history and the transition record: equal results, equal deals
          assertThat(json.read(json.write(result), FireResult.class)).isEqualTo(result);
          deal = result.deal();
          fired++;
        } catch (AssertionError | Exception e) {
          throw new AssertionError(where + ": " + e.getMessage(), e);
        }
      }
      roundTrip(json, deal, Deal.class);
    }
    assertThat(fired).as("events fired on " + process.id()).isGreaterThan(WALKS_PER_PROCESS);
  }

  @Test
  void everyBuiltInEventTypeRoundTripsWithEveryPayloadTheTestkitMakes() throws Exception {
    EventGenerator events = EventGenerator.forProcess(SalesCatalog.eightStep());
    SplittableRandom random = new SplittableRandom(7);
    assertThat(EventType.builtIn()).hasSizeGreaterThanOrEqualTo(15);
    for (EventType type : EventType.builtIn()) {
      for (int i = 0; i < 20; i++) {
        SalesEvent event = events.event(type, T0.plusSeconds(i), random);
        assertThat(event).isInstanceOf(type.eventClass().orElseThrow());
        roundTrip(json(), event, SalesEvent.class);
        Object asItsRecord = roundTrip(json(), event, type.eventClass().orElseThrow().asSubclass(SalesEvent.class));
        assertThat(json().write(asItsRecord)).startsWith("{\"type\":\"" + type.id() + "\",\"occurredAt\":");
      }
    }
  }

  @Test
  void writesAProcessVersionOtherThanOneAnOwnerWhoStartedADealAndEachActorOnlyWhenKnown() throws Exception {
    Deal deal = dealWithHistory();
    TransitionRecord override = new TransitionRecord(3, "proposal", "qualified",
        new SalesEvent.StageOverridden(T0.plusSeconds(60), "back to qualification", false), T0.plusSeconds(60), false,
        null, "manager-max");
    TransitionRecord migration = new TransitionRecord(4, "qualified", "qualified",
        new SalesEvent.DealMigrated(T0.plusSeconds(120), 1, 2, "new process", List.of("amount: required")),
        T0.plusSeconds(120), true, null, "ops-ann");
    Deal versioned = deal.toBuilder().processVersion(2).owner("rep-ann").startedBy("web-form").stage("qualified")
        .version(4).history(deal.history().append(override).append(migration)).build();

    String written = json().write(versioned);

    assertThat(written).contains("\"processId\":\"inbound\",\"processVersion\":2,\"stage\":\"qualified\"",
        "\"owner\":\"rep-ann\",\"startedBy\":\"web-form\"", "\"actor\":\"manager-max\"",
        "{\"type\":\"deal-migrated\",\"occurredAt\":\"2026-01-05T09:02:00Z\",\"fromVersion\":1,\"toVersion\":2,"
            + "\"reason\":\"new process\",\"exceptions\":[\"amount: required\"]}");
    assertThat(json().write(deal)).doesNotContain("processVersion", "owner", "startedBy", "actor");
    roundTrip(json(), versioned, Deal.class);
    assertThat(json().read(json().write(deal), Deal.class).processVersion()).isEqualTo(1);
  }

  @Test
  void customEventRoundTripsWhenItsTypeIsRegistered() throws Exception {
    SalesEvent.Custom event = new SalesEvent.Custom(JsonTestProcesses.SUBMITTED, T0,
        Map.of("segment", "smb", "plan", "team"));
    Json json = json(List.of(JsonTestProcesses.SUBMITTED));
    assertThat(json.write(event)).isEqualTo("{\"type\":\"submitted\",\"occurredAt\":\"2026-01-05T09:00:00Z\","
        + "\"attributes\":{\"plan\":\"team\",\"segment\":\"smb\"}}");
    roundTrip(json, event, SalesEvent.class);
    roundTrip(json, event, SalesEvent.Custom.class);
    assertThat(json.read("{\"type\":\"submitted\",\"occurredAt\":\"2026-01-05T09:00:00Z\"}", SalesEvent.class))
        .as("attributes may be left out").isEqualTo(new SalesEvent.Custom(JsonTestProcesses.SUBMITTED, T0));
    assertThat(jsonReadingAnyEventType().read(json.write(event), SalesEvent.class)).isEqualTo(event);
  }

  @Test
  void unknownEventTypeIsAnErrorNamingIt() {
    String typo = "{\"type\":\"closed-wn\",\"occurredAt\":\"2026-01-05T09:00:00Z\",\"amount\":100}";
    assertThatThrownBy(() -> json().read(typo, SalesEvent.class))
        .isInstanceOf(invalidTypeIdException())
        .satisfies(e -> assertThat(typeIdOf((Exception) e)).isEqualTo("closed-wn"))
        .hasMessageContaining("unknown event type 'closed-wn'")
        .hasMessageContaining("closed-won")
        .hasMessageContaining("withEventTypes(EventType.custom(\"closed-wn\"))");
    String unregistered = "{\"type\":\"submitted\",\"occurredAt\":\"2026-01-05T09:00:00Z\"}";
    assertThatThrownBy(() -> json(List.of(JsonTestProcesses.NOTE_ADDED)).read(unregistered, SalesEvent.class))
        .isInstanceOf(invalidTypeIdException())
        .hasMessageContaining("unknown event type 'submitted'")
        .hasMessageContaining("the custom types registered are note-added");
    assertThatThrownBy(() -> json().read("{\"type\":\"Closed Won\",\"occurredAt\":\"2026-01-05T09:00:00Z\"}",
        SalesEvent.class)).isInstanceOf(invalidTypeIdException()).hasMessageContaining("'Closed Won'")
        .hasMessageContaining("lower-case kebab-case");
  }

  @Test
  void unknownEventTypeInsideADealNamesWhereItIs() throws Exception {
    Deal deal = dealWithHistory();
    String json = json().write(deal).replace("\"type\":\"proposal-sent\"", "\"type\":\"proposal-snet\"");
    assertThatThrownBy(() -> json().read(json, Deal.class))
        .isInstanceOf(invalidTypeIdException())
        .hasMessageContaining("history[1].event.type: unknown event type 'proposal-snet'");
  }

  @Test
  void eventsOfTheProcessesGivenAreRead() throws Exception {
    SalesEvent.Custom note = new SalesEvent.Custom(JsonTestProcesses.NOTE_ADDED, T0, Map.of("topic", "pricing"));
    Json json = json(JsonTestProcesses.partnerDeals().eventTypes());
    assertThat(json.read(json.write(note), SalesEvent.class)).isEqualTo(note);
  }

  // ------------------------------------------------------------------------------------------ the pinned format

  @Test
  void writesEventsWithTheirTypeIdFirst() throws Exception {
    assertThat(json().write(new SalesEvent.ContactMade(T0, ContactChannel.IN_PERSON, ApproachMethod.QUESTION)))
        .isEqualTo("{\"type\":\"contact-made\",\"occurredAt\":\"2026-01-05T09:00:00Z\",\"channel\":\"in-person\","
            + "\"approach\":\"question\"}");
    assertThat(json().write(new SalesEvent.ContactMade(T0, ContactChannel.EMAIL)))
        .as("a null component has no member")
        .isEqualTo("{\"type\":\"contact-made\",\"occurredAt\":\"2026-01-05T09:00:00Z\",\"channel\":\"email\"}");
    assertThat(json().write(qualification())).isEqualTo("""
        {"type":"qualification-assessed","occurredAt":"2026-01-06T10:30:00Z","assessment":{\
        "budget":{"amount":50000,"confirmed":true},\
        "authority":{"decisionMakerIdentified":true,"stakeholders":3},\
        "need":{"painPoints":["manual invoicing","no forecast"]},\
        "timing":{"decisionDate":"2026-03-31"}}}""");
    assertThat(json().write(new SalesEvent.ClosedWon(T0, new BigDecimal("12000.50"),
        ClosingTechnique.ALTERNATIVE_CHOICE))).isEqualTo("{\"type\":\"closed-won\",\"occurredAt\":"
        + "\"2026-01-05T09:00:00Z\",\"amount\":12000.50,\"technique\":\"alternative-choice\"}");
  }

  @Test
  void writesADealWithItsFactsAndHistory() throws Exception {
    assertThat(json().write(dealWithHistory())).isEqualTo("""
        {"id":"D-42","processId":"inbound","stage":"proposal","version":2,\
        "createdAt":"2026-01-05T09:00:00Z","enteredStageAt":"2026-01-07T16:00:00Z","startKey":"req-7f3a",\
        "facts":{"bant":{"budget":{"amount":50000,"confirmed":true},\
        "authority":{"decisionMakerIdentified":true,"stakeholders":3},\
        "need":{"painPoints":["manual invoicing","no forecast"]},"timing":{"decisionDate":"2026-03-31"}},\
        "amount":48000.00,"contactChannels":[],"followUps":[],"openObjections":[],"resolvedObjections":0,\
        "presentations":0,"referralsGiven":0,"source":"website","proposalSentAt":"2026-01-07T16:00:00Z",\
        "attributes":{}},\
        "history":[{"version":1,"from":"new","to":"qualified","event":{"type":"qualification-assessed",\
        "occurredAt":"2026-01-06T10:30:00Z","assessment":{"budget":{"amount":50000,"confirmed":true},\
        "authority":{"decisionMakerIdentified":true,"stakeholders":3},\
        "need":{"painPoints":["manual invoicing","no forecast"]},"timing":{"decisionDate":"2026-03-31"}}},\
        "at":"2026-01-06T10:30:00Z","internal":false},\
        {"version":2,"from":"qualified","to":"proposal","event":{"type":"proposal-sent",\
        "occurredAt":"2026-01-07T16:00:00Z","amount":48000.00},"at":"2026-01-07T16:00:00Z","internal":false,\
        "idempotencyKey":"req-9c1e"}]}""");
  }

  @Test
  void writesAcceptedAndRejectedResults() throws Exception {
    ManualClock clock = ManualClock.startingAt(T0);
    DealEngine engine = DealEngine.tableEngine().process(JsonTestProcesses.inbound()).clock(clock).build();
    engine.start("D-7", "inbound");
    clock.set(Instant.parse("2026-01-05T11:00:00Z"));
    FireResult rejected = engine.fire("D-7", new SalesEvent.QualificationAssessed(clock.instant(),
        BantAssessment.builder().budget(new BigDecimal("50000"), false).build()));
    assertThat(json().write(rejected)).isEqualTo("""
        {"accepted":false,"kind":"guard-denied",\
        "reasons":["BANT: budget, authority, need and timing must all be confirmed"],\
        "message":"deal 'D-7' in process 'inbound' (stage 'new') rejected 'qualification-assessed': \
        BANT: budget, authority, need and timing must all be confirmed",\
        "event":{"type":"qualification-assessed","occurredAt":"2026-01-05T11:00:00Z",\
        "assessment":{"budget":{"amount":50000,"confirmed":false}}},\
        "deal":{"id":"D-7","processId":"inbound","stage":"new","version":0,"createdAt":"2026-01-05T09:00:00Z",\
        "enteredStageAt":"2026-01-05T09:00:00Z","facts":{"bant":{},"contactChannels":[],"followUps":[],\
        "openObjections":[],"resolvedObjections":0,"presentations":0,"referralsGiven":0,"attributes":{}},\
        "history":[]}}""");
    roundTrip(json(), rejected, FireResult.class);
    roundTrip(json(), (FireResult.Rejected) rejected, FireResult.Rejected.class);

    clock.set(Instant.parse("2026-01-05T12:00:00Z"));
    FireResult accepted = engine.fire("D-7", new SalesEvent.FollowUpLogged(clock.instant(), ContactChannel.PHONE,
        FollowUpOutcome.NO_RESPONSE));
    assertThat(json().write(accepted)).isEqualTo("""
        {"accepted":true,"transition":{"version":1,"from":"new","to":"new","event":{"type":"follow-up-logged",\
        "occurredAt":"2026-01-05T12:00:00Z","channel":"phone","outcome":"no-response"},\
        "at":"2026-01-05T12:00:00Z","internal":true},\
        "deal":{"id":"D-7","processId":"inbound","stage":"new","version":1,"createdAt":"2026-01-05T09:00:00Z",\
        "enteredStageAt":"2026-01-05T09:00:00Z","facts":{"bant":{},"contactChannels":["phone"],\
        "followUps":[{"at":"2026-01-05T12:00:00Z","channel":"phone","outcome":"no-response"}],\
        "openObjections":[],"resolvedObjections":0,"presentations":0,"referralsGiven":0,"attributes":{}},\
        "history":[{"version":1,"from":"new","to":"new","event":{"type":"follow-up-logged",\
        "occurredAt":"2026-01-05T12:00:00Z","channel":"phone","outcome":"no-response"},\
        "at":"2026-01-05T12:00:00Z","internal":true}]}}""");
    roundTrip(json(), accepted, FireResult.class);
    roundTrip(json(), (FireResult.Accepted) accepted, FireResult.Accepted.class);
    assertThatThrownBy(() -> json().read(json().write(accepted), FireResult.Rejected.class))
        .hasMessageContaining("accepted: expected false for Rejected, but was true");
  }

  @Test
  void writesAReadOnlyViewOfAProcessForUserInterfaces() throws Exception {
    assertThat(json().write(JsonTestProcesses.inbound())).isEqualTo("""
        {"id":"inbound","version":1,"name":"Inbound","description":"Leads from the website, qualified by BANT",\
        "initialStage":"new","stages":[\
        {"id":"new","name":"New","description":"","kind":"open","winProbability":0.05,"forecastCategory":"pipeline",\
        "stallAfter":"PT336H",\
        "guidance":"Call within a day","requiredToEnter":[],"requiredToLeave":[]},\
        {"id":"qualified","name":"Qualified","description":"","kind":"open","winProbability":0.3,\
        "forecastCategory":"pipeline",\
        "guidance":"","requiredToEnter":[],"requiredToLeave":["amount"]},\
        {"id":"proposal","name":"Proposal","description":"","kind":"open","forecastCategory":"pipeline","guidance":"",\
        "requiredToEnter":[],"requiredToLeave":[]},\
        {"id":"won","name":"Won","description":"","kind":"won","winProbability":1.0,"forecastCategory":"closed",\
        "guidance":"",\
        "requiredToEnter":[],"requiredToLeave":[]},\
        {"id":"lost","name":"Lost","description":"","kind":"lost","winProbability":0.0,"forecastCategory":"omitted",\
        "guidance":"",\
        "requiredToEnter":[],"requiredToLeave":[]}],\
        "transitions":[\
        {"source":"new","event":"follow-up-logged","target":"new","internal":true},\
        {"source":"new","event":"webinar-attended","target":"new","internal":true},\
        {"source":"new","event":"qualification-assessed","target":"qualified","internal":false,\
        "guard":"BANT: all four confirmed"},\
        {"source":"qualified","event":"proposal-sent","target":"proposal","internal":false,\
        "guard":"requires amount to leave qualified"},\
        {"source":"proposal","event":"closed-won","target":"won","internal":false},\
        {"source":"new","event":"closed-lost","target":"lost","internal":false},\
        {"source":"qualified","event":"closed-lost","target":"lost","internal":false,\
        "guard":"requires amount to leave qualified"},\
        {"source":"proposal","event":"closed-lost","target":"lost","internal":false}],\
        "eventTypes":["follow-up-logged","webinar-attended","qualification-assessed","proposal-sent",\
        "closed-won","closed-lost"]}""");
  }

  @Test
  void writesEveryCatalogProcessWithItsStagesAndGuardLabels() throws Exception {
    for (SalesProcess process : SalesCatalog.all()) {
      String json = json().write(process);
      assertThat(json).startsWith("{\"id\":\"" + process.id() + "\"");
      process.stages().forEach(stage -> assertThat(json).contains("{\"id\":\"" + stage.id() + "\""));
      process.transitions().stream().filter(t -> t.isGuarded()).forEach(t -> assertThat(json)
          .contains("\"guard\":\"" + t.guard().label().replace("\"", "\\\"") + "\""));
    }
  }

  @Test
  void refusesToReadAProcessBackBecauseItsGuardsAreCode() throws Exception {
    String view = json().write(JsonTestProcesses.inbound());
    assertThatThrownBy(() -> json().read(view, SalesProcess.class))
        .hasMessageContaining("read-only view and cannot be read back");
  }

  // ----------------------------------------------------------------------------------------- values and errors

  @Test
  void amountsKeepEveryDigitAndTheirScaleAndAreJsonNumbers() throws Exception {
    for (String amount : List.of("0", "0.00", "12000.50", "1.2E+4", "123456789012345678.123456", "0.000001",
        "999999999999999999.999999")) {
      SalesEvent won = new SalesEvent.ClosedWon(T0, new BigDecimal(amount));
      String json = json().write(won);
      assertThat(json).contains("\"amount\":" + new BigDecimal(amount) + "}");
      SalesEvent.ClosedWon read = json().read(json, SalesEvent.ClosedWon.class);
      assertThat(read.amount()).isEqualTo(new BigDecimal(amount)).hasScaleOf(new BigDecimal(amount).scale());
    }
    assertThat(json().read("{\"type\":\"closed-won\",\"occurredAt\":\"2026-01-05T09:00:00Z\","
        + "\"amount\":\"12000.50\"}", SalesEvent.ClosedWon.class).amount())
        .as("an amount sent as a string").isEqualTo(new BigDecimal("12000.50"));
  }

  @Test
  void instantsAreIsoStringsToTheNanosecond() throws Exception {
    Instant precise = Instant.parse("2026-01-05T09:00:00.123456789Z");
    String json = json().write(new SalesEvent.PresentationDelivered(precise));
    assertThat(json).contains("\"occurredAt\":\"2026-01-05T09:00:00.123456789Z\"");
    assertThat(json().read(json, SalesEvent.class).occurredAt()).isEqualTo(precise);
  }

  @Test
  void toleratesMembersItDoesNotKnow() throws Exception {
    String event = "{\"type\":\"contact-made\",\"clientId\":\"web-7\",\"occurredAt\":\"2026-01-05T09:00:00Z\","
        + "\"channel\":\"EMAIL\",\"extra\":{\"nested\":[1,2.5,null,true]}}";
    assertThat(json().read(event, SalesEvent.class)).isEqualTo(new SalesEvent.ContactMade(T0, ContactChannel.EMAIL));
    Deal deal = dealWithHistory();
    String json = json().write(deal);
    String padded = "{\"etag\":\"abc\"," + json.substring(1, json.length() - 1) + ",\"links\":[{\"rel\":\"self\"}]}";
    assertThat(json().read(padded, Deal.class)).isEqualTo(deal);
  }

  @Test
  void aBuiltInRecordAskedForByItsClassNeedsNoTypeMember() throws Exception {
    assertThat(json().read("{\"occurredAt\":\"2026-01-05T09:00:00Z\",\"channel\":\"phone\"}",
        SalesEvent.ContactMade.class)).isEqualTo(new SalesEvent.ContactMade(T0, ContactChannel.PHONE));
    assertThatThrownBy(() -> json().read("{\"type\":\"contact-made\",\"occurredAt\":\"2026-01-05T09:00:00Z\","
        + "\"channel\":\"phone\"}", SalesEvent.ClosedWon.class))
        .hasMessageContaining("expected an event of type 'closed-won', but the event's type is 'contact-made'");
    assertThatThrownBy(() -> json().read("{\"occurredAt\":\"2026-01-05T09:00:00Z\"}", SalesEvent.class))
        .hasMessageContaining("type: missing; expected the event's type id");
  }

  @Test
  void badMembersAreErrorsThatNameTheMemberAndWhatItShouldBe() {
    assertThatThrownBy(() -> json().read("{\"type\":\"contact-made\",\"channel\":\"email\"}", SalesEvent.class))
        .hasMessageContaining("occurredAt: missing; expected an ISO-8601 instant");
    assertThatThrownBy(() -> json().read("{\"type\":\"contact-made\",\"occurredAt\":\"yesterday\","
        + "\"channel\":\"email\"}", SalesEvent.class))
        .hasMessageContaining("occurredAt: expected an ISO-8601 instant, such as \"2026-01-05T09:00:00Z\", "
            + "but was \"yesterday\"");
    assertThatThrownBy(() -> json().read("{\"type\":\"contact-made\",\"occurredAt\":\"2026-01-05T09:00:00Z\","
        + "\"channel\":\"fax\"}", SalesEvent.class))
        .hasMessageContaining("channel: 'fax' is not a contact channel; expected one of email, phone, in-person, "
            + "social, video-call, other");
    assertThatThrownBy(() -> json().read("{\"type\":\"disqualified\",\"occurredAt\":\"2026-01-05T09:00:00Z\","
        + "\"reason\":\" \"}", SalesEvent.class))
        .as("the record's own check, with the path").hasMessageContaining("reason");
    assertThatThrownBy(() -> json().read("{\"type\":\"closed-won\",\"occurredAt\":\"2026-01-05T09:00:00Z\","
        + "\"amount\":-5}", SalesEvent.class)).hasMessageContaining("amount");
    assertThatThrownBy(() -> json().read("{\"type\":\"qualification-assessed\",\"occurredAt\":"
        + "\"2026-01-05T09:00:00Z\",\"assessment\":{\"authority\":{\"decisionMakerIdentified\":\"yes\","
        + "\"stakeholders\":2}}}", SalesEvent.class))
        .hasMessageContaining("assessment.authority.decisionMakerIdentified: expected true or false, but was \"yes\"");
    assertThatThrownBy(() -> json().read("[1,2]", Deal.class))
        .hasMessageContaining("expected an object (deal), but was an array");
  }

  @Test
  void aDealThatBreaksTheModelsRulesIsRefusedWithTheModelsMessage() throws Exception {
    String json = json().write(dealWithHistory()).replace("\"version\":2,\"createdAt\"",
        "\"version\":5,\"createdAt\"");
    assertThatThrownBy(() -> json().read(json, Deal.class))
        .hasMessageContaining("has version 5 but 2 history records");
  }

  @Test
  void factsMayLeaveOutWhatIsNotKnown() throws Exception {
    assertThat(json().read("{}", DealFacts.class)).isEqualTo(DealFacts.none());
    assertThat(json().read("{\"amount\":100,\"source\":\"fair\"}", DealFacts.class))
        .isEqualTo(DealFacts.builder().amount(new BigDecimal("100")).source("fair").build());
  }

  @Test
  void writesEveryPropertyOfAFullyKnownDealAndReadsItBack() throws Exception {
    Deal known = dealWithHistory().toBuilder().facts(everyFact()).processVersion(2).owner("rep-ann")
        .startedBy("web-form").build();
    Instant at = Instant.parse("2026-01-08T09:00:00Z");
    Deal deal = known.advance(new TransitionRecord(3, "proposal", "proposal",
        new SalesEvent.OwnerAssigned(at, "rep-ann", null), at, true, null, "manager-max"), known.facts());
    String json = roundTripToJson(deal);
    for (String property : properties(Deal.class, true)) {
      assertThat(json).as("Deal." + property + "()").contains("\"" + property + "\":");
    }
    for (String property : List.of("startKey", "owner", "startedBy")) { // read from one shared part of the deal
      assertThat(json).as("Deal." + property + "()").contains("\"" + property + "\":");
    }
    for (String property : properties(DealFacts.class, false)) {
      assertThat(json).as("DealFacts." + property + "()").contains("\"" + property + "\":");
    }
    for (var component : TransitionRecord.class.getRecordComponents()) {
      assertThat(json).as("TransitionRecord." + component.getName()).contains("\"" + component.getName() + "\":");
    }
    for (String property : List.of("budget", "authority", "need", "timing")) {
      assertThat(json).contains("\"" + property + "\":");
    }
  }

  @Test
  void writesEveryCollectionOfFactsAndReadsThemBack() throws Exception {
    DealFacts facts = everyFact();
    roundTrip(json(), facts, DealFacts.class);
    roundTrip(json(), facts.bant(), BantAssessment.class);
    roundTrip(json(), facts.followUps(), FollowUpLog.class);
    roundTrip(json(), dealWithHistory().history(), TransitionHistory.class);
    roundTrip(json(), facts.openObjections().get(0), DealFacts.Objection.class);
    roundTrip(json(), EventType.CLOSED_WON, EventType.class);
  }

  private String roundTripToJson(Deal deal) throws Exception {
    roundTrip(json(), deal, Deal.class);
    return json().write(deal);
  }

  /**
   * The public properties of a model class: its public, non-static, no-argument methods returning a value, except
   * Object's, builders, and (when {@code stateOnly}) the final ones that derive a value from others.
   */
  static Set<String> properties(Class<?> type, boolean stateOnly) {
    Set<String> names = new TreeSet<>();
    for (Method method : type.getDeclaredMethods()) {
      int modifiers = method.getModifiers();
      if (Modifier.isPublic(modifiers) && !Modifier.isStatic(modifiers) && method.getParameterCount() == 0
          && method.getReturnType() != void.class && !method.getReturnType().getSimpleName().equals("Builder")
          && !Set.of("toString", "hashCode").contains(method.getName())
          && !(stateOnly && Modifier.isFinal(modifiers))) {
        names.add(method.getName());
      }
    }
    assertThat(names).as("properties of " + type.getSimpleName()).isNotEmpty();
    return names;
  }

  // ----------------------------------------------------------------------------------------------- test values

  static SalesEvent.QualificationAssessed qualification() {
    return new SalesEvent.QualificationAssessed(Instant.parse("2026-01-06T10:30:00Z"), BantAssessment.builder()
        .budget(new BigDecimal("50000"), true).authority(true, 3).painPoints("manual invoicing", "no forecast")
        .decisionBy(LocalDate.parse("2026-03-31")).build());
  }

  /** A deal of {@link JsonTestProcesses#inbound()} qualified and sent a proposal, as the engine made it. */
  static Deal dealWithHistory() {
    ManualClock clock = ManualClock.startingAt(T0);
    DealEngine engine = DealEngine.tableEngine().process(JsonTestProcesses.inbound()).clock(clock).build();
    engine.start(DealEngine.Start.of("D-42", "inbound").facts(DealFacts.builder().source("website").build())
        .idempotencyKey("req-7f3a"));
    clock.set(Instant.parse("2026-01-06T10:30:00Z"));
    assertThat(engine.fire("D-42", qualification()).isAccepted()).isTrue();
    clock.set(Instant.parse("2026-01-07T16:00:00Z"));
    assertThat(engine.fire("D-42", new SalesEvent.ProposalSent(clock.instant(), new BigDecimal("48000.00")),
        DealEngine.Fire.options().idempotencyKey("req-9c1e")).isAccepted()).isTrue();
    return engine.get("D-42");
  }

  /** Facts with every fact known and every collection holding something. */
  static DealFacts everyFact() {
    return DealFacts.builder()
        .bant(qualification().assessment())
        .amount(new BigDecimal("48000.00"))
        .source("referral from Acme")
        .leadTemperature(LeadTemperature.HOT)
        .approachMethod(ApproachMethod.PRODUCT)
        .closingTechnique(ClosingTechnique.STANDING_ROOM_ONLY)
        .addContactChannels(ContactChannel.VIDEO_CALL, ContactChannel.EMAIL)
        .followUps(FollowUpLog.of(List.of(
            new DealFacts.FollowUp(T0, ContactChannel.EMAIL, FollowUpOutcome.NO_RESPONSE),
            new DealFacts.FollowUp(T0.plusSeconds(3600), ContactChannel.VIDEO_CALL, FollowUpOutcome.REJECTED))))
        .openObjections(List.of(new DealFacts.Objection(ObjectionCategory.PRICE, "too expensive", T0)))
        .resolvedObjections(2)
        .presentations(1)
        .referralsGiven(3)
        .proposalSentAt(T0.plusSeconds(7200))
        .contractSignedAt(T0.plusSeconds(8000))
        .onboardedAt(T0.plusSeconds(9000))
        .lossReason(LossReason.COMPETITOR)
        .disqualificationReason("no budget this year")
        .attributes(Map.of("region", "emea", "tier", "gold"))
        .expectedClose(LocalDate.parse("2026-03-31"))
        .forecastCategory(io.salesflow.Stage.ForecastCategory.BEST_CASE)
        .leadSource(SalesEvent.LeadSource.UPSELL)
        .parentDealId("D-7")
        .addExpansions(new DealFacts.Expansion("D-43", SalesEvent.LeadSource.CROSS_SELL, T0.plusSeconds(9500)))
        .addStakeholders(new DealFacts.Stakeholder("dana@acme.example", SalesEvent.StakeholderRole.CHAMPION, T0))
        .negotiatedTerms(new DealFacts.Terms("two-year term", new BigDecimal("7.5"), "net 30", T0.plusSeconds(7000)))
        .addScorecards(DealFacts.Scorecard.of(DealFacts.Scorecard.Framework.MEDDPICC)
            .confirm(DealFacts.Scorecard.Element.ECONOMIC_BUYER, "the CFO")
            .identify(DealFacts.Scorecard.Element.PAPER_PROCESS, ""))
        .build();
  }
}
