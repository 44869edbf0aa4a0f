package io.salesflow.spring.boot.autoconfigure;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/** The {@code salesflow} health component on Spring Boot 4 ({@code org.springframework.boot.health}). */
final class SalesflowHealthIndicator extends AbstractHealthIndicator {
  private final SalesflowHealth health;

  SalesflowHealthIndicator(SalesflowHealth health) {
    super("Salesflow health check failed");
    this.health = health;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    SalesflowHealth.Report report = health.check();
    (report.up() ? builder.up() : builder.down()).withDetails(report.details());
  }
}
