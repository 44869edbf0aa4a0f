package io.salesflow.testkit;

import io.salesflow.Deal;
import io.salesflow.DealFacts;
import io.salesflow.EventType;
import io.salesflow.SalesEvent;
import io.salesflow.SalesProcess;
import io.salesflow.Stage;
import io.salesflow.StageKind;
import io.salesflow.Transition;
import io.salesflow.engine.DealEngine;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.random.RandomGenerator;

/**
 * Generates events, event walks and deals for one process, from any {@link RandomGenerator}.
 *
 * <p>Everything is derived from the process definition: which event types a stage accepts, which transitions bring a
 * deal closer to a won stage, which have guards to exercise, which event types the process does not know at all.
 * Payloads are realistic: BANT assessments mixing confirmed, unconfirmed and unknown dimensions, follow-ups of which
 * half go unanswered (and a prospect who did not answer the last one usually stays silent), objections of every
 * category, amounts, loss reasons (no response among the most common), and attributes on custom events. When the
 * stages catalog ({@code salesflow-stages-catalog}) is on the class path, its custom events get the payloads its
 * guards read: buy-in from the side that has not agreed yet, and every buyer segment.
 *
 * <p>The same generator state gives the same events, so a seed reproduces a walk. Because it only needs a
 * {@code RandomGenerator}, any property-testing library can drive it: wrap its source of randomness, or seed a
 * {@link java.util.SplittableRandom} from the library's seed.
 *
 * <pre>{@code
 * EventGenerator events = EventGenerator.forProcess(process);
 * List<SalesEvent> walk = events.walk(new SplittableRandom(42), 30);
 * }</pre>
 *
 * <p>Immutable and thread-safe; the random generators passed in are not shared by it.
 *
 * @since 0.1
 */
public final class EventGenerator {
  private static final int LENGTH_OF_DEAL_WALKS = 15;
  /** The longest walk: events are hours apart, so this many stay well inside the years every store keeps. */
  static final int MAX_WALK_LENGTH = 10_000;

  private final SalesProcess process;
  private final Map<String, Integer> distanceToWon;
  private final List<EventType> processTypes;
  private final List<EventType> foreignTypes;
  private final List<String> otherStartStages;
  private final Map<EventType, BiFunction<Instant, RandomGenerator, ? extends SalesEvent>> payloads;

  private EventGenerator(SalesProcess process,
      Map<EventType, BiFunction<Instant, RandomGenerator, ? extends SalesEvent>> payloads) {
    this.process = process;
    this.payloads = Map.copyOf(payloads);
    this.distanceToWon = process.graph().distancesTo(EnumSet.of(StageKind.WON));
    this.processTypes = List.copyOf(process.eventTypes());
    this.foreignTypes = ReferenceModel.foreignEventTypes(process);
    this.otherStartStages = process.stages().stream().filter(s -> !s.isTerminal())
        .map(Stage::id).filter(id -> !id.equals(process.initialStage().id())).toList();
  }

  /**
   * Returns a generator for {@code process}.
   *
   * @param process the process whose stages, transitions and event types the events are drawn from
   * @return the generator, with built-in payloads for every event type
   */
  public static EventGenerator forProcess(SalesProcess process) {
    return new EventGenerator(Objects.requireNonNull(process, "process must not be null"), Map.of());
  }

  /**
   * Returns a generator that makes events of {@code type} with {@code payload}, for custom events whose attributes
   * your guards read (the built-in generator gives custom events random attributes it cannot know you need). This
   * generator is unchanged.
   *
   * <pre>{@code
   * EventGenerator.forProcess(process).withPayload(BUY_IN, (at, random) ->
   *     new SalesEvent.Custom(BUY_IN, at, Map.of(random.nextBoolean() ? "buyer" : "seller", "agreed")));
   * }</pre>
   *
   * @param type the event type the payload is for; it replaces an earlier payload for the same type
   * @param payload makes an event of {@code type} from the event's time and the walk's {@link RandomGenerator}
   * @return a generator like this one that uses {@code payload} for {@code type}
   */
  public EventGenerator withPayload(EventType type, BiFunction<Instant, RandomGenerator, ? extends SalesEvent> payload) {
    Objects.requireNonNull(type, "type must not be null");
    Objects.requireNonNull(payload, "payload must not be null");
    Map<EventType, BiFunction<Instant, RandomGenerator, ? extends SalesEvent>> more = new HashMap<>(payloads);
    more.put(type, payload);
    return new EventGenerator(process, more);
  }

