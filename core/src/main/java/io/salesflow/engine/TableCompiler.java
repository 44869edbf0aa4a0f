package io.salesflow.engine;

import io.salesflow.GuardContext;
import io.salesflow.SalesProcess;
import io.salesflow.engine.CompiledProcess.Decision;

/** The table engine: the process definition is already the transition table, so compiling is reading it. */
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
    return new CompiledProcess() {
      @Override
      public SalesProcess process() {
        return process;
      }

      @Override
      public Decision decide(GuardContext context) {
        // the runtime asked Decision.beforeGuards first: what is left of the reference is the guards' say
        return Decision.firstAllowed(process, context,
            process.transitions(context.deal().stage(), context.event().type()));
      }
    };
  }
}
