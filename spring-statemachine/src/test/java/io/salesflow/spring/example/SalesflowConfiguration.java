package io.salesflow.spring.example;

import io.salesflow.SalesProcess;
import io.salesflow.catalog.SalesCatalog;
import io.salesflow.engine.DealEngine;
import io.salesflow.spring.SpringStatemachineCompiler;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.statemachine.config.StateMachineFactory;

/**
 * Wiring the Spring Statemachine engine as beans in a plain Spring context (no Boot): the compiler, the engine and
 * the compiled factory of a process, for your own listeners, interceptors and test plans.
 */
@Configuration(proxyBeanMethods = false)
public class SalesflowConfiguration {

  @Bean
  SalesProcess fiveStepProcess() {
    return SalesCatalog.fiveStep();
  }

  @Bean
  SpringStatemachineCompiler salesflowCompiler() {
    return SpringStatemachineCompiler.create(4);
  }

  /** Closed with the context: its machine pools are stopped. */
  @Bean
  DealEngine dealEngine(SpringStatemachineCompiler salesflowCompiler, SalesProcess fiveStepProcess) {
    return salesflowCompiler.engine().process(fiveStepProcess).clock(Clock.systemUTC()).build();
  }

  /** Depends on the engine, which compiled the process. */
  @Bean
  StateMachineFactory<String, String> fiveStepMachines(SpringStatemachineCompiler salesflowCompiler,
      DealEngine dealEngine, SalesProcess fiveStepProcess) {
    return salesflowCompiler.factoryFor(fiveStepProcess.id());
  }
}