  /** The payload generators added with {@link #withPayload}. */
  Map<EventType, BiFunction<Instant, RandomGenerator, ? extends SalesEvent>> payloads() {
    return payloads;
  }

  /** {@return the process events are generated for} */
  public SalesProcess process() {
    return process;
  }

  /**
   * Returns an event of the given type with a realistic payload for a deal about which nothing is known.
   *
   * @param type any event type, of this process or not
   * @param at when the event happens
   * @param random the source of randomness; the same state gives the same event
   * @return the event
   */
  public SalesEvent event(EventType type, Instant at, RandomGenerator random) {
    return Payloads.event(Objects.requireNonNull(type, "type must not be null"), DealFacts.none(),
        Objects.requireNonNull(at, "at must not be null"), Objects.requireNonNull(random, "random must not be null"),
        payloads);
  }

  /**
   * Returns an event the deal's stage accepts, weighted towards progress: types whose transition brings the deal
   * closer to a won stage are likelier than internal ones, which are likelier than losing it. Its payload fits the
   * deal (an objection resolved is usually one the deal has open). For a deal in a won or lost stage, it is any event
   * type of the process.
   *
   * <p>Guards may still deny the event: a generated BANT assessment is fully confirmed only about two times in five.
   *
   * @param deal a deal of this generator's process
   * @param at when the event happens
   * @param random the source of randomness; the same state gives the same event
   * @return the event
   */
  public SalesEvent eventFor(Deal deal, Instant at, RandomGenerator random) {
    Objects.requireNonNull(deal, "deal must not be null");
    Objects.requireNonNull(at, "at must not be null");
    Objects.requireNonNull(random, "random must not be null");
    return Payloads.event(progressType(deal.stage(), random), deal.facts(), at, random, payloads);
  }

  /**
   * Returns a walk of at most {@code maxLength} events from the initial stage, a mix of accepted and rejected ones:
   * about 85% are event types the deal's stage accepts (weighted towards progress), 10% types from elsewhere in the
   * process and 5% types the process does not know. The walk follows the definition's own semantics to know the
   * stage, and ends a few events after the deal reaches a won or lost stage, or with the event on which one of the
   * process's guards throws instead of answering. Events are hours apart, after 2026-01-05T09:00Z.
   *
   * @param random the source of randomness; the same state gives the same walk
   * @param maxLength the most events the walk may have, from 0 (an empty walk) to 10,000
   * @return the events, in the order to fire them, unmodifiable
   * @throws IllegalArgumentException if {@code maxLength} is negative or above 10,000
   */
  public List<SalesEvent> walk(RandomGenerator random, int maxLength) {
    Objects.requireNonNull(random, "random must not be null");
    if (maxLength < 0 || maxLength > MAX_WALK_LENGTH) {
      throw new IllegalArgumentException("maxLength must be between 0 and " + MAX_WALK_LENGTH + ", but was "
          + maxLength);
    }
    return walkFrom(ReferenceModel.startedDeal(process, WalkRunner.DEAL_ID, WalkRunner.EPOCH), random, maxLength);
  }

  /**
   * Returns a walk as {@link #walk} does, whose deal starts in the initial stage two times in three; otherwise it
   * starts in another open or post-sale stage with the facts of up to eight earlier events, as a deal imported from a
   * CRM or referred in starts, so that the walks also reach states no path from the initial stage leads to.
   */
  Walk randomWalk(RandomGenerator random, int maxLength) {
    if (otherStartStages.isEmpty() || random.nextInt(3) > 0) {
      return Walk.fromInitialStage(process, walk(random, maxLength));
    }
    String stage = Payloads.pick(otherStartStages, random);
    int count = random.nextInt(9);
    List<SalesEvent> earlier = new ArrayList<>(count);
    DealFacts facts = DealFacts.none();
    for (int i = 0; i < count; i++) {
      Instant at = WalkRunner.EPOCH.minus(Duration.ofHours(6L * (count - i)));
      int roll = random.nextInt(5);
      EventType type = roll < 2 ? EventType.FOLLOW_UP_LOGGED : roll == 2 ? EventType.OBJECTION_RAISED
          : Payloads.pick(processTypes, random);
      SalesEvent event = Payloads.event(type, facts, at, random, payloads);
      earlier.add(event);
      facts = facts.apply(event);
    }
    Walk start = Walk.startingIn(stage, earlier, List.of());
    Deal deal = Deal.builder().id(WalkRunner.DEAL_ID).processId(process.id()).stage(stage).version(0)
        .createdAt(WalkRunner.EPOCH).enteredStageAt(WalkRunner.EPOCH).facts(start.startFacts()).build();
    return start.withEvents(walkFrom(deal, random, maxLength));
  }

