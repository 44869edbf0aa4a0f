package io.salesflow.examples;

import io.salesflow.spring.SpringStatemachineCompiler;
import java.util.function.Supplier;
import io.salesflow.engine.DealEngine;

/** The engine the demo replays every event on, to show that both engines agree. */
final class OtherEngine {
  static final String NAME = "the Spring Statemachine engine";

  private OtherEngine() {}

  /** Returns builders of the engine to compare with. */
  static Supplier<DealEngine.Builder> builder() {
    return SpringStatemachineCompiler::springStatemachineEngine;
  }
}
