package io.salesflow.spring.boot.autoconfigure;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/** The {@code salesflow} health component on Spring Boot 3.5 ({@code org.springframework.boot.actuate.health}). */
final class SalesflowBoot3HealthIndicator extends AbstractHealthIndicator {
  private final SalesflowHealth health;

  SalesflowBoot3HealthIndicator(SalesflowHealth health) {
    super("Salesflow health check failed");
    this.health = health;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    SalesflowHealth.Report report = health.check();
    (report.up() ? builder.up() : builder.down()).withDetails(report.details());
  }
}
