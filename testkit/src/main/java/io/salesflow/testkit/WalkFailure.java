package io.salesflow.testkit;

import io.salesflow.DealFacts;
import io.salesflow.SalesEvent;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;

/**
 * A walk broke an invariant: the engine answered an event otherwise than the definition decides, broke a rule of
 * every engine, or something threw (a guard, a listener, the store or the engine). The message names the invariant,
 * prints the walk shrunk to a shortest failing sub-sequence, one event per line as its type's id, time and payload,
 * says at which event it broke with what the definition expected and what the engine answered, gives the seed, and
 * ends with the walk as a JUnit test to paste.
 *
 * <p>{@link ProcessProperties#replay(long)} with {@link #seed()} reproduces it; {@link #regressionTest(String, String)}
 * writes it as Java source that fails the same way until the engine is fixed. When a guard or the engine threw,
 * {@link #getCause()} is what it threw.
 *
 * @since 0.1
 */
public final class WalkFailure extends AssertionError {
  private static final long serialVersionUID = 1L;

  /** The seed of the failing walk, when it was generated. */
  private final @Nullable Long seed;
  /** The name of the invariant the walk broke. */
  private final String invariant;
  private final transient Walk walk;
  /** How many events the walk had before shrinking. */
  private final int originalLength;
  /** The event of the shrunk walk that broke it, from 1. */
  private final int step;
  /** The definition's answer to that event, in words. */
  private final @Nullable String expected;
  /** The engine's answer to that event, in words. */
  private final @Nullable String actual;
  /** The id of the process the walk ran on. */
  private final String processId;
  /** The name of the engine that broke the invariant. */
  private final String engine;
  /** The process's initial stage. */
  private final String initialStage;
  private final transient List<String> expectedOutcomes;
  /** The calls a regression test makes on the properties besides the process and the engine. */
  private final String configuration;
  /** The first line of the message. */
  private final String headline;
  /** What was seen at the failing event. */
  private final String violation;
  /** How to replay the walk, when it can be. */
  private final @Nullable String replay;
  /** Java for the process in a regression test, when the testkit knows it. */
  private final @Nullable String processExpression;
  /** Java for the engine factory in a regression test, when the testkit knows it. */
  private final @Nullable String enginesExpression;

  /**
   * Everything a failure reports.
   *
   * @param headline the first line: which process, engine and walk broke which invariant
   * @param seed the walk's seed, or null for a walk given to {@link ProcessProperties#checkWalk(List)}
   * @param invariant the invariant broken
   * @param walk the shrunk walk, with the deal's start
   * @param originalLength the walk's length before shrinking
   * @param step the event of the shrunk walk that broke it; 0 when starting the deal did
   * @param violation what was seen at that event
   * @param expected the definition's answer to that event, or null
   * @param actual the engine's answer, or null
   * @param processId the process's id
   * @param engine the engine's name
   * @param initialStage the process's initial stage
   * @param expectedOutcomes the definition's answer to each event of the shrunk walk, as far as it decides
   * @param configuration the calls a regression test makes on {@link ProcessProperties} besides the process and
   *     engine, such as {@code ".ignoreRejectionReasons()"}
   * @param replay how to replay it, or null when it cannot be
   * @param processExpression Java for the process in a regression test, or null when the testkit does not know it
   * @param enginesExpression Java for the engine factory in a regression test, or null when the testkit does not
   *     know it
   * @param cause what a guard or the engine threw, or null
   */
  WalkFailure(String headline, @Nullable Long seed, String invariant, Walk walk, int originalLength,
      int step, String violation, @Nullable String expected, @Nullable String actual, String processId, String engine,
      String initialStage, List<String> expectedOutcomes, String configuration, @Nullable String replay,
      @Nullable String processExpression, @Nullable String enginesExpression, @Nullable Throwable cause) {
    super(headline, cause);
    this.headline = headline;
    this.seed = seed;
    this.invariant = Objects.requireNonNull(invariant, "invariant must not be null");
    this.walk = Objects.requireNonNull(walk, "walk must not be null");
    this.originalLength = originalLength;
    this.step = step;
    this.violation = violation;
    this.expected = expected;
    this.actual = actual;
    this.processId = processId;
    this.engine = engine;
    this.initialStage = initialStage;
    this.expectedOutcomes = List.copyOf(expectedOutcomes);
    this.configuration = configuration;
    this.replay = replay;
    this.processExpression = processExpression;
    this.enginesExpression = enginesExpression;
  }

  /** {@return the whole report: the headline, the walk, where it broke, the seed and the regression test} */
  @Override
  public String getMessage() {
    return headline + "\n"
        + (walk.startsPlainly(initialStage) ? "" : "The deal starts in stage '" + walk.startStage()
            + "' with " + walk.startFacts() + (walk.startEvents() == null ? "" : ", the facts of "
            + walk.startEvents().size() + " earlier events") + ".\n")
        + (originalLength == walk.events().size()
            ? "The walk, " + originalLength + " events:\n"
            : "Shrunk from " + originalLength + " to " + walk.events().size() + " events:\n")
        + (walk.events().isEmpty() ? "  (none: starting the deal broke it)" : walkAsText()) + "\n"
        + (step == 0 ? "Starting the deal" : "Event " + step) + " broke it: " + violation + "\n"
        + (expected == null ? "" : "  expected (the definition): " + expected + "\n")
        + (actual == null ? "" : "  actual (the engine):       " + actual + "\n")
        + (seed == null ? "" : "Seed: " + seed + "; ") + (replay == null ? "" : replay + "\n")
        + "As a regression test to paste" + (processExpression == null || enginesExpression == null
            ? " (fill in process() and engines(), or call regressionTest(process, engines) on this failure):\n"
            : ":\n")
        + regressionTest();
  }

