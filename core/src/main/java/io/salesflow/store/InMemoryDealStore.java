package io.salesflow.store;

import io.salesflow.Deal;
import io.salesflow.DealVersionConflictException;
import io.salesflow.DuplicateDealException;
import io.salesflow.TransitionRecord;
import io.salesflow.UnknownDealException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** The store {@link DealStore#inMemory()} returns: each deal's latest snapshot in a concurrent map. */
final class InMemoryDealStore implements DealStore {
  /**
   * Each deal's latest snapshot, straight in the map: an append replaces the snapshot it read, which the map compares
   * by identity first (a deal's equals starts with {@code ==}), so it is a compare-and-set without a cell per deal.
   */
  private final ConcurrentMap<String, Deal> deals = new ConcurrentHashMap<>();

  InMemoryDealStore() {}

  @Override
  public void insert(Deal deal) {
    Objects.requireNonNull(deal, "deal must not be null");
    if (deal.version() != 0) {
      throw new IllegalArgumentException("a new deal has version 0, but '" + deal.id() + "' has " + deal.version());
    }
    if (deals.putIfAbsent(deal.id(), deal) != null) {
      throw new DuplicateDealException(deal.id(), deal.processId());
    }
  }

  @Override
  public Optional<Deal> find(String dealId) {
    return Optional.ofNullable(deals.get(Objects.requireNonNull(dealId, "dealId must not be null")));
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
    Deal stored;
    do {
      stored = deals.get(id);
      if (stored == null) {
        throw new UnknownDealException(id);
      }
      if (stored.version() != expected) {
        throw conflict(deal, stored);
      }
      // replaces only the snapshot read above: the map tests it with == before equals, and a snapshot equal to it
      // but not the same has its version, so the check above holds for it too
    } while (!deals.replace(id, stored, deal));
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
    return deals.values().stream().filter(d -> d.processId().equals(processId)).toList();
  }


}
