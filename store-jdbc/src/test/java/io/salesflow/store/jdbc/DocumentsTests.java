package io.salesflow.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import io.salesflow.BantAssessment;
import io.salesflow.DealFacts;
import io.salesflow.EventType;
import io.salesflow.FollowUpLog;
import io.salesflow.SalesEvent;
import io.salesflow.SalesEvent.ApproachMethod;
import io.salesflow.SalesEvent.ClosingTechnique;
import io.salesflow.SalesEvent.ContactChannel;
import io.salesflow.SalesEvent.FollowUpOutcome;
import io.salesflow.SalesEvent.LeadSource;
import io.salesflow.SalesEvent.LeadTemperature;
import io.salesflow.SalesEvent.LossReason;
import io.salesflow.SalesEvent.ObjectionCategory;
import io.salesflow.SalesEvent.StakeholderRole;
import io.salesflow.Stage;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The store's JSON documents: what they hold exactly (nanoseconds, the scale of amounts, every event type), the
 * stored forms pinned for both formats, and failures that say what is wrong.
 */
class DocumentsTests {
  private static final Instant AT = Instant.parse("2026-01-01T00:00:00.000000001Z");

  @Test
  void keepsNanosecondsAndEmptyFacts() {
    Documents.State state = new Documents.State(AT, AT.plusNanos(1), DealFacts.none());

    assertThat(Documents.readState(Documents.writeState(state))).isEqualTo(state);
    assertThat(Documents.readStateFast(Documents.writeState(state))).isEqualTo(state);
  }

  @Test
  void readsInstantsExactlyAsInstantParseDoesAndRefusesWhatItRefuses() {
    List<String> texts = new ArrayList<>(List.of("2026-11-02T09:00:00Z", "2026-11-02T09:00:00.5Z",
        "2026-11-02T09:00:00.123Z", "2026-11-02T09:00:00.123456Z", "2026-11-02T09:00:00.123456789Z",
        "1970-01-01T00:00:00Z", "1969-12-31T23:59:59.999999999Z", "0000-01-01T00:00:00Z", "9999-12-31T23:59:59Z",
        "2024-02-29T12:00:00Z", "2023-02-29T12:00:00Z", "2026-04-31T00:00:00Z", "2026-13-01T00:00:00Z",
        "2026-00-01T00:00:00Z", "2026-11-00T00:00:00Z", "2026-11-02T24:00:00Z", "2026-11-02T09:60:00Z",
        "2026-11-02T09:00:60Z", "2026-11-02T09:00:00.Z", "2026-11-02T09:00:00.1234567890Z",
        "+12026-11-02T09:00:00Z", "-0001-11-02T09:00:00Z", "2026-11-02T09:00:00+01:00", "2026-11-02T09:00Z",
        "2026-11-02t09:00:00z", "2026-11-02 09:00:00Z", "2026-1a-02T09:00:00Z", "2026-11-02T09:00:00.12a4Z",
        "2026-11-02T09:00:00.-1Z", "2026-11-02T09:00:00", "", "not an instant, not at all", "2026/11/02T09:00:00Z"));
    java.util.Random random = new java.util.Random(22);
    for (int i = 0; i < 4_000; i++) {
      long seconds = random.nextLong(-62_167_219_200L - 86_400, 253_402_300_800L + 86_400);
      int nanos = switch (i % 4) {
        case 0 -> 0;
        case 1 -> random.nextInt(1_000) * 1_000_000;
        case 2 -> random.nextInt(1_000_000) * 1_000;
        default -> random.nextInt(1_000_000_000);
      };
      texts.add(Instant.ofEpochSecond(seconds, nanos).toString());
    }

    for (String text : texts) {
      assertThat(outcome(Documents::parseInstant, text)).as(text).isEqualTo(outcome(Instant::parse, text));
      // from a document's characters, as the store reads a payload's instants, in the middle of a longer text
      assertThat(outcome(DocumentsTests::fromParser, text)).as(text).isEqualTo(outcome(Instant::parse, text));
    }
  }

