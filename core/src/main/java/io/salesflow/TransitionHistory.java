package io.salesflow;

import io.salesflow.internal.PersistentList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The transitions a deal has gone through, oldest first.
 *
 * <p>Immutable. {@link #append(TransitionRecord)} shares the existing records instead of copying them, so recording
 * one more transition costs the same however long the history is; {@link #asList()} copies once.
 *
 * @since 0.1
 */
public final class TransitionHistory implements Iterable<TransitionRecord> {
  private static final TransitionHistory EMPTY = new TransitionHistory(PersistentList.empty());

  private final PersistentList<TransitionRecord> records;

  private TransitionHistory(PersistentList<TransitionRecord> records) {
    this.records = records;
  }

  /** Returns an empty history. */
  public static TransitionHistory empty() {
    return EMPTY;
  }

  /**
   * Returns a history of the given records, as a store reads them back.
   *
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
   * @throws IllegalArgumentException if {@code record} does not continue this history: its version must be
   *     {@code size() + 1} and its {@code from} the last record's {@code to}
   */
  public TransitionHistory append(TransitionRecord record) {
    Checks.notNull(record, "record");
    if (record.version() != records.size() + 1L) {
      throw new IllegalArgumentException("transition record " + record + " does not continue a history of "
          + records.size() + " records: its version must be " + (records.size() + 1));
    }
    TransitionRecord last = records.last();
    if (last != null && !last.to().equals(record.from())) {
      throw new IllegalArgumentException("transition record " + record + " starts in '" + record.from()
          + "' but the previous record ended in '" + last.to() + "'");
    }
    return new TransitionHistory(records.append(record));
  }

  /** Returns the number of records. */
  public int size() {
    return records.size();
  }

  /** Returns whether there are no records. */
  public boolean isEmpty() {
    return records.isEmpty();
  }

  /** Returns the most recent record, if any. */
  public Optional<TransitionRecord> latest() {
    return Optional.ofNullable(records.last());
  }

  /** Returns the records, oldest first, as an unmodifiable list (one copy). */
  public List<TransitionRecord> asList() {
    return records.toList();
  }

  /** Returns the records, oldest first. */
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
