package io.salesflow.engine;

import io.salesflow.EventType;
import io.salesflow.GuardContext;
import io.salesflow.GuardVerdict;
import io.salesflow.SalesProcess;
import io.salesflow.Stage;
import io.salesflow.Transition;
import io.salesflow.engine.CompiledProcess.Decision;
import io.salesflow.engine.FireResult.RejectionKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The table engine: the process definition is already the transition table, so compiling is reading it into a form
 * the runtime asks once per event: for each stage, its event types in an array, and for each (stage, event type) the
 * candidate transitions with the {@link Decision.Take} of each made in advance.
 */
final class TableCompiler implements ProcessCompiler {
  /** The one instance; it holds no state. */
  static final TableCompiler INSTANCE = new TableCompiler();

  private TableCompiler() {}

  @Override
  public String engineName() {
    return "table";
  }

  @Override
  public CompiledProcess compile(SalesProcess process) {
    return new Table(process);
  }

  /**
   * A process compiled into a table: one hash look-up of the deal's stage, then a scan of that stage's few event
   * types. Decides exactly as {@link Decision#reference}: the first candidate whose guard allows, in definition
   * order; an unguarded candidate is taken without asking {@link io.salesflow.TransitionGuard#always()}.
   */
  static final class Table implements CompiledProcess {
    private final SalesProcess process;
    /** Stage id to its row; only stages with transitions have one. A plain map: this class never changes it. */
    private final HashMap<String, Row> rows;

    Table(SalesProcess process) {
      this.process = process;
      this.rows = new HashMap<>();
      for (Stage stage : process.stages()) {
        List<EventType> types = new ArrayList<>(process.eventTypesFrom(stage.id()));
        if (types.isEmpty()) {
          continue;
        }
        Candidates[] candidates = new Candidates[types.size()];
        for (int i = 0; i < candidates.length; i++) {
          candidates[i] = new Candidates(process, process.transitions(stage.id(), types.get(i)));
        }
        rows.put(stage.id(), new Row(types.toArray(EventType[]::new), candidates));
      }
    }

    @Override
    public SalesProcess process() {
      return process;
    }

    /**
     * Returns the transitions from {@code stage} on {@code type}, or null when there are none (the runtime then asks
     * {@link Decision#beforeGuards} for the refusal).
     */
    @Nullable Candidates candidates(String stage, EventType type) {
      Row row = rows.get(stage);
      return row == null ? null : row.find(type);
    }

    @Override
    public Decision decide(GuardContext context) {
      // the runtime asked Decision.beforeGuards first: what is left of the reference is the guards' say
      Candidates candidates = candidates(context.deal().stage(), context.event().type());
      return candidates == null
          ? Decision.firstAllowed(process, context, List.of())
          : candidates.decide(context);
    }
  }

  /** The event types one stage has transitions on, and the candidates for each, in the same order. */
  private static final class Row {
    private final EventType[] types;
    private final Candidates[] candidates;

    Row(EventType[] types, Candidates[] candidates) {
      this.types = types;
      this.candidates = candidates;
    }

    @Nullable Candidates find(EventType type) {
      EventType[] known = types;
      for (int i = 0; i < known.length; i++) { // built-in events carry the very constants the process was built with
        if (known[i] == type) {
          return candidates[i];
        }
      }
      for (int i = 0; i < known.length; i++) {
        if (known[i].equals(type)) {
          return candidates[i];
        }
      }
      return null;
    }
  }

  /** The transitions from one stage on one event type, in definition order, each with its decision to take it. */
  static final class Candidates {
    private final SalesProcess process;
    private final List<Transition> transitions;
    private final Transition first;
    private final Decision.Take firstTake;
    private final boolean firstUnguarded;
    private final Decision.Take[] takes;

    Candidates(SalesProcess process, List<Transition> transitions) {
      this.process = process;
      this.transitions = transitions;
      this.takes = new Decision.Take[transitions.size()];
      for (int i = 0; i < takes.length; i++) {
        takes[i] = new Decision.Take(transitions.get(i));
      }
      this.first = transitions.get(0);
      this.firstTake = takes[0];
      this.firstUnguarded = !first.isGuarded();
    }

    /**
     * The decision to take the first candidate when it has no guard, which {@link #decide} would return for any
     * context; null when a guard must be asked.
     */
    Decision.@Nullable Take unguarded() {
      return firstUnguarded ? firstTake : null;
    }

    /** Whether there is one candidate only, and a guarded one: its verdict alone decides. */
    boolean single() {
      return takes.length == 1 && !firstUnguarded;
    }

    /** The verdict of the first candidate's guard. */
    GuardVerdict firstVerdict(GuardContext context) {
      return first.evaluate(context);
    }

    /** The decision to take the first candidate. */
    Decision.Take first() {
      return firstTake;
    }

    /** The first candidate whose guard allows, or the refusal with the reasons of every guard that denied. */
    Decision decide(GuardContext context) {
      if (firstUnguarded) {
        return firstTake;
      }
      GuardVerdict verdict = first.evaluate(context);
      if (verdict.allowed()) {
        return firstTake;
      }
      return afterDenial(context, verdict);
    }

    private Decision afterDenial(GuardContext context, GuardVerdict firstDenial) {
      if (takes.length == 1) { // the usual case: one guarded transition, whose reasons are the refusal's
        return new Decision.Refuse(RejectionKind.GUARD_DENIED, firstDenial.reasons());
      }
      List<GuardVerdict> denials = new ArrayList<>(takes.length);
      denials.add(firstDenial);
      for (int i = 1; i < takes.length; i++) {
        GuardVerdict verdict = transitions.get(i).evaluate(context);
        if (verdict.allowed()) {
          return takes[i];
        }
        denials.add(verdict);
      }
      return Decision.refuse(process, context, denials);
    }
  }
}
