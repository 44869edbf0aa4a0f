package io.salesflow.store;

import io.salesflow.Deal;
import io.salesflow.DealVersionConflictException;
import io.salesflow.DuplicateDealException;
import io.salesflow.TransitionRecord;
import io.salesflow.UnknownDealException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * The store {@link DealStore#inMemory()} returns: each deal's latest snapshot in one slot of an open-addressing table
 * (linear probing, keyed by the snapshot's own id), about 5 bytes per deal where a concurrent hash map's entry and
 * table share took 40.
 *
 * <p>Why it is thread-safe, in four rules:
 * <ol>
 *   <li>Nothing is ever removed, so in a given table a deal's id stays in the slot it was first put in, and a probe
 *       for an id that meets an empty slot proves the id absent from that table.</li>
 *   <li>Every write to a slot is a compare-and-set: an insert from empty to its snapshot (a racing insert of the same
 *       id then reads that snapshot and is refused), an append from the very snapshot it checked the version of (by
 *       identity) to the next one, which is what makes an append a compare-and-set of the deal.</li>
 *   <li>Growing takes a lock, copies the table slot by slot and publishes the larger table through a volatile field.
 *       It takes each slot with a compare-and-set to {@link #MOVED}, so an append that races it either lands before
 *       (and is copied) or fails its compare-and-set and sees {@code MOVED}.</li>
 *   <li>A reader or writer that meets {@code MOVED} waits on the lock, for the growing to finish, and starts again on
 *       the new table: nothing is read or written in a table that is being copied past the point it was copied.</li>
 * </ol>
 * Readers take no lock unless they meet a table being grown.
 */
final class InMemoryDealStore implements DealStore {
  /** What a slot holds once its snapshot has been copied to the next table. */
  private static final Object MOVED = new Object();

  private static final int INITIAL_CAPACITY = 64;

  /** The current table; replaced only by {@link #grow(Table)}, under {@link #growing}. */
  private volatile Table table = new Table(INITIAL_CAPACITY);

  /** The number of deals inserted. */
  private final AtomicInteger size = new AtomicInteger();

  private final ReentrantLock growing = new ReentrantLock();

  InMemoryDealStore() {}

  /** A table of snapshots: a power of two of slots, each empty, a {@link Deal} or {@link #MOVED}. */
  private static final class Table {
    final AtomicReferenceArray<@Nullable Object> slots;
    final int mask;
    /** The number of deals at which the table grows: three quarters full. */
    final int threshold;

    Table(int capacity) {
      this.slots = new AtomicReferenceArray<>(capacity);
      this.mask = capacity - 1;
      this.threshold = capacity - (capacity >>> 2);
    }

    /** The slot a probe for {@code id} starts at. */
    int start(String id) {
      int h = id.hashCode() * 0x9E3779B9; // the golden ratio's multiplier spreads ids that differ in their last digits
      return (h ^ (h >>> 16)) & mask;
    }
  }

  @Override
  public void insert(Deal deal) {
    Objects.requireNonNull(deal, "deal must not be null");
    if (deal.version() != 0) {
      throw new IllegalArgumentException("a new deal has version 0, but '" + deal.id() + "' has " + deal.version());
    }
    String id = deal.id();
    Table t = table;
    while (true) {
      if (size.get() >= t.threshold) {
        t = grow(t);
        continue;
      }
      int i = t.start(id);
      Object found = null;
      for (int probes = 0; probes <= t.mask; probes++) {
        found = t.slots.get(i);
        if (found == null) {
          if (t.slots.compareAndSet(i, null, deal)) {
            size.incrementAndGet();
            return;
          }
          found = t.slots.get(i); // another insert or a growing took the slot: look at what it holds now
        }
        if (found == MOVED) {
          break;
        }
        if (((Deal) found).id().equals(id)) {
          throw new DuplicateDealException(id, deal.processId());
        }
        i = (i + 1) & t.mask;
      }
      // met a table being grown, or (more inserts racing than a quarter of the table) found it full: grow or wait
      t = found == MOVED ? awaitGrown() : grow(t);
    }
  }

  @Override
  public Optional<Deal> find(String dealId) {
    Objects.requireNonNull(dealId, "dealId must not be null");
    Table t = table;
    while (true) {
      int i = t.start(dealId);
      Object found = null;
      for (int probes = 0; probes <= t.mask; probes++) {
        found = t.slots.get(i);
        if (found == null || found == MOVED) {
          break;
        }
        if (((Deal) found).id().equals(dealId)) {
          return Optional.of((Deal) found);
        }
        i = (i + 1) & t.mask;
      }
      if (found != MOVED) {
        return Optional.empty();
      }
      t = awaitGrown();
    }
  }

  @Override
  public void append(Deal deal, TransitionRecord record) {
    Objects.requireNonNull(deal, "deal must not be null");
    Objects.requireNonNull(record, "record must not be null");
    if (deal.version() != record.version() || !deal.stage().equals(record.to())) {
      throw notEndingWith(deal);
    }
    long expected = record.version() - 1;
    String id = deal.id();
    Table t = table;
    int i = t.start(id);
    int probes = 0;
    while (true) {
      Object found = t.slots.get(i);
      if (found == MOVED) {
        t = awaitGrown();
        i = t.start(id);
        probes = 0;
        continue;
      }
      if (found == null || probes > t.mask) {
        throw new UnknownDealException(id);
      }
      Deal stored = (Deal) found;
      if (!stored.id().equals(id)) {
        i = (i + 1) & t.mask;
        probes++;
        continue;
      }
      if (stored.version() != expected) {
        throw conflict(deal, stored);
      }
      if (t.slots.compareAndSet(i, stored, deal)) {
        return;
      }
      // another append replaced the snapshot, or a growing moved it: read the same slot again
    }
  }

  /**
   * Copies {@code full} into a table twice its size and publishes it, unless another thread already has; returns the
   * current table either way.
   */
  private Table grow(Table full) {
    growing.lock();
    try {
      if (table != full) {
        return table;
      }
      Table next = new Table(full.slots.length() * 2);
      for (int i = 0; i < full.slots.length(); i++) {
        Object moving;
        do {
          moving = full.slots.get(i);
        } while (!full.slots.compareAndSet(i, moving, MOVED));
        if (moving != null) {
          // the next table is seen by no other thread until it is published below
          int j = next.start(((Deal) moving).id());
          while (next.slots.get(j) != null) {
            j = (j + 1) & next.mask;
          }
          next.slots.set(j, moving);
        }
      }
      table = next;
      return next;
    } finally {
      growing.unlock();
    }
  }

  /** Waits for the table being grown (if it still is) and returns the current one. */
  private Table awaitGrown() {
    growing.lock();
    try {
      return table;
    } finally {
      growing.unlock();
    }
  }

  // failures are built out of line, so that append stays small enough for the JIT to inline into an engine

  private static IllegalArgumentException notEndingWith(Deal deal) {
    return new IllegalArgumentException("deal '" + deal.id() + "' must end with the record being appended");
  }

  private static DealVersionConflictException conflict(Deal deal, Deal stored) {
    return new DealVersionConflictException(deal.id(), deal.version() - 1, stored.version());
  }

  @Override
  public List<Deal> findByProcess(String processId) {
    Objects.requireNonNull(processId, "processId must not be null");
    Table t = table;
    while (true) {
      List<Deal> deals = new ArrayList<>();
      boolean moved = false;
      for (int i = 0; i <= t.mask && !moved; i++) {
        Object found = t.slots.get(i);
        if (found == MOVED) {
          moved = true;
        } else if (found != null && ((Deal) found).processId().equals(processId)) {
          deals.add((Deal) found);
        }
      }
      if (!moved) {
        return Collections.unmodifiableList(deals);
      }
      t = awaitGrown();
    }
  }
}
