package io.salesflow.store.jdbc;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.util.JsonGeneratorDelegate;
import com.fasterxml.jackson.core.util.JsonParserSequence;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import io.salesflow.BantAssessment;
import io.salesflow.DealFacts;
import io.salesflow.EventType;
import io.salesflow.SalesEvent;
import io.salesflow.jackson2.SalesflowJackson2Module;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The store's two JSON documents, written and read with Jackson 2 and the Salesflow Jackson 2 module, so that deals
 * in the database and deals on the wire have one mapping: a deal row's state (its exact creation and stage-entry
 * times and its facts) and a history row's payload (the exact time the transition was recorded, and the event).
 * Thread-safe.
 *
 * <p>Two things differ from the wire: amounts are written as JSON strings of their exact decimal text (PostgreSQL's
 * {@code jsonb} keeps numbers as {@code numeric}, which has no negative scale: {@code 1.2E+4} would come back as
 * {@code 12000}, a different {@link BigDecimal}), and every document carries a {@code "format"} number. Format 2 is
 * what this class writes; format 1, which earlier releases wrote (enum constants by name, every amount as a string),
 * reads through the same mapping, which takes constant names and amounts given as strings. A document of a newer
 * format fails with a message that says so.
 *
 * <p>Reading stops at {@value #MAX_DEPTH} levels of nesting (Jackson's {@link StreamReadConstraints}): the store's
 * documents nest at most seven deep, so a deeper one was not written by it, and reading it fails fast instead of
 * exhausting memory or the stack.
 */
final class Documents {
  /** The document format this class writes. */
  static final int FORMAT = 2;
  /** How deeply a document read may nest. */
  static final int MAX_DEPTH = 64;

  private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
          .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
          .build())
      // any custom type: the store keeps the events of every process, including those its engine does not run
      .addModule(new SalesflowJackson2Module().withAnyEventType())
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS) // a document is one value: anything after it is damage
      .build();
  private static final ObjectReader STATE = MAPPER.readerFor(StateDocument.class);
  private static final ObjectReader PAYLOAD = MAPPER.readerFor(PayloadDocument.class);
  /** The facts inside a state document: more of the document follows them, which the document's reader checks. */
  private static final ObjectReader FACTS = MAPPER.readerFor(DealFacts.class)
      .without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  /** The event inside a payload: more of the payload follows it, which the payload's reader checks. */
  private static final ObjectReader EVENT = MAPPER.readerFor(SalesEvent.class)
      .without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private Documents() {}

  /**
   * A deal's state at some version: what is not a column. The store keeps it in the deal row at the version in
   * {@code state_version}, and works out later versions by replaying the history rows after it.
   */
  record State(Instant createdAt, Instant enteredStageAt, DealFacts facts) {
    State {
      Objects.requireNonNull(createdAt, "createdAt must not be null");
      Objects.requireNonNull(enteredStageAt, "enteredStageAt must not be null");
      Objects.requireNonNull(facts, "facts must not be null");
    }
  }

  /** The part of a transition record that is not a column: the exact time it was recorded, and the event. */
  record Payload(Instant at, SalesEvent event) {
    Payload {
      Objects.requireNonNull(at, "at must not be null");
      Objects.requireNonNull(event, "event must not be null");
    }
  }

  /** A state document as Jackson reads it; members checked by {@link #readState}. */
  record StateDocument(@Nullable Integer format, @Nullable String createdAt, @Nullable String enteredStageAt,
      @Nullable DealFacts facts) {}

  /** A payload document as Jackson reads it; members checked by {@link #readPayload}. */
  record PayloadDocument(@Nullable Integer format, @Nullable String at, @Nullable SalesEvent event) {}

  // ---------------------------------------------------------------- writing

  /** Returns the JSON document of a deal's state. */
  static String writeState(State state) {
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("format", FORMAT);
    document.put("createdAt", state.createdAt().toString());
    document.put("enteredStageAt", state.enteredStageAt().toString());
    document.put("facts", state.facts());
    return write(document);
  }

  /** Returns the JSON document of a transition's payload. */
  static String writePayload(Payload payload) {
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("format", FORMAT);
    document.put("at", payload.at().toString());
    document.put("event", payload.event());
    return write(document);
  }

  private static String write(Map<String, Object> document) {
    StringWriter out = new StringWriter(256);
    try (JsonGenerator generator = new AmountsAsText(MAPPER.getFactory().createGenerator(out))) {
      MAPPER.writeValue(generator, document);
    } catch (IOException e) {
      // writing to memory fails only when the mapping refuses a value, which a valid deal never has
      throw new UncheckedIOException("could not write a deal document: " + e.getMessage(), e);
    }
    return out.toString();
  }

  /** Writes amounts (the mapping's only {@link BigDecimal}s) as strings of their exact decimal text. */
  private static final class AmountsAsText extends JsonGeneratorDelegate {
    AmountsAsText(JsonGenerator delegate) {
      super(delegate, false);
    }

    @Override
    public void writeNumber(BigDecimal value) throws IOException {
      delegate.writeString(value.toString());
    }

    @Override
    public void writeNumber(String encodedValue) throws IOException {
      delegate.writeString(encodedValue);
    }
  }

  // ---------------------------------------------------------------- reading

  /**
   * Reads a deal's state document, of format 1 or 2.
   *
   * @throws IllegalArgumentException if the document is malformed, nests too deeply, lacks a member, holds a value
   *     the model refuses, or is of a newer format; the message says which
   */
  static State readState(String json) {
    State fast = readStateFast(json);
    if (fast != null) {
      return fast;
    }
    StateDocument d = read(STATE, json);
    checkFormat(d.format());
    return new State(instant(d.createdAt(), "createdAt"), instant(d.enteredStageAt(), "enteredStageAt"),
        required(d.facts(), "facts"));
  }

  /**
   * Reads a transition's payload document, of format 1 or 2.
   *
   * @throws IllegalArgumentException if the document is malformed, nests too deeply, lacks a member, holds a value
   *     the model refuses, or is of a newer format; the message says which
   */
  static Payload readPayload(String json) {
    Payload fast = readPayloadFast(json);
    if (fast != null) {
      return fast;
    }
    PayloadDocument d = read(PAYLOAD, json);
    checkFormat(d.format());
    return new Payload(instant(d.at(), "at"), required(d.event(), "event"));
  }

  /**
   * Reads a payload document in the shape the store writes ({@code format} a whole number, {@code at} a string, an
   * {@code event} object, other members skipped) with Jackson's streaming parser and the event's mapping, without
   * the document record; null for anything else, or anything wrong, which {@link #readPayload} then reads the usual
   * way to accept it or say what is wrong exactly as before (a member given twice goes that way too).
   */
  static @Nullable Payload readPayloadFast(String json) {
    Payload direct = readPayloadDirect(json);
    if (direct != null) {
      return direct;
    }
    Members members = readMembers(json, PAYLOAD_TEXTS, "event", EVENT);
    try {
      return members == null ? null : new Payload(members.instants[0], (SalesEvent) members.object);
    } catch (RuntimeException e) {
      return null; // read again the usual way, which says what is wrong
    }
  }

  /**
   * Reads a state document in the shape the store writes, as {@link #readPayloadFast} reads a payload; null for
   * anything else, or anything wrong, which {@link #readState} then reads the usual way.
   */
  static @Nullable State readStateFast(String json) {
    Members members = readMembers(json, STATE_TEXTS, "facts", FACTS);
    try {
      return members == null ? null : new State(members.instants[0], members.instants[1],
          (DealFacts) members.object);
    } catch (RuntimeException e) {
      return null; // read again the usual way, which says what is wrong
    }
  }

  /**
   * Reads a payload document in the shape the store writes whose event is of a built-in type made of plain values
   * (see {@link EventShape}), straight from the parser's tokens: no tree of the event, no data-binding context. Null
   * for anything else or anything unusual (an event of another type, a member given twice or as {@code null}, a value
   * that is not in the form this class writes, a value its record refuses), which {@link #readPayloadFast} then
   * reads through the event's mapping, so that what is accepted and every message stay the mapping's.
   */
  static @Nullable Payload readPayloadDirect(String json) {
    try (JsonParser p = MAPPER.getFactory().createParser(json)) {
      return readPayloadDirect(p);
    } catch (IOException | RuntimeException e) {
      return null; // read again through the mapping, which says what is wrong
    }
  }

  /**
   * Reads a payload document given as its UTF-8 bytes (as PostgreSQL sends a {@code jsonb} document's text), as
   * {@link #readPayloadDirect(String)} reads its text, without making the text first.
   */
  static @Nullable Payload readPayloadDirect(byte[] utf8) {
    try (JsonParser p = MAPPER.getFactory().createParser(utf8)) {
      return readPayloadDirect(p);
    } catch (IOException | RuntimeException e) {
      return null; // read again through the mapping, which says what is wrong
    }
  }

  private static @Nullable Payload readPayloadDirect(JsonParser p) throws IOException {
    if (p.nextToken() != JsonToken.START_OBJECT) {
      return null;
    }
    Payload payload = readPayloadMembers(p);
    return payload == null || p.nextToken() != null ? null : payload;
  }

  /**
   * Reads the payload documents of several history rows, all texts or all UTF-8 bytes, with one parser: the
   * documents are read as one sequence, and each is taken only if it is in the shape
   * {@link #readPayloadDirect(String)} reads and ends exactly where its own characters (or bytes) end in it. A document's parser and its contexts weigh more
   * than most payloads, and a bulk read meets hundreds of thousands of them.
   *
   * @param documents each a {@link String}, a {@code byte[]} of UTF-8, or null
   * @param count how many of {@code documents} to read
   * @return the payloads read, in the documents' order: entry {@code i} is null from the first document that this
   *     read could not take on (one not in that shape, or null, or of the other kind than the first), and each of
   *     those is for the caller to read on its own, the usual way
   */
  static @Nullable Payload[] readPayloads(@Nullable Object[] documents, int count) {
    Payload[] payloads = new Payload[count];
    int[] ends = new int[count];
    int length = 0;
    int n = 0;
    boolean text = documents.length > 0 && documents[0] instanceof String;
    for (; n < count; n++) {
      Object document = documents[n];
      int size = text && document instanceof String s ? s.length()
          : !text && document instanceof byte[] b ? b.length : -1;
      if (size < 2 || length > Integer.MAX_VALUE / 2 - size) {
        break;
      }
      length += (n == 0 ? 0 : 1) + size;
      ends[n] = length;
    }
    if (n == 0) {
      return payloads;
    }
    try (JsonParser p = text ? MAPPER.getFactory().createParser(new JoinedTexts(documents, n))
        : MAPPER.getFactory().createParser(new JoinedBytes(documents, n))) {
      readPayloads(p, text, ends, n, payloads);
    } catch (IOException | RuntimeException e) {
      // the documents from this one on are read one by one, which says what is wrong
    }
    return payloads;
  }

  /**
   * Reads the documents of several deals, all texts, with one parser, as {@link #readPayloads(Object[], int)} reads
   * the payloads of one: per deal, its state document if given, taken only if it is in the shape
   * {@link #readStateFast} reads, then its payload documents, each taken only if it ends exactly where its own
   * characters end. A bulk read so makes one parser for many deals instead of two for each.
   *
   * @param states per deal, its state document to read, or null to read none
   * @param documents the payload documents, each a {@link String} or null: deal {@code d}'s are the
   *     {@code counts[d]} from index {@code from[d]}
   * @param first the first deal to read
   * @param deals the number of deals, the last one read being {@code deals - 1}
   * @param statesRead where each state read goes, at its deal's index; untouched for a state not read
   * @param payloads where each payload read goes, at its document's index; untouched for a payload not read
   * @return {@code deals} if every document of the deals from {@code first} on was read; otherwise the deal of the
   *     first one that could not be (its documents from that one on, and its payloads too when it is its state, are
   *     not read, for the caller to read each on its own, the usual way), and the caller can go on from the next
   */
  static int readDeals(@Nullable String[] states, @Nullable Object[] documents, int[] from, int[] counts, int first,
      int deals, @Nullable State[] statesRead, @Nullable Payload[] payloads) {
    int total = 0;
    for (int d = first; d < deals; d++) {
      total += (states[d] != null ? 1 : 0) + counts[d];
    }
    // the documents in the order they are read; for each, where it ends, its deal and its payload index (-1: a state)
    Object[] sequence = new Object[total];
    int[] ends = new int[total];
    int[] dealOf = new int[total];
    int[] payloadOf = new int[total];
    int length = 0;
    int n = 0;
    int stop = deals;
    sequencing:
    for (int d = first; d < deals; d++) {
      String state = states[d];
      if (state != null) {
        if (state.length() < 2 || length > Integer.MAX_VALUE / 2 - state.length()) {
          stop = d;
          break;
        }
        length += (n == 0 ? 0 : 1) + state.length();
        sequence[n] = state;
        ends[n] = length;
        dealOf[n] = d;
        payloadOf[n++] = -1;
      }
      for (int k = from[d]; k < from[d] + counts[d]; k++) {
        int size = documents[k] instanceof String text ? text.length() : -1;
        if (size < 2 || length > Integer.MAX_VALUE / 2 - size) {
          stop = d;
          break sequencing;
        }
        length += (n == 0 ? 0 : 1) + size;
        sequence[n] = documents[k];
        ends[n] = length;
        dealOf[n] = d;
        payloadOf[n++] = k;
      }
    }
    if (n == 0) {
      return stop;
    }
    int i = 0;
    try (JsonParser p = MAPPER.getFactory().createParser(new JoinedTexts(sequence, n))) {
      for (; i < n; i++) {
        if (p.nextToken() != JsonToken.START_OBJECT) {
          return dealOf[i];
        }
        if (payloadOf[i] < 0) {
          Members members = readMembers(p, STATE_TEXTS, "facts", FACTS);
          if (members == null || p.currentLocation().getCharOffset() != ends[i]) {
            return dealOf[i];
          }
          statesRead[dealOf[i]] = new State(members.instants[0], members.instants[1], (DealFacts) members.object);
        } else {
          Payload payload = readPayloadMembers(p);
          // its closing brace the last character of its own document, as in readPayloads
          if (payload == null || p.currentLocation().getCharOffset() != ends[i]) {
            return dealOf[i];
          }
          payloads[payloadOf[i]] = payload;
        }
      }
    } catch (IOException | RuntimeException e) {
      return i < n ? dealOf[i] : stop; // the documents from this one on are read one by one, which says what is wrong
    }
    return stop;
  }

  /**
   * Reads payload documents from the parser, each to end at its entry of {@code ends}, into {@code payloads} until
   * the first that is not in the store's own form.
   */
  private static void readPayloads(JsonParser p, boolean text, int[] ends, int n, @Nullable Payload[] payloads)
      throws IOException {
    for (int i = 0; i < n; i++) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return;
      }
      Payload payload = readPayloadMembers(p);
      if (payload == null) {
        return;
      }
      // its closing brace the last character of its own document, which so began after the one before ended:
      // nothing read as part of it comes from another document, and nothing of its own is left after it
      JsonLocation end = p.currentLocation();
      if ((text ? end.getCharOffset() : end.getByteOffset()) != ends[i]) {
        return;
      }
      payloads[i] = payload;
    }
  }

  /**
   * The first {@code n} documents, all texts, one after the other with a space between each two, as a reader: the
   * parser reads them into its own recycled buffer, so nothing is copied into a joined text first.
   */
  private static final class JoinedTexts extends Reader {
    private final @Nullable Object[] documents;
    private final int n;
    /** The document being read, and the position in it; {@code at == -1} for the space before it. */
    private int document;
    private int at;

    JoinedTexts(@Nullable Object[] documents, int n) {
      this.documents = documents;
      this.n = n;
    }

    @Override
    public int read(char[] buffer, int offset, int length) {
      int read = 0;
      while (read < length && document < n) {
        if (at < 0) {
          buffer[offset + read++] = ' ';
          at = 0;
          continue;
        }
        String text = (String) Objects.requireNonNull(documents[document]);
        int count = Math.min(length - read, text.length() - at);
        text.getChars(at, at + count, buffer, offset + read);
        read += count;
        at += count;
        if (at == text.length()) {
          document++;
          at = -1;
        }
      }
      return read == 0 && length > 0 ? -1 : read;
    }

    @Override
    public void close() {}
  }

  /**
   * The first {@code n} documents, all UTF-8 bytes, one after the other with a space between each two, as a stream:
   * the parser reads them into its own recycled buffer, so nothing is copied into a joined array first.
   */
  private static final class JoinedBytes extends InputStream {
    private final @Nullable Object[] documents;
    private final int n;
    /** The document being read, and the position in it; {@code at == -1} for the space before it. */
    private int document;
    private int at;

    JoinedBytes(@Nullable Object[] documents, int n) {
      this.documents = documents;
      this.n = n;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
      int read = 0;
      while (read < length && document < n) {
        if (at < 0) {
          buffer[offset + read++] = ' ';
          at = 0;
          continue;
        }
        byte[] bytes = (byte[]) Objects.requireNonNull(documents[document]);
        int count = Math.min(length - read, bytes.length - at);
        System.arraycopy(bytes, at, buffer, offset + read, count);
        read += count;
        at += count;
        if (at == bytes.length) {
          document++;
          at = -1;
        }
      }
      return read == 0 && length > 0 ? -1 : read;
    }

    @Override
    public int read() {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }
  }

  /**
   * Reads the members of a payload document whose start the parser has just read, up to and including its end, as
   * {@link #readPayloadDirect(String)} does; null for anything it does not take.
   */
  private static @Nullable Payload readPayloadMembers(JsonParser p) throws IOException {
    int format = -1;
    Instant at = null;
    SalesEvent event = null;
    for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
      if (t != JsonToken.FIELD_NAME) {
        return null;
      }
      String name = p.currentName();
      JsonToken token = p.nextToken();
      if (name.equals("format")) {
        if (token != JsonToken.VALUE_NUMBER_INT || format != -1) {
          return null;
        }
        format = p.getIntValue();
      } else if (name.equals("at")) {
        if (token != JsonToken.VALUE_STRING || at != null) {
          return null;
        }
        at = instantOf(p);
      } else if (name.equals("event")) {
        if (token != JsonToken.START_OBJECT || event != null) {
          return null;
        }
        event = EventShape.read(p);
        if (event == null) {
          return null;
        }
      } else {
        p.skipChildren();
      }
    }
    if ((format != 1 && format != FORMAT) || at == null || event == null) {
      return null;
    }
    return new Payload(at, event);
  }

  /**
   * How a built-in event whose components are all plain values (strings, instants, enum constants, amounts, whole
   * numbers, booleans) is read from tokens: found from the record's components, so a new built-in event needs
   * nothing here (one with a component of another kind is simply left to the mapping). Each value is taken only in
   * the form the mapping writes it and reads it to the same value: a string for a string, an instant, an amount
   * (or a JSON number) and a whole number; an enum constant's exact label; {@code true} or {@code false}.
   */
  private static final class EventShape {
    /** The shapes of the built-in types that have one, by type id. */
    private static final Map<String, EventShape> BY_TYPE = shapes();
    /**
     * The ids of the types read from tokens, recognised from the parser's characters without making a string of
     * each event's type: those with a shape, and the qualification, read by {@link Qualification}.
     */
    private static final String[] TYPE_IDS;
    /** The shape of each of {@link #TYPE_IDS}; null for the qualification. */
    private static final @Nullable EventShape[] SHAPES;

    static {
      List<String> ids = new ArrayList<>(BY_TYPE.keySet());
      ids.add(EventType.QUALIFICATION_ASSESSED.id());
      TYPE_IDS = ids.toArray(String[]::new);
      SHAPES = new EventShape[TYPE_IDS.length];
      for (int i = 0; i < TYPE_IDS.length; i++) {
        SHAPES[i] = BY_TYPE.get(TYPE_IDS[i]);
      }
    }

    private enum Kind { STRING, INSTANT, DECIMAL, INT, BOOLEAN, ENUM }

    private final String[] names;
    private final Kind[] kinds;
    private final boolean[] nullable;
    /** Per enum component, its constants' labels and the constants, in the same order; null for other kinds. */
    private final @Nullable String[][] labels;
    private final @Nullable Object[][] constants;
    private final Constructor<?> constructor;

    @SuppressWarnings({"unchecked", "rawtypes"})
    private EventShape(Class<?> type, RecordComponent[] components) throws NoSuchMethodException {
      int n = components.length;
      names = new String[n];
      kinds = new Kind[n];
      nullable = new boolean[n];
      labels = new String[n][];
      constants = new Object[n][];
      Class<?>[] parameters = new Class<?>[n];
      for (int i = 0; i < n; i++) {
        RecordComponent c = components[i];
        names[i] = c.getName();
        kinds[i] = Objects.requireNonNull(kind(c.getType()));
        nullable[i] = c.getAnnotatedType().isAnnotationPresent(Nullable.class);
        if (kinds[i] == Kind.ENUM) {
          Object[] values = c.getType().getEnumConstants();
          String[] texts = new String[values.length];
          for (int v = 0; v < values.length; v++) {
            texts[v] = ((Enum<?>) values[v]).name().toLowerCase(Locale.ROOT).replace('_', '-');
          }
          labels[i] = texts;
          constants[i] = values;
        }
        parameters[i] = c.getType();
      }
      constructor = type.getDeclaredConstructor(parameters);
    }

    private static @Nullable Kind kind(Class<?> type) {
      if (type == String.class) {
        return Kind.STRING;
      }
      if (type == Instant.class) {
        return Kind.INSTANT;
      }
      if (type == BigDecimal.class) {
        return Kind.DECIMAL;
      }
      if (type == int.class) {
        return Kind.INT;
      }
      if (type == boolean.class) {
        return Kind.BOOLEAN;
      }
      return type.isEnum() ? Kind.ENUM : null;
    }

    private static Map<String, EventShape> shapes() {
      Map<String, EventShape> shapes = new HashMap<>();
      for (EventType type : EventType.builtIn()) {
        Class<?> record = type.eventClass().orElse(null);
        if (record == null || !record.isRecord()) {
          continue;
        }
        RecordComponent[] components = record.getRecordComponents();
        if (Arrays.stream(components).anyMatch(c -> kind(c.getType()) == null || c.getName().equals("type"))) {
          continue; // a nested value or a list: the mapping reads it
        }
        try {
          shapes.put(type.id(), new EventShape(record, components));
        } catch (NoSuchMethodException e) {
          // no canonical constructor to call: the mapping reads it
        }
      }
      return Map.copyOf(shapes);
    }

    /**
     * Reads the event object the parser is at (its start token read), if its {@code type} member comes first and
     * names a type with a shape, and everything else is as the mapping writes it; null otherwise.
     */
    static @Nullable SalesEvent read(JsonParser p) throws IOException {
      if (p.nextToken() != JsonToken.FIELD_NAME || !p.currentName().equals("type")
          || p.nextToken() != JsonToken.VALUE_STRING) {
        return null;
      }
      int known = textIndex(p, TYPE_IDS);
      if (known >= 0) {
        EventShape shape = SHAPES[known];
        return shape != null ? shape.readMembers(p) : Qualification.read(p);
      }
      return throughMapping(p.getText(), p);
    }

    /**
     * Reads the rest of an event whose type has no shape through the event's mapping, in the same pass: the type
     * member already read is handed to the mapping again ahead of the parser's remaining tokens, as Jackson's own
     * type-id handling does.
     */
    private static SalesEvent throughMapping(String type, JsonParser p) throws IOException {
      TokenBuffer head = new TokenBuffer(p);
      head.writeStartObject();
      head.writeFieldName("type");
      head.writeString(type);
      // not closed: closing the sequence would close the document's parser, which goes on after the event
      JsonParser rest = JsonParserSequence.createFlattened(false, head.asParser(), p);
      return EVENT.readValue(rest);
    }

    private @Nullable SalesEvent readMembers(JsonParser p) throws IOException {
      Object[] values = new Object[names.length];
      for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
        if (t != JsonToken.FIELD_NAME) {
          return null;
        }
        String name = p.currentName();
        JsonToken token = p.nextToken();
        int i = indexOf(name);
        if (i < 0) {
          if (name.equals("type")) {
            return null; // given twice
          }
          p.skipChildren();
          continue;
        }
        if (values[i] != null) {
          return null; // given twice
        }
        Object value = value(i, token, p);
        if (value == null) {
          return null;
        }
        values[i] = value;
      }
      for (int i = 0; i < values.length; i++) {
        if (values[i] == null && !nullable[i]) {
          return null; // missing: the mapping says so
        }
      }
      try {
        return (SalesEvent) constructor.newInstance(values);
      } catch (ReflectiveOperationException | RuntimeException e) {
        return null; // refused by the record: the mapping says why
      }
    }

    private int indexOf(String name) {
      for (int i = 0; i < names.length; i++) {
        if (names[i].equals(name)) {
          return i;
        }
      }
      return -1;
    }

    private @Nullable Object value(int i, JsonToken token, JsonParser p) throws IOException {
      return switch (kinds[i]) {
        case STRING -> token == JsonToken.VALUE_STRING ? p.getText() : null;
        case INSTANT -> token == JsonToken.VALUE_STRING ? instantOf(p) : null;
        case DECIMAL -> token == JsonToken.VALUE_STRING ? decimalOf(p)
            : token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT ? p.getDecimalValue() : null;
        case INT -> token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT
            ? (Object) p.getDecimalValue().intValueExact() : null;
        case BOOLEAN -> token == JsonToken.VALUE_TRUE ? Boolean.TRUE : token == JsonToken.VALUE_FALSE ? Boolean.FALSE
            : null;
        case ENUM -> {
          int label = token == JsonToken.VALUE_STRING ? textIndex(p, Objects.requireNonNull(labels[i])) : -1;
          yield label < 0 ? null : Objects.requireNonNull(constants[i])[label];
        }
      };
    }
  }

  /** The type id of {@link SalesEvent.QualificationAssessed}, the one built-in event with a nested value. */
  private static final String QUALIFICATION = EventType.QUALIFICATION_ASSESSED.id();

  /**
   * How a qualification event ({@link SalesEvent.QualificationAssessed}) is read from tokens: its BANT assessment is
   * a nested object, which {@link EventShape} leaves to the mapping. Each member is taken only in the form the
   * mapping writes it, and read to the value the mapping reads from it: {@code occurredAt} an instant; each
   * dimension of the assessment an object with exactly its members ({@code budget}: an {@code amount}, as text or a
   * number, and {@code confirmed}; {@code authority}: {@code decisionMakerIdentified} and a whole number of
   * {@code stakeholders}; {@code need}: an array of {@code painPoints} texts; {@code timing}: a {@code decisionDate}
   * as {@code yyyy-mm-dd}); members it does not know are skipped, as the mapping skips them. Anything else (a
   * {@code null}, a member given twice or missing, a value of another kind or that the model refuses) gives null,
   * for the document to be read through the mapping, which accepts it or says what is wrong exactly as before.
   */
  private static final class Qualification {
    private Qualification() {}

    /** Reads the rest of a qualification event whose type member the parser has just read; null if unusual. */
    static @Nullable SalesEvent read(JsonParser p) throws IOException {
      Instant occurredAt = null;
      BantAssessment assessment = null;
      for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
        if (t != JsonToken.FIELD_NAME) {
          return null;
        }
        String name = p.currentName();
        JsonToken token = p.nextToken();
        if (name.equals("occurredAt")) {
          if (token != JsonToken.VALUE_STRING || occurredAt != null) {
            return null;
          }
          occurredAt = instantOf(p);
        } else if (name.equals("assessment")) {
          if (token != JsonToken.START_OBJECT || assessment != null) {
            return null;
          }
          assessment = assessment(p);
          if (assessment == null) {
            return null;
          }
        } else if (name.equals("type") || token == JsonToken.VALUE_NULL) {
          return null; // given twice; a null the mapping may treat as a missing member
        } else {
          p.skipChildren();
        }
      }
      if (occurredAt == null || assessment == null) {
        return null;
      }
      try {
        return new SalesEvent.QualificationAssessed(occurredAt, assessment);
      } catch (RuntimeException e) {
        return null; // refused by the record: the mapping says why
      }
    }

    /** Reads the assessment object whose start the parser has just read, up to its end; null if unusual. */
    private static @Nullable BantAssessment assessment(JsonParser p) throws IOException {
      BantAssessment.Budget budget = null;
      BantAssessment.Authority authority = null;
      BantAssessment.Need need = null;
      BantAssessment.Timing timing = null;
      try {
        for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
          if (t != JsonToken.FIELD_NAME) {
            return null;
          }
          String name = p.currentName();
          JsonToken token = p.nextToken();
          if (token == JsonToken.VALUE_NULL) {
            return null; // the mapping reads a null dimension as one not assessed: left to it
          }
          switch (name) {
            case "budget" -> {
              if (token != JsonToken.START_OBJECT || budget != null || (budget = budget(p)) == null) {
                return null;
              }
            }
            case "authority" -> {
              if (token != JsonToken.START_OBJECT || authority != null || (authority = authority(p)) == null) {
                return null;
              }
            }
            case "need" -> {
              if (token != JsonToken.START_OBJECT || need != null || (need = need(p)) == null) {
                return null;
              }
            }
            case "timing" -> {
              if (token != JsonToken.START_OBJECT || timing != null || (timing = timing(p)) == null) {
                return null;
              }
            }
            default -> p.skipChildren();
          }
        }
        if (budget == null && authority == null && need == null && timing == null) {
          return BantAssessment.unknown();
        }
        BantAssessment.Builder b = BantAssessment.builder();
        if (budget != null) {
          b.budget(budget);
        }
        if (authority != null) {
          b.authority(authority);
        }
        if (need != null) {
          b.need(need);
        }
        if (timing != null) {
          b.timing(timing);
        }
        return b.build();
      } catch (RuntimeException e) {
        return null; // a value the model refuses, or not of its kind: the mapping says why
      }
    }

    private static BantAssessment.@Nullable Budget budget(JsonParser p) throws IOException {
      BigDecimal amount = null;
      Boolean confirmed = null;
      for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
        if (t != JsonToken.FIELD_NAME) {
          return null;
        }
        String name = p.currentName();
        JsonToken token = p.nextToken();
        if (name.equals("amount")) {
          if (amount != null) {
            return null;
          }
          amount = token == JsonToken.VALUE_STRING ? decimalOf(p)
              : token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT ? p.getDecimalValue()
              : null;
          if (amount == null) {
            return null;
          }
        } else if (name.equals("confirmed")) {
          if (confirmed != null || (confirmed = bool(token)) == null) {
            return null;
          }
        } else if (!skip(token, p)) {
          return null;
        }
      }
      return amount == null || confirmed == null ? null : new BantAssessment.Budget(amount, confirmed);
    }

    private static BantAssessment.@Nullable Authority authority(JsonParser p) throws IOException {
      Boolean identified = null;
      Integer stakeholders = null;
      for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
        if (t != JsonToken.FIELD_NAME) {
          return null;
        }
        String name = p.currentName();
        JsonToken token = p.nextToken();
        if (name.equals("decisionMakerIdentified")) {
          if (identified != null || (identified = bool(token)) == null) {
            return null;
          }
        } else if (name.equals("stakeholders")) {
          if (stakeholders != null
              || token != JsonToken.VALUE_NUMBER_INT && token != JsonToken.VALUE_NUMBER_FLOAT) {
            return null;
          }
          stakeholders = p.getDecimalValue().intValueExact();
        } else if (!skip(token, p)) {
          return null;
        }
      }
      return identified == null || stakeholders == null ? null
          : new BantAssessment.Authority(identified, stakeholders);
    }

    private static BantAssessment.@Nullable Need need(JsonParser p) throws IOException {
      List<String> painPoints = null;
      for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
        if (t != JsonToken.FIELD_NAME) {
          return null;
        }
        String name = p.currentName();
        JsonToken token = p.nextToken();
        if (name.equals("painPoints")) {
          if (painPoints != null || token != JsonToken.START_ARRAY) {
            return null;
          }
          painPoints = new ArrayList<>(4);
          for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
            if (e != JsonToken.VALUE_STRING) {
              return null;
            }
            painPoints.add(p.getText());
          }
        } else if (!skip(token, p)) {
          return null;
        }
      }
      return painPoints == null ? null : new BantAssessment.Need(painPoints);
    }

    private static BantAssessment.@Nullable Timing timing(JsonParser p) throws IOException {
      LocalDate decisionDate = null;
      for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
        if (t != JsonToken.FIELD_NAME) {
          return null;
        }
        String name = p.currentName();
        JsonToken token = p.nextToken();
        if (name.equals("decisionDate")) {
          if (decisionDate != null || token != JsonToken.VALUE_STRING || (decisionDate = date(p)) == null) {
            return null;
          }
        } else if (!skip(token, p)) {
          return null;
        }
      }
      return decisionDate == null ? null : new BantAssessment.Timing(decisionDate);
    }

    /**
     * The date of the string value the parser is at, in the form {@link LocalDate#toString} writes for the years 1
     * to 9999 ({@code 2026-12-15}); null for any other text, which the mapping then reads or refuses.
     */
    private static @Nullable LocalDate date(JsonParser p) throws IOException {
      char[] chars = p.getTextCharacters();
      int o = p.getTextOffset();
      if (p.getTextLength() != 10 || chars[o + 4] != '-' || chars[o + 7] != '-') {
        return null;
      }
      int year = digits(chars, o, o + 4);
      int month = digits(chars, o + 5, o + 7);
      int day = digits(chars, o + 8, o + 10);
      if (year < 0 || month < 1 || month > 12 || day < 1 || day > 28 && day > lengthOfMonth(year, month)) {
        return null;
      }
      return LocalDate.of(year, month, day);
    }

    /** The boolean of a {@code true} or {@code false} token; null for any other. */
    private static @Nullable Boolean bool(JsonToken token) {
      return token == JsonToken.VALUE_TRUE ? Boolean.TRUE : token == JsonToken.VALUE_FALSE ? Boolean.FALSE : null;
    }

    /** Skips the value of a member not known, as the mapping ignores it; false for a null, left to the mapping. */
    private static boolean skip(JsonToken token, JsonParser p) throws IOException {
      if (token == JsonToken.VALUE_NULL) {
        return false;
      }
      p.skipChildren();
      return true;
    }
  }

  /**
   * Reads a qualification event given as its JSON object from its tokens alone, as a payload's event is read, never
   * through the mapping: null for anything the payload's reading leaves to the mapping.
   */
  static @Nullable SalesEvent readQualificationFromTokens(String eventJson) {
    try (JsonParser p = MAPPER.getFactory().createParser(eventJson)) {
      if (p.nextToken() != JsonToken.START_OBJECT || p.nextToken() != JsonToken.FIELD_NAME
          || !p.currentName().equals("type") || p.nextToken() != JsonToken.VALUE_STRING
          || !p.getText().equals(QUALIFICATION)) {
        return null;
      }
      SalesEvent event = Qualification.read(p);
      return event == null || p.nextToken() != null ? null : event;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** The string members of a payload document that {@link #readPayloadFast} needs. */
  private static final List<String> PAYLOAD_TEXTS = List.of("at");
  /** The string members of a state document that {@link #readStateFast} needs. */
  private static final List<String> STATE_TEXTS = List.of("createdAt", "enteredStageAt");

  /** What {@link #readMembers} found: each instant member, in the order asked for, and the object member. */
  private record Members(Instant[] instants, Object object) {}

  /**
   * Reads a document in the shape the store writes with Jackson's streaming parser: one object whose {@code format}
   * is 1 or 2, whose members named in {@code texts} are instants (strings) and whose member {@code object} is an object, read
   * with {@code reader}; other members are skipped. Null when a member is missing, given twice or of another kind,
   * or anything else is wrong, for the caller to read the document the usual way.
   */
  private static @Nullable Members readMembers(String json, List<String> texts, String object, ObjectReader reader) {
    try (JsonParser p = MAPPER.createParser(json)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      Members members = readMembers(p, texts, object, reader);
      return members == null || p.nextToken() != null ? null : members;
    } catch (IOException | RuntimeException e) {
      return null; // read again the usual way, which says what is wrong
    }
  }

  /**
   * Reads the members of a document whose start the parser has just read, up to and including its end, as
   * {@link #readMembers(String, List, String, ObjectReader)} does; null for anything it does not take.
   */
  private static @Nullable Members readMembers(JsonParser p, List<String> texts, String object, ObjectReader reader)
      throws IOException {
    int format = -1;
    Instant[] found = new Instant[texts.size()];
    Object value = null;
    for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
      if (t != JsonToken.FIELD_NAME) {
        return null;
      }
      String name = p.currentName();
      JsonToken token = p.nextToken();
      int text = texts.indexOf(name);
      if (name.equals("format")) {
        if (token != JsonToken.VALUE_NUMBER_INT || format != -1) {
          return null;
        }
        format = p.getIntValue();
      } else if (text >= 0) {
        if (token != JsonToken.VALUE_STRING || found[text] != null) {
          return null;
        }
        found[text] = instantOf(p);
      } else if (name.equals(object)) {
        if (token != JsonToken.START_OBJECT || value != null) {
          return null;
        }
        value = reader == FACTS ? readFacts(p) : reader.readValue(p);
      } else {
        p.skipChildren();
      }
    }
    if ((format != 1 && format != FORMAT) || value == null || Arrays.asList(found).contains(null)) {
      return null;
    }
    return new Members(found, value);
  }

  /**
   * The members of the facts of a deal that knows nothing yet ({@link DealFacts#none()}) as the store writes them, the
   * state document of most deals: each empty object ({@code "{"}), empty array ({@code "["}) or zero ({@code "0"}).
   */
  private static final Map<String, String> NO_FACTS = Map.of("bant", "{", "contactChannels", "[", "followUps", "[",
      "openObjections", "[", "resolvedObjections", "0", "presentations", "0", "referralsGiven", "0",
      "attributes", "{");

  /**
   * Reads the facts object whose start the parser is at: {@link DealFacts#none()} when it has exactly the members of
   * {@link #NO_FACTS}, in any order and spacing (PostgreSQL's {@code jsonb} orders and spaces them its own way),
   * without the mapping. Anything else goes through the mapping in the same pass: the tokens read so far are handed
   * to it again ahead of the parser's remaining ones.
   */
  private static DealFacts readFacts(JsonParser p) throws IOException {
    List<String> matched = new ArrayList<>(NO_FACTS.size());
    TokenBuffer head;
    for (JsonToken t = p.nextToken(); ; t = p.nextToken()) {
      if (t == JsonToken.END_OBJECT && matched.size() == NO_FACTS.size()) {
        return DealFacts.none();
      }
      String name = t == JsonToken.FIELD_NAME ? p.currentName() : null;
      String empty = name == null || matched.contains(name) ? null : NO_FACTS.get(name);
      if (empty == null) {
        head = replay(p, matched);
        head.copyCurrentEvent(p);
        break;
      }
      JsonToken value = p.nextToken();
      boolean opened = empty.equals("{") ? value == JsonToken.START_OBJECT
          : empty.equals("[") && value == JsonToken.START_ARRAY;
      if (empty.equals("0") ? value == JsonToken.VALUE_NUMBER_INT && p.getDecimalValue().signum() == 0
          : opened && p.nextToken() == (empty.equals("{") ? JsonToken.END_OBJECT : JsonToken.END_ARRAY)) {
        matched.add(name);
        continue;
      }
      // the tokens of this member read so far: its name, and its value's start or its value
      head = replay(p, matched);
      head.writeFieldName(name);
      if (opened) {
        if (empty.equals("{")) {
          head.writeStartObject();
        } else {
          head.writeStartArray();
        }
      }
      head.copyCurrentEvent(p);
      break;
    }
    // not the facts of a deal that knows nothing: the mapping reads them from their tokens read so far, then the rest
    // (the sequence is not closed: that would close the document's parser, which goes on after the facts)
    return FACTS.readValue(JsonParserSequence.createFlattened(false, head.asParser(), p));
  }

  /** Returns the tokens of the start of the facts and of the members matched so far. */
  private static TokenBuffer replay(JsonParser p, List<String> matched) throws IOException {
    TokenBuffer head = new TokenBuffer(p);
    head.forceUseOfBigDecimal(true); // a number read back as the parser reads it, to the last digit
    head.writeStartObject();
    for (String name : matched) {
      head.writeFieldName(name);
      switch (NO_FACTS.get(name)) {
        case "{" -> {
          head.writeStartObject();
          head.writeEndObject();
        }
        case "[" -> {
          head.writeStartArray();
          head.writeEndArray();
        }
        default -> head.writeNumber(0);
      }
    }
    return head;
  }

  private static <T> T read(ObjectReader reader, String json) {
    try {
      T document = reader.readValue(json);
      if (document == null) {
        throw new IllegalArgumentException("expected a JSON object, but found " + excerpt(json));
      }
      return document;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(problem(e, json), e);
    }
  }

  /** What a Jackson failure says about a document, without Jackson's source excerpt (it can be a megabyte). */
  private static String problem(JsonProcessingException e, String json) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof StreamConstraintsException) {
        return "the document's objects and arrays nest deeper than " + MAX_DEPTH + " levels, which no document"
            + " the store writes does";
      }
      if (t instanceof JsonParseException parse) { // Jackson wraps one met inside a member
        return "malformed JSON: " + parse.getOriginalMessage() + " (" + excerpt(json) + ")";
      }
    }
    String message = e.getOriginalMessage();
    if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      String path = mapping.getPath().stream()
          .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
          .collect(Collectors.joining(".")).replace(".[", "[");
      return "member '" + path + "': " + message;
    }
    return message;
  }

  private static void checkFormat(@Nullable Integer format) {
    if (format == null) {
      throw new IllegalArgumentException("member 'format' is missing; every document the store writes has one");
    }
    if (format != 1 && format != FORMAT) {
      throw new IllegalArgumentException("document format " + format + " is not supported by this version, which"
          + " reads formats 1 and " + FORMAT + "; was it written by a newer Salesflow?");
    }
  }

  private static <T> T required(@Nullable T value, String member) {
    if (value == null) {
      throw new IllegalArgumentException("member '" + member + "' is missing");
    }
    return value;
  }

  private static Instant instant(@Nullable String text, String member) {
    try {
      return parseInstant(required(text, member));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("member '" + member + "': expected an ISO-8601 instant, but was '"
          + excerpt(text) + "'", e);
    }
  }

  /**
   * Parses an ISO-8601 instant as {@link Instant#parse} does, fast for the form {@link Instant#toString} writes
   * ({@code 2026-11-02T09:00:00Z}, with 1 to 9 digits of a second's fraction): a stored deal has dozens of them, and
   * {@code Instant.parse} takes about a microsecond each. Any other text (a year past 9999, an offset, a leap
   * second, an invalid date) goes to {@link Instant#parse}, so it is accepted or refused exactly as there.
   */
  static Instant parseInstant(String text) {
    int n = text.length();
    if (n < 20 || n > 30 || n == 21 || text.charAt(n - 1) != 'Z' || text.charAt(4) != '-' || text.charAt(7) != '-'
        || text.charAt(10) != 'T' || text.charAt(13) != ':' || text.charAt(16) != ':' || (n > 20
        && text.charAt(19) != '.')) {
      return Instant.parse(text);
    }
    int year = digits(text, 0, 4);
    int month = digits(text, 5, 7);
    int day = digits(text, 8, 10);
    int hour = digits(text, 11, 13);
    int minute = digits(text, 14, 16);
    int second = digits(text, 17, 19);
    int nanos = 0;
    if (n > 20) {
      nanos = digits(text, 20, n - 1);
      for (int i = n - 1 - 20; i < 9; i++) {
        nanos *= 10;
      }
    }
    if (year < 0 || month < 1 || month > 12 || day < 1 || day > 28 && day > lengthOfMonth(year, month)
        || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59 || nanos < 0) {
      return Instant.parse(text);
    }
    return Instant.ofEpochSecond(LocalDate.of(year, month, day).toEpochDay() * 86_400L + hour * 3_600L
        + minute * 60L + second, nanos);
  }

  /**
   * The index of the text among {@code texts} that the string value the parser is at equals, compared with the
   * parser's characters without making a string of them; -1 if none.
   */
  static int textIndex(JsonParser p, String[] texts) throws IOException {
    char[] chars = p.getTextCharacters();
    int offset = p.getTextOffset();
    int n = p.getTextLength();
    for (int t = 0; t < texts.length; t++) {
      String text = texts[t];
      if (text.length() != n) {
        continue;
      }
      int i = 0;
      while (i < n && text.charAt(i) == chars[offset + i]) {
        i++;
      }
      if (i == n) {
        return t;
      }
    }
    return -1;
  }

  /**
   * The amount written in the string value the parser is at, as {@code new BigDecimal(text.trim())} reads it, from
   * the parser's characters when there is nothing to trim, without making a string of them.
   */
  static BigDecimal decimalOf(JsonParser p) throws IOException {
    char[] chars = p.getTextCharacters();
    int offset = p.getTextOffset();
    int n = p.getTextLength();
    if (n == 0 || chars[offset] <= ' ' || chars[offset + n - 1] <= ' ') {
      return new BigDecimal(p.getText().trim());
    }
    return new BigDecimal(chars, offset, n);
  }

  /**
   * Parses the string value the parser is at as {@link #parseInstant(String)} does, from the parser's characters
   * when it is in the form {@link Instant#toString} writes, without making a string of it.
   */
  static Instant instantOf(JsonParser p) throws IOException {
    char[] chars = p.getTextCharacters();
    int offset = p.getTextOffset();
    int n = p.getTextLength();
    if (n < 20 || n > 30 || n == 21 || chars[offset + n - 1] != 'Z' || chars[offset + 4] != '-'
        || chars[offset + 7] != '-' || chars[offset + 10] != 'T' || chars[offset + 13] != ':'
        || chars[offset + 16] != ':' || (n > 20 && chars[offset + 19] != '.')) {
      return parseInstant(p.getText());
    }
    int year = digits(chars, offset, offset + 4);
    int month = digits(chars, offset + 5, offset + 7);
    int day = digits(chars, offset + 8, offset + 10);
    int hour = digits(chars, offset + 11, offset + 13);
    int minute = digits(chars, offset + 14, offset + 16);
    int second = digits(chars, offset + 17, offset + 19);
    int nanos = 0;
    if (n > 20) {
      nanos = digits(chars, offset + 20, offset + n - 1);
      for (int i = n - 1 - 20; i < 9; i++) {
        nanos *= 10;
      }
    }
    if (year < 0 || month < 1 || month > 12 || day < 1 || day > 28 && day > lengthOfMonth(year, month)
        || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59 || nanos < 0) {
      return parseInstant(p.getText());
    }
    return Instant.ofEpochSecond(LocalDate.of(year, month, day).toEpochDay() * 86_400L + hour * 3_600L
        + minute * 60L + second, nanos);
  }

  /** The number written by the ASCII digits from {@code from} to {@code to}, or -1 if one is not a digit. */
  private static int digits(char[] text, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      int d = text[i] - '0';
      if (d < 0 || d > 9) {
        return -1;
      }
      value = value * 10 + d;
    }
    return value;
  }

  /** The number written by the ASCII digits from {@code from} to {@code to}, or -1 if one is not a digit. */
  private static int digits(String text, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      int d = text.charAt(i) - '0';
      if (d < 0 || d > 9) {
        return -1;
      }
      value = value * 10 + d;
    }
    return value;
  }

  private static int lengthOfMonth(int year, int month) {
    return YearMonth.of(year, month).lengthOfMonth();
  }

  /** The start of a stored text, for a message: a damaged document can be any length. */
  static String excerpt(String text) {
    return text.length() <= 80 ? text : text.substring(0, 80) + "... (" + text.length() + " characters)";
  }
}
