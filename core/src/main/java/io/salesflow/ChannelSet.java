package io.salesflow;

import io.salesflow.SalesEvent.ContactChannel;
import java.util.AbstractSet;
import java.util.Collection;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * An unmodifiable set of contact channels, one shared instance per combination: the facts of every deal reached by
 * phone hold the same set, where each copy of the facts used to hold an {@code EnumSet} of its own in an unmodifiable
 * view (48 bytes). Iterates in the order {@link ContactChannel} declares its constants, as an {@code EnumSet} does;
 * equal to, and with the hash code of, any set of the same channels. Every mutator throws
 * {@link UnsupportedOperationException}.
 */
final class ChannelSet extends AbstractSet<ContactChannel> {
  private static final ContactChannel[] CHANNELS = ContactChannel.values();

  /** Every combination, indexed by its bits: bit {@code i} is the channel of ordinal {@code i}. */
  private static final ChannelSet[] SHARED = shared();

  private final int bits;

  private ChannelSet(int bits) {
    this.bits = bits;
  }

  private static ChannelSet[] shared() {
    if (CHANNELS.length > 16) { // 2^16 shared sets at most; ContactChannel has a handful of constants
      throw new IllegalStateException("ContactChannel has " + CHANNELS.length + " constants; a shared set per"
          + " combination suits at most 16");
    }
    ChannelSet[] sets = new ChannelSet[1 << CHANNELS.length];
    for (int i = 0; i < sets.length; i++) {
      sets[i] = new ChannelSet(i);
    }
    return sets;
  }

  /** {@return the shared empty set} */
  static ChannelSet none() {
    return SHARED[0];
  }

  /** Returns the shared set of the given channels; none may be null. */
  static ChannelSet of(Iterable<ContactChannel> channels) {
    if (channels instanceof ChannelSet set) {
      return set;
    }
    int bits = 0;
    for (ContactChannel channel : channels) {
      bits |= bit(Objects.requireNonNull(channel, "contactChannels element must not be null"));
    }
    return SHARED[bits];
  }

  /** Returns the shared set of this set's channels and {@code channel}: this set when it holds the channel. */
  ChannelSet with(ContactChannel channel) {
    return SHARED[bits | bit(channel)];
  }

  private static int bit(ContactChannel channel) {
    return 1 << channel.ordinal();
  }

  @Override
  public boolean contains(@Nullable Object o) {
    return o instanceof ContactChannel channel && (bits & bit(channel)) != 0;
  }

  @Override
  public int size() {
    return Integer.bitCount(bits);
  }

  @Override
  public boolean isEmpty() {
    return bits == 0;
  }

  @Override
  public Iterator<ContactChannel> iterator() {
    return new Iterator<>() {
      private int left = bits;

      @Override
      public boolean hasNext() {
        return left != 0;
      }

      @Override
      public ContactChannel next() {
        if (left == 0) {
          throw new NoSuchElementException("no more contact channels");
        }
        int ordinal = Integer.numberOfTrailingZeros(left);
        left &= left - 1;
        return CHANNELS[ordinal];
      }
    };
  }

  // unmodifiable, as Collections.unmodifiableSet is: every mutator throws, even one that would change nothing

  @Override
  public boolean add(ContactChannel channel) {
    throw unmodifiable();
  }

  @Override
  public boolean remove(@Nullable Object o) {
    throw unmodifiable();
  }

  @Override
  public boolean addAll(Collection<? extends ContactChannel> c) {
    throw unmodifiable();
  }

  @Override
  public boolean removeAll(Collection<?> c) {
    throw unmodifiable();
  }

  @Override
  public boolean retainAll(Collection<?> c) {
    throw unmodifiable();
  }

  @Override
  public boolean removeIf(Predicate<? super ContactChannel> filter) {
    throw unmodifiable();
  }

  @Override
  public void clear() {
    throw unmodifiable();
  }

  private static UnsupportedOperationException unmodifiable() {
    return new UnsupportedOperationException("a deal's contact channels cannot be changed; fire a contact or a"
        + " follow-up event, or build new facts with DealFacts.builder()");
  }
}