  /**
   * Returns the seed of the failing walk; {@link ProcessProperties#replay(long)} with it fails the same way.
   *
   * @return the seed, or empty for a walk given to {@link ProcessProperties#checkWalk(List)}
   */
  public OptionalLong seed() {
    return seed == null ? OptionalLong.empty() : OptionalLong.of(seed);
  }

  /** {@return the name of the invariant the walk broke, for example {@code "a rejected event changes nothing"}} */
  public String invariant() {
    return invariant;
  }

  /**
   * Returns the shrunk walk: a sub-sequence of the original that still breaks the invariant, none of whose events
   * can go.
   *
   * @return the events, in the order they were fired; empty when starting the deal broke the invariant
   */
  public List<SalesEvent> shrunkWalk() {
    return walk.events();
  }

  /**
   * Returns the stage the walk's deal was started in: the initial stage, or, for one walk in three, another open or
   * post-sale stage, as a deal imported from a CRM or referred in starts.
   *
   * @return the stage's id
   */
  public String startStage() {
    return walk.startStage();
  }

  /**
   * Returns the facts the walk's deal was started with.
   *
   * @return {@code DealFacts.none()} for a deal started in the initial stage; otherwise the facts a few earlier
   *     events left, shrunk to those the failure needs
   */
  public DealFacts startFacts() {
    return walk.startFacts();
  }

  /** {@return how many events the walk had before shrinking} */
  public int originalLength() {
    return originalLength;
  }

  /** {@return which event of the shrunk walk broke the invariant, counting from 1; 0 when starting the deal did} */
  public int step() {
    return step;
  }

  /**
   * Returns what the definition decides for the event that broke the invariant, in words.
   *
   * @return for example {@code "rejected as GUARD_DENIED: follow-ups: …"}; empty when the definition could not
   *     decide (a guard threw) or starting the deal broke the invariant
   */
  public Optional<String> expected() {
    return Optional.ofNullable(expected);
  }

  /**
   * Returns what the engine answered to the event that broke the invariant, in words.
   *
   * @return for example {@code "accepted: contacted -> lost, version 2"}; empty when the engine was not asked
   */
  public Optional<String> actual() {
    return Optional.ofNullable(actual);
  }

  /** {@return the id of the process the walk ran on} */
  public String processId() {
    return processId;
  }

  /** {@return the name of the engine that broke the invariant} */
  public String engine() {
    return engine;
  }

  /**
   * Returns the shrunk walk as text, one event a line: its position, its type's id, when it occurred and its
   * payload, as in {@code "  2. closed-lost at 2026-01-05T13:00:00Z: reason no-response, detail \"\""}.
   *
   * @return the lines, joined by line breaks
   */
  public String walkAsText() {
    List<SalesEvent> events = walk.events();
    return IntStream.range(0, events.size()).mapToObj(i -> "  " + (i + 1) + ". " + Events.text(events.get(i)))
        .collect(Collectors.joining("\n"));
  }

  /**
   * Returns the shrunk walk as the source of a JUnit 5 test class to paste as a regression test: the events, each
   * as the constructor call that builds it with the definition's answer beside it, fired at a new deal and checked
   * by {@link ProcessProperties#checkWalk(List)}. Until the engine is fixed, the test fails as this walk did.
   *
   * <pre>{@code
   * String source = failure.regressionTest("MyProcesses.subscription()", "EngineFactory.tableEngine()");
   * }</pre>
   *
   * @param processExpression a Java expression for the process under test, pasted as it is (name its class in
   *     full, or add the import)
   * @param enginesExpression a Java expression for the {@link EngineFactory} under test, pasted as it is
   * @return the source of a class without a package line, with the imports it needs
   */
  public String regressionTest(String processExpression, String enginesExpression) {
    Objects.requireNonNull(processExpression, "processExpression must not be null");
    Objects.requireNonNull(enginesExpression, "enginesExpression must not be null");
    return JavaSource.regressionTest(this, processExpression, enginesExpression);
  }

  /**
   * Returns {@link #regressionTest(String, String)} with the process and engine filled in where the testkit knows
   * how to build them (a catalog process, the table engine), and otherwise a statement that says what to fill in.
   *
   * @return the source of a class without a package line
   */
  public String regressionTest() {
    return JavaSource.regressionTest(this, processExpression, enginesExpression);
  }

  Walk walk() {
    return walk;
  }

  boolean startsPlainly() {
    return walk.startsPlainly(initialStage);
  }

  List<String> expectedOutcomes() {
    return expectedOutcomes;
  }

  String configuration() {
    return configuration;
  }
}
