package io.salesflow.spring;

import io.salesflow.archrules.LibraryArchitectureTests;

/** The Spring Statemachine module's main classes keep the architecture rules of every published Salesflow module. */
class ArchitectureTests extends LibraryArchitectureTests {
  /**
   * The deliberate Spring API of this module, and the only public members outside {@code internal} that may show a
   * Spring type: they hand Spring users the compiled {@code StateMachineFactory}, let them customize the pooled
   * machines, and build and read the event message that carries the deal to the compiled guards. Each entry is one
   * exact member, so an overload or any other new member that shows a Spring type fails the rule, and an entry that
   * no longer shows one fails it too.
   */
  private static final String[] DELIBERATE_SPRING_API = {
      // The compiled model, for users' own machines, listeners, interceptors and test plans.
      "io.salesflow.spring.SpringCompiledProcess.factory()",
      "io.salesflow.spring.SpringStatemachineCompiler.factoryFor(java.lang.String)",
      "io.salesflow.spring.SpringStatemachineCompiler.factoryFor(java.lang.String, int)",
      // Consumer<? super StateMachine<String, String>>: adds listeners and interceptors to the pooled machines.
      "io.salesflow.spring.SpringStatemachineCompiler.withMachineCustomizer(java.util.function.Consumer)",
      // Message<String> (spring-messaging, which Spring Statemachine's API is built on) for a factory's machines.
      "io.salesflow.spring.SpringStatemachineCompiler.eventMessage(io.salesflow.GuardContext)",
      // Reads the deal back from a StateContext in a listener or interceptor.
      "io.salesflow.spring.SpringStatemachineCompiler.guardContext(org.springframework.statemachine.StateContext)",
  };

  ArchitectureTests() {
    super(SpringStatemachineCompiler.class, "io.salesflow.spring", DELIBERATE_SPRING_API);
  }
}
