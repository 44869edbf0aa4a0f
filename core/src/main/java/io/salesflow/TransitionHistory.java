package io.salesflow;

import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The transitions a deal has gone through, oldest first.
 *
 * <p>Immutable. {@link #append(TransitionRecord)} shares the existing records instead of copying them, so recording
 * one more transition costs the same however long the history is; {@link #asList()} copies once. The history keeps
 * each record's fields in one compact node (its version is its position), so a deal with a few transitions takes
 * little memory; the {@link TransitionRecord}s it hands out are equal to the ones appended, not the same objects, and
 * so are their events: a built-in event is kept as its fields, not as the object appended, and built again when its
 * record is read. A custom event is kept as given.
 *
 * @since 0.1
 */
public sealed class TransitionHistory extends PersistentList<TransitionRecord> implements Iterable<TransitionRecord> {
  private static final TransitionHistory EMPTY = new TransitionHistory(null, 0, null, null, 0, 0);

  // the record's fields, unboxed in a 40-byte node: its version is its position (the size), its from stage the
  // previous node's to (the first record's previous node is a root of size 0 holding only that stage, shared by every
  // history starting there, see root), its timestamp two primitives, with the internal flag in the nanoseconds' spare
  // bit, and the event as given in the event slot. A built-in event that HistoryEvents can pack is kept decomposed in
  // a Packed node (48 bytes): its kind, enum components and time packed in one long, its one reference component (if
  // any) in the event slot, so that neither the event object nor its Instant is kept. Any other event (a custom one,
  // one with two reference components, one whose time is far from the record's) is kept as given in a plain node,
  // which has no room for a packed form it would not use. The slot holds an Extras holder instead when the record
  // carries an idempotency key or an actor: records with neither pay nothing for them
  private final @Nullable String to;
  private final @Nullable Object event;
  private final long atSecond;
  private final int atNanoAndInternal;

  /** The bit of {@link #atNanoAndInternal} that says the record is internal; nanoseconds stay below 2^30. */
  private static final int INTERNAL = 1 << 30;

  /** The most roots kept for sharing; histories starting in further stages get a root of their own. */
  private static final int MAX_SHARED_ROOTS = 4_096;

  /** The roots of size 0 that hold the first record's from stage, one per stage id, shared by every history. */
  private static final ConcurrentMap<String, TransitionHistory> ROOTS = new ConcurrentHashMap<>();

  private TransitionHistory(@Nullable TransitionHistory previous, int size, @Nullable String to,
      @Nullable Object event, long atSecond, int atNanoAndInternal) {
    super(previous, size);
    this.to = to;
    this.event = event;
    this.atSecond = atSecond;
    this.atNanoAndInternal = atNanoAndInternal;
  }

  /** A node whose built-in event is kept decomposed: {@link HistoryEvents#pack}'s long beside the plain fields. */
  private static final class Packed extends TransitionHistory {
    private final long packed;

    Packed(TransitionHistory previous, int size, String to, @Nullable Object payload, long atSecond,
        int atNanoAndInternal, long packed) {
      super(previous, size, to, payload, atSecond, atNanoAndInternal);
      this.packed = packed;
    }

    @Override
    long packed() {
      return packed;
    }
  }

  /** The packed event of this node, or {@link HistoryEvents#NOT_PACKED} when the slot holds the event itself. */
  long packed() {
    return HistoryEvents.NOT_PACKED;
  }

  /** The root a history's first record hangs from: a history of size 0 whose {@link #to} is the record's from. */
  private static TransitionHistory root(String from) {
    TransitionHistory root = ROOTS.get(from);
    if (root != null) {
      return root;
    }
    TransitionHistory made = new TransitionHistory(null, 0, from, null, 0, 0);
    if (ROOTS.size() >= MAX_SHARED_ROOTS) {
      return made;
    }
    TransitionHistory raced = ROOTS.putIfAbsent(from, made);
    return raced == null ? made : raced;
  }

  /** Builds the node after {@code previous} (its root when this is the first record) for a checked record. */
  private static TransitionHistory node(TransitionHistory previous, TransitionRecord record) {
    Instant at = record.at();
    long atSecond = at.getEpochSecond();
    int atNano = at.getNano();
    SalesEvent event = record.event();
    long packed = HistoryEvents.pack(event, atSecond, atNano);
    Object eventSlot = packed == HistoryEvents.NOT_PACKED ? event : HistoryEvents.payload(event);
    String key = record.idempotencyKey();
    String actor = record.actor();
    if (key != null || actor != null) {
      eventSlot = new Extras(eventSlot, key, actor);
    }
    // the record's version, checked to be the previous size plus one, says whether this is the first record
    TransitionHistory before = record.version() == 1 ? root(record.from()) : previous;
    int atNanoAndInternal = atNano | (record.internal() ? INTERNAL : 0);
    return packed == HistoryEvents.NOT_PACKED
        ? new TransitionHistory(before, (int) record.version(), record.to(), eventSlot, atSecond, atNanoAndInternal)
        : new Packed(before, (int) record.version(), record.to(), eventSlot, atSecond, atNanoAndInternal, packed);
  }

  /** {@return an empty history, a just-started deal's} */
  public static TransitionHistory empty() {
    return EMPTY;
  }

  /**
   * Returns a history of the given records, as a store reads them back.
   *
   * @param records the records, oldest first
   * @return the history of those records
   * @throws IllegalArgumentException if the records are not continuous: versions 1, 2, 3… with each record starting
   *     where the previous one ended
   */
  public static TransitionHistory of(Iterable<TransitionRecord> records) {
    TransitionHistory history = EMPTY;
    for (TransitionRecord record : records) {
      history = history.append(record);
    }
    return history;
  }

  /**
   * Returns this history with {@code record} appended; this history is unchanged.
   *
   * @param record the next transition
   * @return the longer history, sharing this history's records
   * @throws IllegalArgumentException if {@code record} does not continue this history: its version must be
   *     {@code size() + 1} and its {@code from} the last record's {@code to}
   */
  public TransitionHistory append(TransitionRecord record) {
    Objects.requireNonNull(record, "record must not be null");
    String last = lastStage();
    if (record.version() != size() + 1L || last != null && !last.equals(record.from())) {
      throw notContinued(record);
    }
    return node(this, record);
  }

  /**
   * Appends a record its caller has already checked to continue this history (a deal checks that the record starts
   * in its stage and has the next version, which equal this history's last stage and size): the new node is built
   * without reading this one, which in a large pipeline is usually out of the CPU's caches.
   */
  TransitionHistory appendChecked(TransitionRecord record) {
    return node(this, record);
  }

  /**
   * The event slot of a record with the optional fields it carries: the event, or a packed event's reference
   * component (possibly null); a record with neither field keeps that bare.
   */
  private record Extras(@Nullable Object event, @Nullable String key, @Nullable String actor) {}

  // the failure of append, built out of line so that the append itself inlines
  private IllegalArgumentException notContinued(TransitionRecord record) {
    if (record.version() != size() + 1L) {
      return new IllegalArgumentException("transition record " + record + " does not continue a history of " + size()
          + " records: its version must be " + (size() + 1));
    }
    return new IllegalArgumentException("transition record " + record + " starts in '" + record.from()
        + "' but the previous record ended in '" + lastStage() + "'");
  }

  /** {@return the most recent record, or empty if the history is empty} */
  public Optional<TransitionRecord> latest() {
    return Optional.ofNullable(last());
  }

  /** The stage the last record ended in, or null when empty; no record is built. */
  @Nullable String lastStage() {
    return size() == 0 ? null : to;
  }

  @Override
  TransitionRecord element() {
    Extras extras = event instanceof Extras e ? e : null;
    Object slot = extras == null ? event : extras.event();
    int atNano = atNanoAndInternal & ~INTERNAL;
    long packed = packed();
    SalesEvent recorded = packed == HistoryEvents.NOT_PACKED ? (SalesEvent) Objects.requireNonNull(slot)
        : HistoryEvents.unpack(packed, slot, atSecond, atNano);
    String from = ((TransitionHistory) Objects.requireNonNull(previousNode())).to;
    return new TransitionRecord(size(), Objects.requireNonNull(from), Objects.requireNonNull(to), recorded,
        Instant.ofEpochSecond(atSecond, atNano), (atNanoAndInternal & INTERNAL) != 0,
        extras == null ? null : extras.key(), extras == null ? null : extras.actor());
  }

  /** The time of the last record, as {@link Instant#ofEpochSecond(long, long)} takes it; called on non-empty ones. */
  long lastAtSecond() {
    return atSecond;
  }

  /** The nanoseconds of the last record's time; called on non-empty histories. */
  int lastAtNano() {
    return atNanoAndInternal & ~INTERNAL;
  }

  /** This history without its last {@code records} records; {@code records} is at most the size. */
  TransitionHistory back(int records) {
    TransitionHistory node = this;
    for (int i = 0; i < records; i++) {
      node = (TransitionHistory) Objects.requireNonNull(node.previousNode());
    }
    return node;
  }

  /** Whether the last record is internal; false for the empty history. */
  boolean lastInternal() {
    return (atNanoAndInternal & INTERNAL) != 0;
  }

  /**
   * Returns the record that was appended with the given idempotency key, searching from the newest: a retried event
   * is almost always the latest.
   *
   * @param idempotencyKey the key to look for
   * @return the record carrying that key, or empty if none does
   */
  public Optional<TransitionRecord> withIdempotencyKey(String idempotencyKey) {
    Objects.requireNonNull(idempotencyKey, "idempotencyKey must not be null");
    for (TransitionHistory node = this; node.size() > 0; node = (TransitionHistory) node.previousNode()) {
      if (node.event instanceof Extras extras && idempotencyKey.equals(extras.key())) {
        return Optional.of(node.element());
      }
    }
    return Optional.empty();
  }

  /** {@return the records, oldest first, as an unmodifiable list copied on each call} */
  public List<TransitionRecord> asList() {
    return toList();
  }

  /** {@return the records, oldest first, as a sequential stream} */
  public Stream<TransitionRecord> stream() {
    return asList().stream();
  }

  @Override
  public Iterator<TransitionRecord> iterator() {
    return asList().iterator();
  }

  @Override
  public boolean equals(Object other) {
    return other == this
        || (other instanceof TransitionHistory that && size() == that.size() && asList().equals(that.asList()));
  }

  @Override
  public int hashCode() {
    return asList().hashCode();
  }

  @Override
  public String toString() {
    return asList().toString();
  }
}
