package io.salesflow;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;
import org.jspecify.annotations.Nullable;

/**
 * An immutable, append-only list that shares its past: each node holds one element and points at the list before
 * it, so appending is O(1) and never copies, and snapshots that each add one element (a deal's history, its
 * follow-ups) cost the same however long they are. Reading it as a {@link List} copies once.
 *
 * <p>A subclass decides how a node keeps its element ({@link TransitionHistory} keeps a record's fields unboxed);
 * {@link #of()} and {@link #plus(Object)} give the plain form.
 */
abstract class PersistentList<T> {
  private static final PersistentList<Object> EMPTY = new Node<>(null, 0, null);

  private final @Nullable PersistentList<T> previous;
  private final int size;

  PersistentList(@Nullable PersistentList<T> previous, int size) {
    this.previous = previous;
    this.size = size;
  }

  /** Returns the empty plain list. */
  @SuppressWarnings("unchecked")
  static <T> PersistentList<T> of() {
    return (PersistentList<T>) EMPTY;
  }

  /** Returns a plain list with {@code element} after this list's elements; this list is unchanged. */
  final PersistentList<T> plus(T element) {
    return new Node<>(this, size + 1, Objects.requireNonNull(element, "element must not be null"));
  }

  /** The list without its last element; null for the empty list. */
  final @Nullable PersistentList<T> previousNode() {
    return previous;
  }

  /** The element this node adds; called on non-empty lists only. */
  abstract T element();

  /** {@return the number of elements} */
  public final int size() {
    return size;
  }

  /** {@return whether there are no elements} */
  public final boolean isEmpty() {
    return size == 0;
  }

  /** Returns the last element, or {@code null} when empty. */
  final @Nullable T last() {
    return size == 0 ? null : element();
  }

  /** Returns the elements, oldest first, as an unmodifiable random-access list (one copy). */
  final List<T> toList() {
    Object[] elements = new Object[size];
    PersistentList<T> node = this;
    for (int i = size - 1; i >= 0; i--) {
      elements[i] = node.element();
      node = node.previous;
    }
    return new Snapshot<>(elements);
  }

  /** The plain form: the element itself. */
  private static final class Node<T> extends PersistentList<T> {
    private final @Nullable T element;

    Node(@Nullable PersistentList<T> previous, int size, @Nullable T element) {
      super(previous, size);
      this.element = element;
    }

    @Override
    T element() {
      return Objects.requireNonNull(element, "the empty list has no element");
    }
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
