package io.salesflow.examples;

import io.salesflow.engine.DealEngineBuilder;
import io.salesflow.spring.SpringStatemachineEngine;
import java.util.function.Supplier;

/** The engine the demo replays every event on, to show that both engines agree. */
final class OtherEngine {
  static final String NAME = "the Spring Statemachine engine";

  private OtherEngine() {}

  /** Returns builders of the engine to compare with. */
  static Supplier<DealEngineBuilder> builder() {
    return SpringStatemachineEngine::builder;
  }
}
