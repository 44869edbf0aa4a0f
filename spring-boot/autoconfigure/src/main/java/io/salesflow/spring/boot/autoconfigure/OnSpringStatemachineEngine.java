package io.salesflow.spring.boot.autoconfigure;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when {@code salesflow.engine} binds to {@link SalesflowProperties.Engine#SPRING_STATEMACHINE}, however it
 * is spelled ({@code spring-statemachine}, {@code SPRING_STATEMACHINE}), exactly as the properties bind it.
 */
final class OnSpringStatemachineEngine extends SpringBootCondition {
  @Override
  public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
    SalesflowProperties.Engine engine = Binder.get(context.getEnvironment())
        .bind("salesflow.engine", SalesflowProperties.Engine.class)
        .orElse(SalesflowProperties.Engine.TABLE);
    return engine == SalesflowProperties.Engine.SPRING_STATEMACHINE
        ? ConditionOutcome.match("salesflow.engine is spring-statemachine")
        : ConditionOutcome.noMatch("salesflow.engine is " + engine.name().toLowerCase(java.util.Locale.ROOT));
  }
}
