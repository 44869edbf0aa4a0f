package io.salesflow;

import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The transitions a deal has gone through, oldest first.
 *
 * <p>Immutable. {@link #append(TransitionRecord)} shares the existing records instead of copying them, so recording
 * one more transition costs the same however long the history is; {@link #asList()} copies once. The history keeps
 * each record's fields in one compact node (its version is its position), so a deal with a few transitions takes
 * little memory; the {@link TransitionRecord}s it hands out are equal to the ones appended, not the same objects.
 *
 * @since 0.1
 */
public final class TransitionHistory extends PersistentList<TransitionRecord> implements Iterable<TransitionRecord> {
  private static final TransitionHistory EMPTY = new TransitionHistory(null, 0, null, null, null, 0, 0, false);

  // the record's fields, unboxed in the node (its version is its position, the size). The event slot holds the
  // SalesEvent itself, or a Keyed pair when the record carries an idempotency key: keyless records, by far the most
  // common, pay nothing for keys
  private final @Nullable String from;
  private final @Nullable String to;
  private final @Nullable Object event;
  private final long atSecond;
  private final int atNano;
  private final boolean internal;

  private TransitionHistory(@Nullable TransitionHistory previous, int size, @Nullable String from,
      @Nullable String to, @Nullable Object event, long atSecond, int atNano, boolean internal) {
    super(previous, size);
    this.from = from;
    this.to = to;
    this.event = event;
    this.atSecond = atSecond;
    this.atNano = atNano;
    this.internal = internal;
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
    if (record.version() != size() + 1L || to != null && !to.equals(record.from())) {
      throw notContinued(record);
    }
    Instant at = record.at();
    return new TransitionHistory(this, size() + 1, record.from(), record.to(), eventSlot(record), at.getEpochSecond(),
        at.getNano(), record.internal());
  }

  /**
   * Appends a record its caller has already checked to continue this history (a deal checks that the record starts
   * in its stage and has the next version, which equal this history's last stage and size): the new node is built
   * without reading this one, which in a large pipeline is usually out of the CPU's caches.
   */
  TransitionHistory appendChecked(TransitionRecord record) {
    Instant at = record.at();
    return new TransitionHistory(this, (int) record.version(), record.from(), record.to(), eventSlot(record),
        at.getEpochSecond(), at.getNano(), record.internal());
  }

  private static Object eventSlot(TransitionRecord record) {
    String key = record.idempotencyKey();
    return key == null ? record.event() : new Keyed(record.event(), key);
  }

  private record Keyed(SalesEvent event, String key) {}

  // the failure of append, built out of line so that the append itself inlines
  private IllegalArgumentException notContinued(TransitionRecord record) {
    if (record.version() != size() + 1L) {
      return new IllegalArgumentException("transition record " + record + " does not continue a history of " + size()
          + " records: its version must be " + (size() + 1));
    }
    return new IllegalArgumentException("transition record " + record + " starts in '" + record.from()
        + "' but the previous record ended in '" + to + "'");
  }

  /** {@return the most recent record, or empty if the history is empty} */
  public Optional<TransitionRecord> latest() {
    return Optional.ofNullable(last());
  }

  /** The stage the last record ended in, or null when empty; no record is built. */
  @Nullable String lastStage() {
    return to;
  }

  @Override
  TransitionRecord element() {
    Object slot = Objects.requireNonNull(event);
    SalesEvent recorded = slot instanceof Keyed keyed ? keyed.event() : (SalesEvent) slot;
    String key = slot instanceof Keyed keyed ? keyed.key() : null;
    return new TransitionRecord(size(), Objects.requireNonNull(from), Objects.requireNonNull(to), recorded,
        Instant.ofEpochSecond(atSecond, atNano), internal, key);
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
      if (node.event instanceof Keyed keyed && keyed.key().equals(idempotencyKey)) {
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
