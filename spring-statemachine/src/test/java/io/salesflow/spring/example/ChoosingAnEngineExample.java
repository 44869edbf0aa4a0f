package io.salesflow.spring.example;

import io.salesflow.SalesProcess;
import io.salesflow.catalog.SalesCatalog;
import io.salesflow.engine.DealEngine;
import io.salesflow.spring.SpringStatemachineCompiler;
import org.springframework.statemachine.config.StateMachineFactory;

/** The README's "Choosing an engine" snippets, compiled and run by {@code ChoosingAnEngineExampleTests}. */
final class ChoosingAnEngineExample {
  private ChoosingAnEngineExample() {}

  static DealEngine tableEngine() {
    // tag::table[]
    SalesProcess process = SalesCatalog.fiveStep();
    DealEngine engine = DealEngine.tableEngine().process(process).build();
    // end::table[]
    return engine;
  }

  static DealEngine springEngine() {
    // tag::spring[]
    SalesProcess process = SalesCatalog.fiveStep();
    DealEngine engine = SpringStatemachineCompiler.springStatemachineEngine().process(process).build();
    // end::spring[]
    return engine;
  }

  static StateMachineFactory<String, String> springFactory() {
    // tag::factory[]
    SpringStatemachineCompiler compiler = SpringStatemachineCompiler.create(8); // machines per process
    DealEngine engine = compiler.engine().process(SalesCatalog.fiveStep()).build();
    StateMachineFactory<String, String> factory = compiler.factoryFor(SalesCatalog.FIVE_STEP);
    // end::factory[]
    engine.close();
    return factory;
  }
}
