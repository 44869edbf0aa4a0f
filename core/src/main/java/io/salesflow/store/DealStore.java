package io.salesflow.store;

import io.salesflow.Deal;
import io.salesflow.DealVersionConflictException;
import io.salesflow.DuplicateDealException;
import io.salesflow.SalesProcess;
import io.salesflow.Stage;
import io.salesflow.TransitionRecord;
import io.salesflow.UnknownDealException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Where deals live between events: the store SPI, with optimistic concurrency on the deal's version.
 *
 * <p>Implementations must be thread-safe. {@link #inMemory()} is the default; the {@code salesflow-store-jdbc}
 * module stores deals in H2 or PostgreSQL. {@code DealStoreContract} in {@code salesflow-testkit} checks an
 * implementation against this contract.
 *
 * <p><b>Unreadable deals.</b> A store that reads deals from outside the JVM can meet a deal it cannot read (a row
 * changed by hand, a history row deleted). {@link #find(String)} then throws an exception that names the deal and
 * what is wrong with it; the bulk queries leave such a deal out, so that one damaged deal does not hide the others,
 * and report it: to the {@link Unreadable} callback of their overloads that take one, and otherwise as the store
 * documents (the JDBC store logs a warning). The in-memory store never has unreadable deals.
 *
 * @since 0.1
 */
public interface DealStore {

  /**
   * Returns a new, empty store that keeps deals in memory, lost when the JVM exits: the default of every engine.
   * Thread-safe; each deal is replaced atomically with a version check, and its history is shared with the previous
   * snapshot rather than copied.
   *
   * @return the store
   */
  static DealStore inMemory() {
    return new InMemoryDealStore();
  }

  /**
   * Stores a new deal (version 0, no history).
   *
   * @param deal the deal as an engine starts it
   * @throws DuplicateDealException if a deal with the same id exists; nothing is written
   */
  void insert(Deal deal);

  /**
   * Returns the deal with the given id, with its full history, if stored.
   *
   * @param dealId the id to look up
   * @return the stored deal, or empty if none has this id
   */
  Optional<Deal> find(String dealId);

  /**
   * Returns the copy of a deal that the store keeps in memory, without checking it against the stored deal, for a
   * caller about to append a transition made from it: the check then happens as the transition is written. The
   * next {@link #append} on the same thread of that deal's next version writes only if the stored deal is still
   * exactly the one the copy was made from, and otherwise throws {@link DealVersionConflictException} and writes
   * nothing, even when another writer or a change by hand left the version as it was. Nothing else is checked:
   * a caller that writes nothing (it rejects an event, say) reads with {@link #find(String)} before it trusts
   * what it decided on the copy.
   *
   * <p>The engines call it before each event they fire, and fall back to {@link #find(String)} on any outcome other
   * than an accepted transition. The default returns empty: the store keeps no copy it can check this way.
   *
   * @param dealId the id to look up
   * @return the copy; empty when the store holds none that it can check on append (read with {@link #find(String)})
   * @since 0.1
   */
  default Optional<Deal> findUnchecked(String dealId) {
    Objects.requireNonNull(dealId, "dealId must not be null");
    return Optional.empty();
  }

  /**
   * Records an accepted transition in one atomic step: replaces the stored deal, whose version must be
   * {@code record.version() - 1}, with {@code deal}, and appends {@code record} to its history.
   *
   * @param deal the new snapshot; its version is {@code record.version()} and its history ends with {@code record}
   * @param record the transition to append
   * @throws DealVersionConflictException if the stored version is not {@code record.version() - 1}; nothing is
   *     written
   * @throws UnknownDealException if no such deal is stored
   */
  void append(Deal deal, TransitionRecord record);

  /**
   * Returns the deals of a process, in no particular order.
   *
   * @param processId the process whose deals to return
   * @return the stored deals of that process; empty if there are none
   */
  List<Deal> findByProcess(String processId);

  /**
   * Returns the readable deals of a process, in no particular order, and reports each deal of the process that could
   * not be read to {@code onUnreadable} instead of failing the whole query.
   *
   * <p>The default calls {@link #findByProcess(String)}, for stores whose deals are always readable.
   *
   * @param processId the process whose deals to return
   * @param onUnreadable told of each deal left out because it could not be read, before this method returns
   * @return the readable deals of that process; empty if there are none
   * @since 0.1
   */
  default List<Deal> findByProcess(String processId, Consumer<? super Unreadable> onUnreadable) {
    Objects.requireNonNull(onUnreadable, "onUnreadable must not be null");
    return findByProcess(processId);
  }

  /**
   * Returns one page of the deals that run on a given version of a process, in the store's order of ids: at most
   * {@code limit} deals whose ids come after {@code after}. Bulk work pages through a large store with it (a
   * migration, say), each page starting where {@link Page#next()} of the one before says, until it is null.
   *
   * <p>A deal of the page that cannot be read is reported to {@code onUnreadable} instead of returned, so a page may
   * hold fewer deals than {@code limit} and still not be the last. The default filters
   * {@link #findByProcess(String, Consumer)} in one pass, keeping the page's smallest ids, ordered as
   * {@link String#compareTo} orders them; a database store answers from an index, in its own order of ids.
   *
   * @param processId the process whose deals to return
   * @param processVersion the version the deals must run on
   * @param after where the page starts, from the previous page's {@link Page#next()}; {@code null} for the first
   * @param limit the most deals a page covers, readable or not; at least 1
   * @param onUnreadable told of each deal of the page left out because it could not be read
   * @return the page, with where the next one starts
   * @throws IllegalArgumentException if {@code limit} is less than 1
   * @since 0.1
   */
  default Page findByProcessVersion(String processId, int processVersion, @Nullable String after, int limit,
      Consumer<? super Unreadable> onUnreadable) {
    Objects.requireNonNull(processId, "processId must not be null");
    Objects.requireNonNull(onUnreadable, "onUnreadable must not be null");
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1, but was " + limit);
    }
    // The page's deals are the `limit` smallest ids after `after`: keep them in a heap whose head is the largest, so
    // that a page costs one pass over the process's deals and not a sort of all of them (migrateAll reads every page).
    Comparator<Deal> byId = Comparator.comparing(Deal::id);
    PriorityQueue<Deal> smallest = new PriorityQueue<>(Math.min(limit, 1024), byId.reversed());
    for (Deal deal : findByProcess(processId, onUnreadable)) {
      if (deal.processVersion() != processVersion || after != null && deal.id().compareTo(after) <= 0) {
        continue;
      }
      if (smallest.size() < limit) {
        smallest.add(deal);
      } else if (deal.id().compareTo(smallest.element().id()) < 0) {
        smallest.poll();
        smallest.add(deal);
      }
    }
    List<Deal> deals = new ArrayList<>(smallest);
    deals.sort(byId);
    return new Page(deals, deals.size() < limit ? null : deals.get(deals.size() - 1).id());
  }

  /**
   * One page of a paged query: the deals read, and where the next page starts.
   *
   * @param deals the readable deals of the page, in the store's order of ids
   * @param next the id the next page starts after, or {@code null} when this is the last page
   * @since 0.1
   */
  record Page(List<Deal> deals, @Nullable String next) {
    /**
     * Copies the deals.
     *
     * @param deals the readable deals of the page
     * @param next where the next page starts, or {@code null} after the last page
     */
    public Page {
      deals = List.copyOf(deals);
    }
  }

  /**
   * Returns the deals of a process that are in the given stage, in no particular order.
   *
   * @param processId the process whose deals to return
   * @param stageId the stage the deals must be in
   * @return the stored deals in that stage; empty if there are none
   */
  default List<Deal> findByStage(String processId, String stageId) {
    return findByProcess(processId).stream().filter(d -> d.stage().equals(stageId)).toList();
  }

  /**
   * Returns the readable deals of a process in the given stage, and reports each unreadable deal the query met to
   * {@code onUnreadable}; see {@link #findByProcess(String, Consumer)}.
   *
   * <p>The default filters {@link #findByProcess(String, Consumer)}.
   *
   * @param processId the process whose deals to return
   * @param stageId the stage the deals must be in
   * @param onUnreadable told of each deal left out because it could not be read
   * @return the readable deals in that stage; empty if there are none
   * @since 0.1
   */
  default List<Deal> findByStage(String processId, String stageId, Consumer<? super Unreadable> onUnreadable) {
    Objects.requireNonNull(stageId, "stageId must not be null");
    return findByProcess(processId, onUnreadable).stream().filter(d -> d.stage().equals(stageId)).toList();
  }

  /**
   * Returns the deals of a process that, at {@code now}, have been in the given stage for longer than
   * {@code threshold}: those that entered it before {@code now - threshold}. Oldest stage entry first.
   *
   * <p>The default filters {@link #findByStage(String, String)}; a database store answers from an index.
   *
   * @param processId the process whose deals to return
   * @param stageId the stage the deals must be in
   * @param threshold how long a deal may stay in the stage, usually its {@link Stage#stallAfter()}
   * @param now the instant to judge at, usually the engine clock's
   * @return the stalled deals, by stage entry, then by id
   * @throws IllegalArgumentException if {@code threshold} is negative
   * @since 0.1
   */
  default List<Deal> findStalled(String processId, String stageId, Duration threshold, Instant now) {
    Instant cutoff = cutoff(threshold, now, "threshold");
    return findByStage(processId, stageId).stream()
        .filter(d -> d.enteredStageAt().isBefore(cutoff))
        .sorted(Comparator.comparing(Deal::enteredStageAt).thenComparing(Deal::id))
        .toList();
  }

  /**
   * Returns the deals of a process that are stalled at {@code now}: in any stage with a
   * {@link Stage#stallAfter() stall threshold} for longer than that threshold.
   *
   * @param process the process, whose stages give the thresholds
   * @param now the instant to judge at, usually the engine clock's
   * @return the stalled deals, grouped by stage in the process's order, oldest stage entry first within a stage
   * @since 0.1
   */
  default List<Deal> findStalled(SalesProcess process, Instant now) {
    Objects.requireNonNull(process, "process must not be null");
    Objects.requireNonNull(now, "now must not be null");
    List<Deal> stalled = new ArrayList<>();
    for (Stage stage : process.stages()) {
      if (stage.stallCutoff(now).isPresent()) {
        stalled.addAll(findStalled(process.id(), stage.id(), stage.stallAfter().orElseThrow(), now));
      }
    }
    return stalled;
  }

  /**
   * Returns the deals of a process in the given stage whose follow-up is overdue at {@code now}: neither a follow-up
   * was logged nor the stage entered within {@code interval} before {@code now} (see {@link Deal#followUpDueFrom()}).
   * Longest overdue first.
   *
   * <p>The default filters {@link #findByStage(String, String)}; a database store answers from an index.
   *
   * @param processId the process whose deals to return
   * @param stageId the stage the deals must be in
   * @param interval how often the deals of this stage should be followed up
   * @param now the instant to judge at, usually the engine clock's
   * @return the overdue deals, by {@link Deal#followUpDueFrom()}, then by id
   * @throws IllegalArgumentException if {@code interval} is negative
   * @since 0.1
   */
  default List<Deal> findFollowUpsOverdue(String processId, String stageId, Duration interval, Instant now) {
    Instant cutoff = cutoff(interval, now, "interval");
    return findByStage(processId, stageId).stream()
        .filter(d -> d.followUpDueFrom().isBefore(cutoff))
        .sorted(Comparator.comparing(Deal::followUpDueFrom).thenComparing(Deal::id))
        .toList();
  }

  private static Instant cutoff(Duration duration, Instant now, String what) {
    Objects.requireNonNull(duration, what + " must not be null");
    Objects.requireNonNull(now, "now must not be null");
    if (duration.isNegative()) {
      throw new IllegalArgumentException(what + " must not be negative, but was " + duration);
    }
    return now.minus(duration);
  }

  /**
   * A stored deal that a store could not read, left out of a bulk query and reported to its callback.
   *
   * @param dealId the id of the deal that could not be read
   * @param problem what is wrong with it, as a sentence: which row or member, and what was found there
   * @since 0.1
   */
  record Unreadable(String dealId, String problem) {
    /**
     * Checks the values.
     *
     * @param dealId the id of the deal that could not be read
     * @param problem what is wrong with it
     */
    public Unreadable {
      Objects.requireNonNull(dealId, "dealId must not be null");
      Objects.requireNonNull(problem, "problem must not be null");
    }

    @Override
    public String toString() {
      return "deal '" + dealId + "' cannot be read: " + problem;
    }
  }
}