  /** The instant of a JSON string holding {@code text}, read by {@link Documents#instantOf} from the parser. */
  private static Instant fromParser(String text) {
    Instant fromChars = null;
    for (boolean utf8 : new boolean[] {false, true}) {
      String json = "[\"2026-01-01T00:00:00Z\",\"" + text + "\",1]";
      try (com.fasterxml.jackson.core.JsonParser p = utf8
          ? new com.fasterxml.jackson.core.JsonFactory().createParser(json.getBytes(
              java.nio.charset.StandardCharsets.UTF_8))
          : new com.fasterxml.jackson.core.JsonFactory().createParser(new java.io.StringReader(json))) {
        p.nextToken();
        p.nextToken();
        p.nextToken();
        Instant read = Documents.instantOf(p);
        if (utf8) {
          assertThat(read).as("from characters and from UTF-8 bytes").isEqualTo(fromChars);
          return read;
        }
        fromChars = read;
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    throw new AssertionError("unreachable");
  }

  /** What a parser makes of a text: the instant, or the class of the exception it throws. */
  private static Object outcome(java.util.function.Function<String, Instant> parser, String text) {
    try {
      return parser.apply(text);
    } catch (RuntimeException e) {
      return e.getClass();
    }
  }

  @Test
  void readsAPayloadWhateverTheOrderOfItsMembersAndSkipsMembersItDoesNotKnow() {
    String json = "{\"note\":{\"a\":[1,{\"b\":null}]},\"event\":{\"type\":\"contact-made\",\"occurredAt\":"
        + "\"2026-01-01T00:00:00.5Z\",\"channel\":\"email\"},\"at\":\"2026-01-02T03:04:05.123456789Z\",\"format\":1}";

    Documents.Payload expected = new Documents.Payload(Instant.parse("2026-01-02T03:04:05.123456789Z"),
        new SalesEvent.ContactMade(Instant.parse("2026-01-01T00:00:00.5Z"), ContactChannel.EMAIL));
    assertThat(Documents.readPayload(json)).isEqualTo(expected);
    assertThat(Documents.readPayloadFast(json)).isEqualTo(expected);
  }

  @Test
  void readsEveryPayloadTheStoreWritesOnTheStreamingPathAndLeavesTheRestToTheMapping() {
    for (EventType type : EventType.builtIn()) {
      for (SalesEvent event : samplesOf(type)) {
        Documents.Payload payload = new Documents.Payload(AT, event);
        String json = Documents.writePayload(payload);

        assertThat(Documents.readPayloadFast(json)).as(json).isEqualTo(payload);
      }
    }
    String duplicated = "{\"format\":2,\"format\":2,\"at\":\"2026-01-01T00:00:00Z\",\"event\":{\"type\":"
        + "\"presentation-delivered\",\"occurredAt\":\"2026-01-01T00:00:00Z\"}}";
    assertThat(Documents.readPayloadFast(duplicated)).isNull();
    assertThat(Documents.readPayload(duplicated).event()).isInstanceOf(SalesEvent.PresentationDelivered.class);
    assertThat(Documents.readPayloadFast("{\"format\":2,\"at\":null,\"event\":{}}")).isNull();
  }

  @Test
  void readsEveryPlainBuiltInEventStraightFromTokensAsTheMappingReadsIt() throws Exception {
    Set<EventType> direct = new LinkedHashSet<>();
    for (EventType type : EventType.builtIn()) {
      for (SalesEvent event : samplesOf(type)) {
        Documents.Payload payload = new Documents.Payload(AT, event);
        String json = Documents.writePayload(payload);

        Documents.Payload read = Documents.readPayloadDirect(json);
        if (read != null) {
          direct.add(type);
          assertThat(read).as(json).isEqualTo(payload);
          assertThat(read.event()).as(json).isEqualTo(throughMapping(json));
        }
      }
    }
    // the types made of plain values from their tokens, the others (nested values) through the mapping, in one pass
    assertThat(direct).containsExactlyInAnyOrderElementsOf(EventType.builtIn());
    Documents.Payload custom = new Documents.Payload(AT, new SalesEvent.Custom(EventType.custom("trial-extended"), AT,
        Map.of("days", "14")));
    assertThat(Documents.readPayloadDirect(Documents.writePayload(custom))).isEqualTo(custom);
  }

  @Test
  void readsTheFactsOfADealThatKnowsNothingYetWithoutTheMappingAndAnyOtherFactsThroughIt() throws Exception {
    com.fasterxml.jackson.databind.ObjectMapper mapper = com.fasterxml.jackson.databind.json.JsonMapper.builder()
        .addModule(new io.salesflow.jackson2.SalesflowJackson2Module()).build();
    String written = Documents.writeState(new Documents.State(AT, AT, DealFacts.none()));
    String none = written.substring(written.indexOf("\"facts\":") + 8, written.length() - 1);
    String head = "{'format':2,'createdAt':'2026-01-01T00:00:00Z','enteredStageAt':'2026-01-02T00:00:00Z',"
        .replace('\'', '"');
    List<String> facts = List.of(none,
        // as PostgreSQL's jsonb gives it back: its own order and spacing
        "{'bant': {}, 'followUps': [], 'attributes': {}, 'presentations': 0, 'openObjections': [], 'referralsGiven':"
            + " 0, 'contactChannels': [], 'resolvedObjections': 0}",
        none.replace("'presentations':0".replace('\'', '"'), "'presentations':2,'source':'web'"),
        none.replace("'bant':{}".replace('\'', '"'), "'bant':{},'bant':{}").replace(",'attributes':{}", ""),
        none.replace("'bant':{}".replace('\'', '"'), "'bant':{'budget':{'amount':'12.50','confirmed':true}}"),
        none.replace("'resolvedObjections':0".replace('\'', '"'), "'resolvedObjections':0.0"),
        none.replace("'attributes':{}".replace('\'', '"'), "'attributes':{'tier':'gold'},'note':[1.25,-0]"),
        none.replace("'followUps':[]".replace('\'', '"'), "'followUps':{}"),
        none.replace("'presentations':0".replace('\'', '"'), "'presentations':[]"),
        none.replace("'openObjections':[]".replace('\'', '"'), "'openObjections':[{'category':'price',"
            + "'detail':'too dear'}]"),
        none.replace("{'bant'".replace('\'', '"'), "{'x':1,'bant'"),
        none.replace(",'attributes':{}}".replace('\'', '"'), ",'attributes':{},'bant':{}}"),
        none.replace(",'attributes':{}}".replace('\'', '"'), "}"));
    assertThat(mapper.readerFor(DealFacts.class).<DealFacts>readValue(none)).isEqualTo(DealFacts.none());
    for (String f : facts) {
      String json = (head + "'note':'" + none.replace("\"", "\\\"") + "','facts':" + f + "}").replace('\'', '"');
      DealFacts expected;
      try {
        expected = mapper.readerFor(DealFacts.class).readValue(f.replace('\'', '"'));
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        assertThat(Documents.readStateFast(json)).as(json).isNull();
        assertThatThrownBy(() -> Documents.readState(json)).as(json).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("facts");
        continue;
      }
      Documents.State state = new Documents.State(Instant.parse("2026-01-01T00:00:00Z"),
          Instant.parse("2026-01-02T00:00:00Z"), expected);

      assertThat(Documents.readStateFast(json)).as(json).isEqualTo(state);
      assertThat(Documents.readState(json)).as(json).isEqualTo(state);
    }
    String damaged = head + "\"facts\":" + none.replace("}", "") + "}";
    assertThat(Documents.readStateFast(damaged)).isNull();
    assertThatThrownBy(() -> Documents.readState(damaged)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("malformed JSON");
  }

  @Test
  void readsAPayloadFromItsUtf8BytesAsFromItsText() {
    for (EventType type : EventType.builtIn()) {
      for (SalesEvent event : samplesOf(type)) {
        String json = Documents.writePayload(new Documents.Payload(AT, event));

        assertThat(Documents.readPayloadDirect(json.getBytes(java.nio.charset.StandardCharsets.UTF_8))).as(json)
            .isEqualTo(Documents.readPayload(json));
      }
    }
    assertThat(Documents.readPayloadDirect(new byte[] {1, '{', '}'})).isNull();
    assertThat(Documents.readPayloadDirect("{\"format\":2}".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
        .isNull();
  }

  @Test
  void readsTheDocumentsOfAHistoryWithOneParserAsEachIsReadAlone() {
    List<String> documents = new ArrayList<>();
    for (EventType type : EventType.builtIn()) {
      for (SalesEvent event : samplesOf(type)) {
        documents.add(Documents.writePayload(new Documents.Payload(AT, event)));
      }
    }
    documents.add(Documents.writePayload(new Documents.Payload(AT, new SalesEvent.Custom(
        EventType.custom("trial-extended"), AT, Map.of("city", "Z\u00fcrich \u6771\u4eac \ud83d\ude00")))));
    // longer than the parser's buffer: the documents are read across its refills
    documents.add(Documents.writePayload(new Documents.Payload(AT, new SalesEvent.Custom(
        EventType.custom("long-note"), AT, Map.of("a", "\u00e9".repeat(4_000), "b", "\u00e9".repeat(4_000), "c", "\u00e9".repeat(4_000))))));
    documents.add(Documents.writePayload(new Documents.Payload(AT.plusSeconds(1), new SalesEvent.ContactMade(AT,
        ContactChannel.EMAIL, null))));
    Object[] texts = documents.toArray();
    Object[] bytes = documents.stream().map(d -> d.getBytes(java.nio.charset.StandardCharsets.UTF_8)).toArray();

    Documents.Payload[] fromTexts = Documents.readPayloads(texts, texts.length);
    Documents.Payload[] fromBytes = Documents.readPayloads(bytes, bytes.length);

    for (int i = 0; i < documents.size(); i++) {
      Documents.Payload alone = Documents.readPayload(documents.get(i));
      assertThat(fromTexts[i]).as(documents.get(i)).isEqualTo(alone);
      assertThat(fromBytes[i]).as(documents.get(i)).isEqualTo(alone);
    }
    // only the first count documents
    assertThat(Documents.readPayloads(texts, 2)).hasSize(2).doesNotContainNull();
  }

  @Test
  void readsTheStateAndPayloadDocumentsOfSeveralDealsWithOneParserAsEachIsReadAlone() {
    List<String> payloads = new ArrayList<>();
    for (EventType type : EventType.builtIn()) {
      for (SalesEvent event : samplesOf(type)) {
        payloads.add(Documents.writePayload(new Documents.Payload(AT, event)));
      }
    }
    DealFacts someFacts = DealFacts.builder().bant(FULL_BANT).amount(new BigDecimal("1.2E+4"))
        .putAttributes("tier", "gold").build();
    String none = Documents.writeState(new Documents.State(AT, AT.plusNanos(1), DealFacts.none()));
    String some = Documents.writeState(new Documents.State(AT, AT.plusSeconds(1), someFacts));
    // three deals: with a state and payloads, with payloads only, with a state only
    String[] states = {none, null, some};
    int third = payloads.size() / 3;
    int[] from = {0, third};
    int[] counts = {third, payloads.size() - third, 0};
    int[] starts = {from[0], from[1], payloads.size()};
    Documents.State[] statesRead = new Documents.State[3];
    Documents.Payload[] read = new Documents.Payload[payloads.size()];

    assertThat(Documents.readDeals(states, payloads.toArray(), starts, counts, 0, 3, statesRead, read)).isEqualTo(3);

    assertThat(statesRead).containsExactly(Documents.readState(none), null, Documents.readState(some));
    for (int i = 0; i < payloads.size(); i++) {
      assertThat(read[i]).as(payloads.get(i)).isEqualTo(Documents.readPayload(payloads.get(i)));
    }
  }

  @Test
  void leavesEachDocumentOfADealFromTheFirstOneNotInTheStoresOwnFormToBeReadAloneAndGoesOnWithTheNextDeal() {
    String state = Documents.writeState(new Documents.State(AT, AT, DealFacts.none()));
    String payload = Documents.writePayload(new Documents.Payload(AT, new SalesEvent.ContactMade(AT,
        ContactChannel.EMAIL, null)));
    Documents.Payload good = Documents.readPayload(payload);
    Documents.State goodState = Documents.readState(state);
    List<String> badStates = List.of(state + " ", state.replace("\"format\":2", "\"format\":3"),
        state.substring(0, state.length() - 1), "{}", "[]", "{", state.replace("\"createdAt\":\"",
        "\"createdAt\":\"x"));
    for (String bad : badStates) {
      // deal 1's state is damaged: neither it nor its payloads are read; deal 0 is, and deal 2 when asked next
      String[] states = {state, bad, state};
      Object[] documents = {payload, payload, payload, payload, payload, payload};
      int[] from = {0, 2, 4};
      int[] counts = {2, 2, 2};
      Documents.State[] statesRead = new Documents.State[3];
      Documents.Payload[] read = new Documents.Payload[6];

      assertThat(Documents.readDeals(states, documents, from, counts, 0, 3, statesRead, read)).as(bad).isEqualTo(1);
      assertThat(Documents.readDeals(states, documents, from, counts, 2, 3, statesRead, read)).as(bad).isEqualTo(3);

      assertThat(statesRead).as(bad).containsExactly(goodState, null, goodState);
      assertThat(read).as(bad).containsExactly(good, good, null, null, good, good);
    }
    for (String bad : List.of(payload + " ", payload.replace("\"format\":2", "\"format\":3"), "{}", "x")) {
      // deal 0's second payload is damaged: it and the ones after it in its deal are left, the state and first read
      Object[] documents = {payload, bad, payload, payload};
      Documents.State[] statesRead = new Documents.State[2];
      Documents.Payload[] read = new Documents.Payload[4];

      assertThat(Documents.readDeals(new String[] {state, state}, documents, new int[] {0, 3}, new int[] {3, 1}, 0,
          2, statesRead, read)).as(bad).isEqualTo(0);
      assertThat(statesRead).as(bad).containsExactly(goodState, null);
      assertThat(read).as(bad).containsExactly(good, null, null, null);
    }
    // a missing payload ends what is read at its deal
    Documents.Payload[] read = new Documents.Payload[3];
    assertThat(Documents.readDeals(new String[] {null, null}, new Object[] {payload, null, payload},
        new int[] {0, 2}, new int[] {2, 1}, 0, 2, new Documents.State[2], read)).isEqualTo(0);
    assertThat(read).containsExactly(good, null, null);
  }

  @Test
  void leavesEveryDocumentFromTheFirstOneNotInTheStoresOwnFormToBeReadAlone() {
    String first = Documents.writePayload(new Documents.Payload(AT, new SalesEvent.ContactMade(AT,
        ContactChannel.EMAIL, null)));
    String last = Documents.writePayload(new Documents.Payload(AT.plusSeconds(2), new SalesEvent.ContactMade(AT,
        ContactChannel.PHONE, null)));
    String open = first.substring(0, first.length() - 1);
    List<String> damaged = List.of(
        first + " ", first + "x", first + "}", first + " " + first, open, "{}", "[" + first + "]",
        first.replace("\"format\":2", "\"format\":3"), first.replace("\"format\":2", "\"format\":2,\"format\":2"),
        first.replace("\"channel\":\"email\"", "\"channel\":\"pigeon\""),
        first.replace("\"at\":\"", "\"at\":\"x"), "{", "");
    for (String bad : damaged) {
      for (boolean utf8 : new boolean[] {false, true}) {
        List<@Nullable Object> documents = new ArrayList<>();
        for (String d : List.of(first, bad, last)) {
          documents.add(utf8 ? d.getBytes(java.nio.charset.StandardCharsets.UTF_8) : d);
        }

        Documents.Payload[] read = Documents.readPayloads(documents.toArray(), 3);

        assertThat(read[0]).as(bad).isEqualTo(Documents.readPayload(first));
        assertThat(read[1]).as(bad).isNull();
        assertThat(read[2]).as(bad).isNull();
      }
    }
    // whitespace before a document is skipped, as when it is read alone
    assertThat(Documents.readPayloads(new Object[] {first, " \n" + last}, 2)).containsExactly(
        Documents.readPayload(first), Documents.readPayload(last));
    // a document split over two rows is not read as one
    Documents.Payload[] split = Documents.readPayloads(new Object[] {first, open, "}", last}, 4);
    assertThat(split).containsExactly(Documents.readPayload(first), null, null, null);
  }

  @Test
  void leavesAMissingDocumentOrOneOfTheOtherKindToBeReadAlone() {
    String json = Documents.writePayload(new Documents.Payload(AT, new SalesEvent.ContactMade(AT,
        ContactChannel.EMAIL, null)));
    byte[] utf8 = json.getBytes(java.nio.charset.StandardCharsets.UTF_8);

    assertThat(Documents.readPayloads(new Object[] {json, utf8, json}, 3)).containsExactly(
        Documents.readPayload(json), null, null);
    assertThat(Documents.readPayloads(new Object[] {utf8, json, utf8}, 3)).containsExactly(
        Documents.readPayload(json), null, null);
    assertThat(Documents.readPayloads(new Object[] {json, null, json}, 3)).containsExactly(
        Documents.readPayload(json), null, null);
    assertThat(Documents.readPayloads(new Object[] {null, json}, 2)).containsExactly(null, null);
  }

  @Test
  void leavesEveryEventNotInTheStoresOwnFormToTheMappingWhichReadsOrRefusesItAsBefore() throws Exception {
    List<String> events = List.of(
        // read the same either way
        "{'type':'contact-made','occurredAt':'2026-01-01T00:00:00Z','channel':'email','extra':{'a':[1,null]}}",
        "{'type':'closed-won','occurredAt':'2026-01-01T00:00:00Z','amount':12000.50}",
        "{'type':'closed-won','occurredAt':'2026-01-01T00:00:00Z','amount':' 1.2E+4 ','technique':'assumptive'}",
        "{'type':'stage-overridden','occurredAt':'2026-01-01T00:00:00Z','reason':'manager','reopened':true}",
        // not in the store's own form: left to the mapping
        "{'type':'contact-made','occurredAt':'2026-01-01T00:00:00Z','channel':'EMAIL'}",
        "{'type':'contact-made','occurredAt':'2026-01-01T00:00:00Z','channel':' in_person '}",
        "{'occurredAt':'2026-01-01T00:00:00Z','type':'contact-made','channel':'email'}",
        "{'type':'contact-made','occurredAt':' 2026-01-01T00:00:00Z ','channel':'email'}",
        "{'type':'contact-made','occurredAt':'2026-01-01T00:00:00Z','channel':'email','channel':'phone'}",
        "{'type':'contact-made','occurredAt':'2026-01-01T00:00:00Z','channel':'email','approach':null}",
        "{'type':'contact-made','type':'closed-won','occurredAt':'2026-01-01T00:00:00Z','amount':'1'}",
        // refused by the mapping, with its message
        "{'type':'contact-made','occurredAt':'2026-01-01T00:00:00Z','channel':'pigeon'}",
        "{'type':'contact-made','occurredAt':'2026-01-01T00:00:00Z'}",
        "{'type':'contact-made','occurredAt':'2026-02-30T00:00:00Z','channel':'email'}",
        "{'type':'disqualified','occurredAt':'2026-01-01T00:00:00Z','reason':'  '}",
        "{'type':'closed-won','occurredAt':'2026-01-01T00:00:00Z','amount':'-5'}",
        "{'type':'closed-won','occurredAt':'2026-01-01T00:00:00Z','amount':'lots'}",
        "{'type':'stage-overridden','occurredAt':'2026-01-01T00:00:00Z','reason':'manager','reopened':'yes'}",
        "{'type':'referral-received','occurredAt':'2026-01-01T00:00:00Z','source':42}",
        "{'type':'no-such-type!','occurredAt':'2026-01-01T00:00:00Z'}");
    for (String event : events) {
      String json = ("{'format':2,'at':'2026-01-01T00:00:00Z','event':" + event + "}").replace('\'', '"');
      assertReadDirectlyAsTheMappingReadsIt(json, "member 'event");
    }
    assertThat(Documents.readPayloadDirect(("{'format':2,'at':'2026-01-01T00:00:00Z','event':" + events.get(4)
        + "}").replace('\'', '"'))).isNull();
  }

  @Test
  void readsAQualificationFromItsTokensAsTheMappingReadsIt() throws Exception {
    List<BantAssessment> assessments = List.of(FULL_BANT, BantAssessment.unknown(),
        BantAssessment.builder().budget(BigDecimal.ZERO, false).build(),
        BantAssessment.builder().budget(new BigDecimal("0.000001"), true).authority(false, 0).build(),
        BantAssessment.builder().budget(new BigDecimal("999999999999999999.999999"), false).build(),
        BantAssessment.builder().budget(new BigDecimal("1.2E+4"), true).build(),
        BantAssessment.builder().budget(new BigDecimal("25000.500"), true).build(),
        BantAssessment.builder().authority(true, 1_000_000).build(),
        BantAssessment.builder().need(new BantAssessment.Need(List.of())).build(),
        BantAssessment.builder().painPoints("\"quoted\" \\ back", "Z\u00fcrich \u6771\u4eac \ud83d\ude00", "tab\tend")
            .build(),
        BantAssessment.builder().decisionBy(LocalDate.of(1, 1, 1)).build(),
        BantAssessment.builder().decisionBy(LocalDate.of(9999, 12, 31)).build(),
        BantAssessment.builder().decisionBy(LocalDate.of(2028, 2, 29)).authority(false, 7).build());
    List<Object> batch = new ArrayList<>();
    for (BantAssessment assessment : assessments) {
      SalesEvent event = new SalesEvent.QualificationAssessed(OCCURRED, assessment);
      Documents.Payload payload = new Documents.Payload(AT, event);
      String json = Documents.writePayload(payload);
      String eventJson = json.substring(json.indexOf("\"event\":") + "\"event\":".length(), json.length() - 1);

      assertThat(Documents.readQualificationFromTokens(eventJson)).as(json).isEqualTo(event)
          .isEqualTo(throughMapping(json));
      assertThat(Documents.readPayloadDirect(json)).as(json).isEqualTo(payload);
      batch.add(json);
    }
    assertThat(Documents.readPayloads(batch.toArray(), batch.size())).as("read with one parser")
        .containsExactly(batch.stream().map(j -> Documents.readPayload((String) j)).toArray(Documents.Payload[]::new));
  }

  @Test
  void leavesEveryQualificationNotInTheStoresOwnFormToTheMappingWhichReadsOrRefusesItAsBefore() throws Exception {
    String head = "{'type':'qualification-assessed','occurredAt':'2026-01-01T00:00:00Z','assessment':";
    List<String> assessments = List.of(
        // read the same either way
        "{'budget':{'amount':12000.50,'confirmed':true}}",
        "{'budget':{'amount':1.2E+4,'confirmed':false}}",
        "{'budget':{'amount':' 25000 ','confirmed':true}}",
        "{'timing':{'decisionDate':'2026-12-15'},'need':{'painPoints':['a','b']},'budget':{'confirmed':true,"
            + "'amount':'5'},'authority':{'stakeholders':3,'decisionMakerIdentified':true}}",
        "{'x':{'y':[1,null,{}]},'budget':{'amount':'5','confirmed':true,'currency':'EUR'}}",
        "{'authority':{'decisionMakerIdentified':true,'stakeholders':4.0}}",
        "{'need':{'painPoints':[],'extra':[]}}",
        // not in the store's own form: left to the mapping
        "{'budget':null}",
        "{'budget':{'amount':'5','confirmed':true},'budget':{'amount':'6','confirmed':false}}",
        "{'budget':{'amount':'5','confirmed':true,'note':null}}",
        "{'authority':{'decisionMakerIdentified':true,'stakeholders':'4'}}",
        "{'need':{}}",
        "{'timing':{'decisionDate':' 2026-12-15 '}}",
        "{'timing':{'decisionDate':'+2026-12-15'}}",
        "{'x':null}",
        // refused by the mapping, with its message
        "{'budget':{'amount':'-1','confirmed':true}}",
        "{'budget':{'amount':'1'}}",
        "{'authority':{'decisionMakerIdentified':true,'stakeholders':1.5}}",
        "{'need':{'painPoints':['a',null]}}",
        "{'timing':{'decisionDate':'2026-02-30'}}",
        "{'timing':{'decisionDate':'0000-01-01'}}",
        "[]");
    for (String assessment : assessments) {
      String json = ("{'format':2,'at':'2026-01-01T00:00:00Z','event':" + head + assessment + "}}")
          .replace('\'', '"');
      assertReadDirectlyAsTheMappingReadsIt(json, "member 'event': assessment");
    }
    assertThat(Documents.readQualificationFromTokens((head + "{'budget':null}}").replace('\'', '"'))).isNull();
    assertThat(Documents.readQualificationFromTokens((head + "{'need':{}}}").replace('\'', '"'))).isNull();
  }

  @Test
  void refusesADamagedQualificationWithTheMessageItGaveBefore() {
    String head = "{'type':'qualification-assessed','occurredAt':'2026-01-01T00:00:00Z','assessment':";
    // each damaged event, and the message the mapping gave for it before qualifications were read from tokens
    Map<String, String> damaged = new java.util.LinkedHashMap<>();
    damaged.put(head + "{'budget':{'amount':'-1','confirmed':true}}}",
        "member 'event': assessment.budget: budget amount must not be negative, but was -1");
    damaged.put(head + "{'budget':{'amount':'lots','confirmed':true}}}",
        "member 'event': assessment.budget.amount: expected a number, but was \"lots\"");
    damaged.put(head + "{'budget':{'amount':'1'}}}",
        "member 'event': assessment.budget.confirmed: missing; expected true or false");
    damaged.put(head + "{'budget':{'amount':'1','confirmed':'yes'}}}",
        "member 'event': assessment.budget.confirmed: expected true or false, but was \"yes\"");
    damaged.put(head + "{'authority':{'decisionMakerIdentified':true,'stakeholders':-2}}}",
        "member 'event': assessment.authority: stakeholders must be between 0 and 1000000, but was -2");
    damaged.put(head + "{'authority':{'decisionMakerIdentified':true,'stakeholders':1.5}}}",
        "member 'event': assessment.authority.stakeholders: expected a whole number in range, but was 1.5");
    damaged.put(head + "{'authority':{'stakeholders':2}}}",
        "member 'event': assessment.authority.decisionMakerIdentified: missing; expected true or false");
    damaged.put(head + "{'need':{'painPoints':['a',null]}}}",
        "member 'event': assessment.need.painPoints[1]: null; expected a string");
    damaged.put(head + "{'need':{'painPoints':'a'}}}",
        "member 'event': assessment.need.painPoints: expected an array, but was \"a\"");
    damaged.put(head + "{'timing':{'decisionDate':'2026-02-30'}}}",
        "member 'event': assessment.timing.decisionDate: expected an ISO-8601 date, such as \"2026-03-31\", but was"
            + " \"2026-02-30\"");
    damaged.put(head + "{'timing':{'decisionDate':'0000-01-01'}}}",
        "member 'event': assessment.timing: decisionDate must lie in the years 1 to 9999, but was 0000-01-01");
    damaged.put(head + "{'timing':{}}}",
        "member 'event': assessment.timing.decisionDate: missing; expected an ISO-8601 date, such as \"2026-03-31\"");
    damaged.put(head + "[]}", "member 'event': assessment: expected an object (bant assessment), but was an array");
    damaged.put(head + "{'budget':'25000'}}}",
        "member 'event': assessment.budget: expected an object (budget), but was \"25000\"");
    damaged.put("{'type':'qualification-assessed','occurredAt':'2026-01-01T00:00:00Z'}",
        "member 'event': assessment: missing; expected an object (bant assessment)");
    damaged.put("{'type':'qualification-assessed','occurredAt':'2026-13-01T00:00:00Z','assessment':{}}",
        "member 'event': occurredAt: expected an ISO-8601 instant, such as \"2026-01-05T09:00:00Z\", but was"
            + " \"2026-13-01T00:00:00Z\"");
    damaged.put("{'type':'qualification-assessed','assessment':{}}",
        "member 'event': occurredAt: missing; expected an ISO-8601 instant, such as \"2026-01-05T09:00:00Z\"");
    String sound = Documents.writePayload(new Documents.Payload(AT, new SalesEvent.QualificationAssessed(AT,
        FULL_BANT)));
    damaged.forEach((event, message) -> {
      String json = ("{'format':2,'at':'2026-01-01T00:00:00Z','event':" + event + "}").replace('\'', '"');

      assertThat(Documents.readPayloadDirect(json)).as(json).isNull();
      assertThat(Documents.readPayloads(new Object[] {sound, json}, 2)).as(json)
          .containsExactly(Documents.readPayload(sound), null);
      assertThatThrownBy(() -> Documents.readPayload(json)).as(json).isInstanceOf(IllegalArgumentException.class)
          .hasMessage(message);
    });
  }

  /** The event of a payload document as the Salesflow Jackson 2 module reads it, with no store in between. */
  private static SalesEvent throughMapping(String payload) throws Exception {
    com.fasterxml.jackson.databind.ObjectMapper mapper = com.fasterxml.jackson.databind.json.JsonMapper.builder()
        .addModule(new io.salesflow.jackson2.SalesflowJackson2Module().withAnyEventType()).build();
    Documents.PayloadDocument document = mapper.readerFor(Documents.PayloadDocument.class).readValue(payload);
    return java.util.Objects.requireNonNull(document.event());
  }

  @Test
  void refusesAPayloadWhoseInstantOrFormatIsNotTheStoresAndSaysWhich() {
    String event = "\"event\":{\"type\":\"contact-made\",\"occurredAt\":\"2026-01-01T00:00:00Z\","
        + "\"channel\":\"email\"}";

    assertThatThrownBy(() -> Documents.readPayload("{\"format\":2,\"at\":\"2026-02-30T00:00:00Z\"," + event + "}"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("member 'at'");
    assertThatThrownBy(() -> Documents.readPayload("{\"format\":3,\"at\":\"2026-01-01T00:00:00Z\"," + event + "}"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("format 3");
    assertThatThrownBy(() -> Documents.readPayload("{\"format\":2," + event + "}"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("member 'at' is missing");
  }

  @Test
  void keepsEveryFactAndTheScaleOfEveryAmount() {
    DealFacts facts = DealFacts.builder()
        .bant(FULL_BANT)
        .amount(new BigDecimal("1.2E+4"))
        .source("web \"form\" \\ 🚀")
        .leadTemperature(LeadTemperature.WARM)
        .approachMethod(ApproachMethod.PRODUCT)
        .closingTechnique(ClosingTechnique.EXTRA_INDUCEMENT)
        .addContactChannels(ContactChannel.SOCIAL, ContactChannel.EMAIL)
        .followUps(FollowUpLog.of(List.of(new DealFacts.FollowUp(AT, ContactChannel.PHONE,
            FollowUpOutcome.NO_RESPONSE), new DealFacts.FollowUp(AT.plusNanos(7), ContactChannel.EMAIL,
            FollowUpOutcome.RESPONDED))))
        .addOpenObjections(new DealFacts.Objection(ObjectionCategory.AUTHORITY, "needs the CFO", AT))
        .resolvedObjections(2)
        .presentations(3)
        .referralsGiven(1)
        .proposalSentAt(AT.plusSeconds(1))
        .contractSignedAt(AT.plusSeconds(2))
        .onboardedAt(AT.plusSeconds(3))
        .lossReason(LossReason.NOT_A_FIT)
        .disqualificationReason("no \n fit")
        .putAttributes("tier", "gold")
        .expectedClose(LocalDate.of(2026, 6, 30))
        .forecastCategory(Stage.ForecastCategory.COMMIT)
        .leadSource(LeadSource.UPSELL)
        .parentDealId("D-7")
        .addExpansions(new DealFacts.Expansion("D-43", LeadSource.RENEWAL, AT))
        .addStakeholders(new DealFacts.Stakeholder("dana@acme.example", StakeholderRole.CHAMPION, AT))
        .addStakeholders(new DealFacts.Stakeholder("the CFO", StakeholderRole.ECONOMIC_BUYER, AT.plusNanos(3)))
        .negotiatedTerms(new DealFacts.Terms("two-year term", new BigDecimal("7.50"), null, AT))
        .addScorecards(DealFacts.Scorecard.of(DealFacts.Scorecard.Framework.CHAMP)
            .confirm(DealFacts.Scorecard.Element.MONEY, "50k").identify(DealFacts.Scorecard.Element.AUTHORITY, ""))
        .build();
    Documents.State state = new Documents.State(AT, AT, facts);

    String json = Documents.writeState(state);

    assertThat(Documents.readState(json)).isEqualTo(state);
    assertThat(Documents.readStateFast(json)).isEqualTo(state);
    assertThat(Documents.readState(json).facts().amount()).hasValueSatisfying(a -> assertThat(a.scale()).isEqualTo(-3));
    assertThat(json).startsWith("{\"format\":2,").contains("\"amount\":\"1.2E+4\"").contains("\"amount\":\"25000.50\"");
  }

  @Test
  void readsACustomEventTypeItHasNeverSeen() {
    SalesEvent event = new SalesEvent.Custom(EventType.custom("trial-extended"), AT, Map.of("days", "14"));

    assertThat(Documents.readPayload(Documents.writePayload(new Documents.Payload(AT, event))).event())
        .isEqualTo(event);
  }

  @Test
  void refusesADocumentOfANewerFormatAndSaysWhy() {
    assertThatThrownBy(() -> Documents.readPayload("{\"format\":3,\"at\":\"" + AT + "\"}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("format 3 is not supported")
        .hasMessageContaining("newer Salesflow");
  }

  @Test
  void namesAMissingMember() {
    assertThatThrownBy(() -> Documents.readPayload("{\"format\":1,\"at\":\"" + AT + "\",\"event\":{\"type\":"
        + "\"closed-won\",\"occurredAt\":\"" + AT + "\"}}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("member 'event'")
        .hasMessageContaining("amount: missing");
    assertThatThrownBy(() -> Documents.readState("{\"format\":2,\"createdAt\":\"" + AT + "\"}"))
        .hasMessageContaining("member 'enteredStageAt' is missing");
  }

  @Test
  void namesAnEnumConstantItDoesNotKnowAndTheConstantsItDoes() {
    assertThatThrownBy(() -> Documents.readPayload("{\"format\":1,\"at\":\"" + AT + "\",\"event\":{\"type\":"
        + "\"lead-scored\",\"occurredAt\":\"" + AT + "\",\"temperature\":\"LUKEWARM\"}}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("member 'event'")
        .hasMessageContaining("'LUKEWARM' is not a lead temperature")
        .hasMessageContaining("ice-cold, cold, warm, hot");
  }

  @Test
  void saysMalformedJsonIsMalformedAndQuotesOnlyItsStart() {
    String json = "{\"format\":2,\"at\":\"" + "x".repeat(10_000);

    assertThatThrownBy(() -> Documents.readPayload(json))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("malformed JSON")
        .hasMessageContaining("(10018 characters)")
        .satisfies(e -> assertThat(e.getMessage()).as(e.getMessage()).hasSizeLessThan(600));
  }

  @Test
  void refusesTextAfterTheDocument() {
    String json = Documents.writePayload(new Documents.Payload(AT, new SalesEvent.PresentationDelivered(AT)));

    assertThat(Documents.readPayload(json).at()).isEqualTo(AT);
    assertThatThrownBy(() -> Documents.readPayload(json + " {}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Trailing token");
  }

  @Test
  void stopsReadingAtTheNestingBoundWithoutExhaustingTheStack() {
    String deep = "{\"format\":2,\"at\":\"" + AT + "\",\"event\":" + "[".repeat(200_000) + "]".repeat(200_000)
        + "}";

    assertThatThrownBy(() -> Documents.readPayload(deep))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("nest deeper than " + Documents.MAX_DEPTH + " levels");
  }

  @Test
  void readsTheDeepestDocumentTheStoreWrites() {
    // qualification-assessed: document, event, assessment, need, pain points: five levels, far below the bound
    SalesEvent event = new SalesEvent.QualificationAssessed(AT, FULL_BANT);

    assertThat(Documents.readPayload(Documents.writePayload(new Documents.Payload(AT, event))).event())
        .isEqualTo(event);
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

  /** An event and the exact document an earlier release stored for it; in JSON, ' stands for ". */
  private record Pinned(SalesEvent event, String json) {}

  /**
   * The payload documents of format 1 already in databases, byte for byte, as the releases before the Jackson mapping
   * wrote them (enum constants by name, amounts as strings). Each must read back as its event.
   */
  private static final List<Pinned> FORMAT_1 = List.of(
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
      new Pinned(new SalesEvent.Custom(EventType.custom("trial-extended"), OCCURRED,
          Map.of("days", "14", "by", "rep")),
          "{'type':'trial-extended','occurredAt':'2026-03-04T05:06:07.000000001Z',"
              + "'attributes':{'by':'rep','days':'14'}}"));

  /**
   * The payload documents of format 2, byte for byte, as this version writes them: the Jackson mapping's wire form
   * (enum constants as lower-case labels), with amounts as strings of their exact decimal text.
   */
  private static final List<Pinned> FORMAT_2 = List.of(
      new Pinned(new SalesEvent.ContactMade(OCCURRED, ContactChannel.VIDEO_CALL, ApproachMethod.QUESTION),
          "{'type':'contact-made','occurredAt':'2026-03-04T05:06:07.000000001Z','channel':'video-call',"
              + "'approach':'question'}"),
      new Pinned(new SalesEvent.ContactMade(OCCURRED, ContactChannel.EMAIL),
          "{'type':'contact-made','occurredAt':'2026-03-04T05:06:07.000000001Z','channel':'email'}"),
      new Pinned(new SalesEvent.LeadScored(OCCURRED, LeadTemperature.HOT),
          "{'type':'lead-scored','occurredAt':'2026-03-04T05:06:07.000000001Z','temperature':'hot'}"),
      new Pinned(new SalesEvent.QualificationAssessed(OCCURRED, FULL_BANT),
          "{'type':'qualification-assessed','occurredAt':'2026-03-04T05:06:07.000000001Z',"
              + "'assessment':{'budget':{'amount':'25000.50','confirmed':true},"
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
          "{'type':'objection-raised','occurredAt':'2026-03-04T05:06:07.000000001Z',"
              + "'category':'competitor','detail':'cheaper elsewhere'}"),
      new Pinned(new SalesEvent.ObjectionResolved(OCCURRED, ObjectionCategory.PRICE),
          "{'type':'objection-resolved','occurredAt':'2026-03-04T05:06:07.000000001Z','category':'price'}"),
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
              + "'technique':'standing-room-only'}"),
      new Pinned(new SalesEvent.ClosedWon(OCCURRED, BigDecimal.ZERO),
          "{'type':'closed-won','occurredAt':'2026-03-04T05:06:07.000000001Z','amount':'0'}"),
      new Pinned(new SalesEvent.ClosedLost(OCCURRED, LossReason.NO_DECISION, "went quiet",
          ClosingTechnique.EXTRA_INDUCEMENT),
          "{'type':'closed-lost','occurredAt':'2026-03-04T05:06:07.000000001Z','reason':'no-decision',"
              + "'detail':'went quiet','technique':'extra-inducement'}"),
      new Pinned(new SalesEvent.ClosedLost(OCCURRED, LossReason.PRICE),
          "{'type':'closed-lost','occurredAt':'2026-03-04T05:06:07.000000001Z','reason':'price',"
              + "'detail':''}"),
      new Pinned(new SalesEvent.FollowUpLogged(OCCURRED, ContactChannel.PHONE, FollowUpOutcome.NO_RESPONSE),
          "{'type':'follow-up-logged','occurredAt':'2026-03-04T05:06:07.000000001Z','channel':'phone',"
              + "'outcome':'no-response'}"),
      new Pinned(new SalesEvent.ReferralReceived(OCCURRED, "Acme Corp"),
          "{'type':'referral-received','occurredAt':'2026-03-04T05:06:07.000000001Z','source':'Acme Corp'}"),
      new Pinned(new SalesEvent.OnboardingDone(OCCURRED),
          "{'type':'onboarding-done','occurredAt':'2026-03-04T05:06:07.000000001Z'}"),
      new Pinned(new SalesEvent.StageOverridden(OCCURRED, "signed on paper", true),
          "{'type':'stage-overridden','occurredAt':'2026-03-04T05:06:07.000000001Z','reason':'signed on paper',"
              + "'reopened':true}"),
      new Pinned(new SalesEvent.DealMigrated(OCCURRED, 1, 2, "new process", List.of("amount: required")),
          "{'type':'deal-migrated','occurredAt':'2026-03-04T05:06:07.000000001Z','fromVersion':1,'toVersion':2,"
              + "'reason':'new process','exceptions':['amount: required']}"),
      new Pinned(new SalesEvent.OwnerAssigned(OCCURRED, "rep-bob", "rep-ann"),
          "{'type':'owner-assigned','occurredAt':'2026-03-04T05:06:07.000000001Z','owner':'rep-bob',"
              + "'previousOwner':'rep-ann'}"),
      new Pinned(new SalesEvent.TermsNegotiated(OCCURRED, "two-year term", new BigDecimal("7.50"), "net 30"),
          "{'type':'terms-negotiated','occurredAt':'2026-03-04T05:06:07.000000001Z','summary':'two-year term',"
              + "'discountPercent':'7.50','paymentTerms':'net 30'}"),
      new Pinned(new SalesEvent.ForecastUpdated(OCCURRED, LocalDate.of(2026, 6, 30), new BigDecimal("12000"),
          Stage.ForecastCategory.BEST_CASE),
          "{'type':'forecast-updated','occurredAt':'2026-03-04T05:06:07.000000001Z','expectedClose':'2026-06-30',"
              + "'amount':'12000','category':'best-case'}"),
      new Pinned(new SalesEvent.StakeholderEngaged(OCCURRED, "dana@acme.example", StakeholderRole.CHAMPION),
          "{'type':'stakeholder-engaged','occurredAt':'2026-03-04T05:06:07.000000001Z',"
              + "'contact':'dana@acme.example','role':'champion'}"),
      new Pinned(new SalesEvent.ExpansionStarted(OCCURRED, LeadSource.UPSELL, "D-43"),
          "{'type':'expansion-started','occurredAt':'2026-03-04T05:06:07.000000001Z','kind':'upsell',"
              + "'dealId':'D-43'}"),
      new Pinned(new SalesEvent.QualificationScored(OCCURRED,
          DealFacts.Scorecard.of(DealFacts.Scorecard.Framework.MEDDIC).confirm(DealFacts.Scorecard.Element.CHAMPION,
              "Dana")),
          "{'type':'qualification-scored','occurredAt':'2026-03-04T05:06:07.000000001Z','scorecard':{"
              + "'framework':'meddic','findings':[{'element':'champion','confirmed':true,'note':'Dana'}]}}"),
      new Pinned(new SalesEvent.Custom(EventType.custom("trial-extended"), OCCURRED,
          Map.of("days", "14", "by", "rep")),
          "{'type':'trial-extended','occurredAt':'2026-03-04T05:06:07.000000001Z','attributes':{'by':'rep',"
              + "'days':'14'}}"));



  @Test
  void readsEveryBuiltInEventAsEarlierReleasesStoredIt() {
    for (Pinned pinned : FORMAT_1) {
      String document = ("{'format':1,'at':'2026-03-04T05:06:07.123456789Z','event':" + pinned.json() + "}")
          .replace('\'', '"');

      assertThat(Documents.readPayload(document))
          .as("reading the stored form of %s", pinned.event())
          .isEqualTo(new Documents.Payload(RECORDED, pinned.event()));
    }
  }

  @Test
  void writesEveryBuiltInEventInTheFormatItPins() {
    for (Pinned pinned : FORMAT_2) {
      String document = ("{'format':2,'at':'2026-03-04T05:06:07.123456789Z','event':" + pinned.json() + "}")
          .replace('\'', '"');

      assertThat(Documents.writePayload(new Documents.Payload(RECORDED, pinned.event())))
          .as("the stored form of %s", pinned.event())
          .isEqualTo(document);
      assertThat(Documents.readPayload(document))
          .as("reading the stored form of %s", pinned.event())
          .isEqualTo(new Documents.Payload(RECORDED, pinned.event()));
    }
  }

  /** Event types that came after format 1: no document of format 1 holds one. */
  private static final Set<EventType> AFTER_FORMAT_1 = Set.of(EventType.FORECAST_UPDATED,
      EventType.STAKEHOLDER_ENGAGED, EventType.EXPANSION_STARTED, EventType.QUALIFICATION_SCORED);

  @Test
  void pinsTheStoredFormsOfEveryBuiltInEventType() {
    for (List<Pinned> pinned : List.of(FORMAT_1, FORMAT_2)) {
      Set<EventType> missing = new LinkedHashSet<>(EventType.builtIn());
      pinned.forEach(p -> missing.remove(p.event().type()));
      if (pinned == FORMAT_1) { // format 1 was written before the administrative and the later events
        missing.removeIf(EventType::isAdministrative);
        missing.removeAll(AFTER_FORMAT_1);
      }

      assertThat(missing).as("built-in event types with no pinned stored form; add one for each").isEmpty();
    }
  }

  @Test
  void roundTripsAnEventOfEveryBuiltInType() {
    for (EventType type : EventType.builtIn()) {
      List<SalesEvent> samples = samplesOf(type);
      assertThat(samples).as("samples of %s", type).isNotEmpty();
      for (SalesEvent event : samples) {
        assertThat(event.type()).isEqualTo(type);
        String json = Documents.writePayload(new Documents.Payload(RECORDED, event));

        assertThat(Documents.readPayload(json).event()).as("%s, stored as %s", event, json).isEqualTo(event);
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
      return component.getName().toLowerCase().endsWith("owner") // an owner is an id: no line breaks
          ? component.getName() + " \"" + variant + "\" ✓" : component.getName() + " \"" + variant + "\"\n";
    }
    if (type == int.class) { // a migration's versions: one to the next
      return component.getName().equals("toVersion") ? 2 + variant : 1 + variant;
    }
    if (type == boolean.class) {
      return variant % 2 == 0;
    }
    if (type == List.class) {
      return variant % 2 == 0 ? List.of() : List.of("amount: required \"" + variant + "\"", "second\nline");
    }
    if (type == LeadSource.class && eventClass == SalesEvent.ExpansionStarted.class) {
      List<LeadSource> kinds = List.of(LeadSource.UPSELL, LeadSource.CROSS_SELL, LeadSource.RENEWAL, LeadSource.REPEAT);
      return kinds.get(variant % kinds.size());
    }
    if (type == DealFacts.Scorecard.class) {
      DealFacts.Scorecard.Framework framework = DealFacts.Scorecard.Framework.values()[variant % 3];
      return DealFacts.Scorecard.of(framework).confirm(framework.elements().get(0), "note \"" + variant + "\"")
          .identify(framework.elements().get(1), "");
    }
    if (type == BigDecimal.class && component.getName().equals("discountPercent")) {
      return new BigDecimal("12.50").movePointLeft(variant);
    }
    if (type.isEnum()) {
      Object[] constants = type.getEnumConstants();
      return constants[variant % constants.length];
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
    if (type == Map.class) {
      return Map.of("variant", String.valueOf(variant), "empty", "");
    }
    return fail("DocumentsTests has no sample for component '" + component.getName() + "' of "
        + eventClass.getName() + ", of type " + component.getGenericType().getTypeName() + "; add one in sample()");
  }

  /**
   * A payload read from the parser's tokens, if it is read that way at all, equals what the Jackson mapping gives;
   * one the mapping refuses is not read from tokens either, and {@code readPayload} refuses it with the mapping's
   * message, which starts with {@code messagePrefix}.
   */
  private static void assertReadDirectlyAsTheMappingReadsIt(String json, String messagePrefix) throws Exception {
    Documents.Payload direct = Documents.readPayloadDirect(json);
    Documents.Payload expected;
    try {
      expected = new Documents.Payload(Instant.parse("2026-01-01T00:00:00Z"), throughMapping(json));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      expected = null;
    }
    if (direct != null) {
      assertThat(direct).as(json).isEqualTo(expected);
    }
    if (expected == null) {
      assertThat(direct).as(json).isNull();
      assertThatThrownBy(() -> Documents.readPayload(json)).as(json).isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith(messagePrefix);
    } else {
      assertThat(Documents.readPayload(json)).as(json).isEqualTo(expected);
    }
  }
}
