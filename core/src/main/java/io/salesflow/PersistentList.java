package io.salesflow;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;
import org.jspecify.annotations.Nullable;

/**
 * An immutable, append-only list that shares its past: appending is O(1) and never copies, so snapshots that each
 * add one element (a deal's history) cost the same however long they are. Reading it as a {@link List} copies once.

 */
final class PersistentList<T> {
  private static final PersistentList<Object> EMPTY = new PersistentList<>(null, null, 0);

  private final @Nullable PersistentList<T> previous;
  private final @Nullable T last;
  private final int size;

  private PersistentList(@Nullable PersistentList<T> previous, @Nullable T last, int size) {
    this.previous = previous;
    this.last = last;
    this.size = size;
  }

  /** Returns the empty list. */
  @SuppressWarnings("unchecked")
  public static <T> PersistentList<T> empty() {
    return (PersistentList<T>) EMPTY;
  }


  /** Returns a list with {@code element} after this list's elements; this list is unchanged. */
  public PersistentList<T> append(T element) {
    return new PersistentList<>(this, Objects.requireNonNull(element, "element"), size + 1);
  }

  public int size() {
    return size;
  }

  public boolean isEmpty() {
    return size == 0;
  }

  /** Returns the last element, or {@code null} when empty. */
  public @Nullable T last() {
    return last;
  }

  /** Returns the elements, oldest first, as an unmodifiable random-access list (one copy). */
  public List<T> toList() {
    Object[] elements = new Object[size];
    PersistentList<T> node = this;
    for (int i = size - 1; i >= 0; i--) {
      elements[i] = node.last;
      node = node.previous;
    }
    return new Snapshot<>(elements);
  }

  private static final class Snapshot<T> extends AbstractList<T> implements RandomAccess {
    private final Object[] elements;

    Snapshot(Object[] elements) {
      this.elements = elements;
    }

    @Override
    @SuppressWarnings("unchecked")
    public T get(int index) {
      Objects.checkIndex(index, elements.length);
      return (T) elements[index];
    }

    @Override
    public int size() {
      return elements.length;
    }

    @Override
    public Object[] toArray() {
      return Arrays.copyOf(elements, elements.length);
    }
  }
}