  private List<SalesEvent> walkFrom(Deal started, RandomGenerator random, int maxLength) {
    List<SalesEvent> events = new ArrayList<>(Math.min(maxLength, 64));
    Deal model = started;
    Instant at = WalkRunner.EPOCH;
    int afterOutcome = random.nextInt(3);
    while (events.size() < maxLength) {
      at = at.plus(Duration.ofMinutes(30 + random.nextInt(24 * 60)));
      int roll = random.nextInt(20);
      EventType type;
      if (roll < 17 && !process.eventTypesFrom(model.stage()).isEmpty()) {
        type = progressType(model.stage(), random);
      } else if (roll < 19 || foreignTypes.isEmpty()) {
        type = Payloads.pick(processTypes, random);
      } else {
        type = Payloads.pick(foreignTypes, random);
      }
      SalesEvent event = Payloads.event(type, model.facts(), at, random, payloads);
      events.add(event);
      try {
        model = ReferenceModel.step(process, model, event, at);
      } catch (Oracle.GuardThrew threw) {
        break; // the walk ends with the event a guard threw on, so that firing it shows the failure
      }
      if (process.stage(model.stage()).isTerminal() && afterOutcome-- == 0) {
        break;
      }
    }
    return List.copyOf(events);
  }

  /**
   * Starts a deal on {@code engine} and fires up to 15 generated events at it, each chosen by
   * {@link #eventFor(Deal, Instant, RandomGenerator)} from the deal as the engine stored it, so the deal ends in a
   * random state the engine really reached (possibly won or lost).
   *
   * @param engine an engine that runs this generator's process
   * @param dealId the id of the deal to start; no deal of the engine may have it yet
   * @param random the source of randomness, which also decides how many events are fired
   * @return the deal as stored after the last event
   */
  public Deal dealInRandomState(DealEngine engine, String dealId, RandomGenerator random) {
    Objects.requireNonNull(engine, "engine must not be null");
    Objects.requireNonNull(random, "random must not be null");
    Deal deal = engine.start(dealId, process.id());
    int steps = random.nextInt(LENGTH_OF_DEAL_WALKS + 1);
    for (int i = 0; i < steps && !process.stage(deal.stage()).isTerminal(); i++) {
      deal = engine.fire(dealId, eventFor(deal, engine.clock().instant(), random)).deal();
    }
    return engine.get(dealId);
  }

  private EventType progressType(String stage, RandomGenerator random) {
    List<EventType> types = List.copyOf(process.eventTypesFrom(stage));
    if (types.isEmpty()) {
      return Payloads.pick(processTypes, random);
    }
    int here = distanceToWon.getOrDefault(stage, Integer.MAX_VALUE);
    List<Integer> weights = new ArrayList<>(types.size());
    for (EventType type : types) {
      int weight = 1;
      for (Transition t : process.transitions(stage, type)) {
        weight = Math.max(weight, weightOf(t, here));
      }
      weights.add(weight);
    }
    return types.get(Payloads.weighted(weights, random));
  }

  private int weightOf(Transition t, int here) {
    int guarded = t.isGuarded() ? 2 : 0; // guards are what a walk is for: ask them more often
    if (t.internal()) {
      return 3 + guarded;
    }
    if (process.stage(t.target()).kind() == StageKind.LOST) {
      return 1 + guarded;
    }
    return (distanceToWon.getOrDefault(t.target(), Integer.MAX_VALUE) < here ? 6 : 2) + guarded;
  }
}
