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
import java.util.concurrent.atomic.AtomicReference;

/** The store {@link DealStore#inMemory()} returns: each deal's latest snapshot in a concurrent map. */
final class InMemoryDealStore implements DealStore {
  /** Each deal's latest snapshot in its own cell, so that an append is one compare-and-set on the cell. */
  private final ConcurrentMap<String, AtomicReference<Deal>> deals = new ConcurrentHashMap<>();

  InMemoryDealStore() {}

  @Override
  public void insert(Deal deal) {
    Objects.requireNonNull(deal, "deal must not be null");
    if (deal.version() != 0) {
      throw new IllegalArgumentException("a new deal has version 0, but '" + deal.id() + "' has " + deal.version());
    }
    if (deals.putIfAbsent(deal.id(), new AtomicReference<>(deal)) != null) {
      throw new DuplicateDealException(deal.id(), deal.processId());
    }
  }

  @Override
  public Optional<Deal> find(String dealId) {
    AtomicReference<Deal> cell = deals.get(Objects.requireNonNull(dealId, "dealId must not be null"));
    return cell == null ? Optional.empty() : Optional.of(cell.get());
  }

  @Override
  public void append(Deal deal, TransitionRecord record) {
    Objects.requireNonNull(deal, "deal must not be null");
    Objects.requireNonNull(record, "record must not be null");
    if (deal.version() != record.version() || !deal.stage().equals(record.to())) {
      throw notEndingWith(deal);
    }
    long expected = record.version() - 1;
    AtomicReference<Deal> cell = deals.get(deal.id());
    if (cell == null) {
      throw new UnknownDealException(deal.id());
    }
    Deal stored;
    do {
      stored = cell.get();
      if (stored.version() != expected) {
        throw conflict(deal, stored);
      }
    } while (!cell.compareAndSet(stored, deal));
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
    return deals.values().stream().map(AtomicReference::get).filter(d -> d.processId().equals(processId)).toList();
  }


}
