package io.salesflow.spring.boot.autoconfigure;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.ProblemDetail;

/**
 * RFC 9457 problem details for Salesflow's exceptions in Spring MVC applications, on unless
 * {@code salesflow.problem-details.enabled=false}:
 *
 * <table>
 *   <caption>status per exception</caption>
 *   <tr><th>exception</th><th>status</th></tr>
 *   <tr><td>{@code UnknownDealException}, {@code UnknownProcessException}</td><td>404</td></tr>
 *   <tr><td>{@code DuplicateDealException}, {@code DealVersionConflictException}</td><td>409</td></tr>
 *   <tr><td>{@link EventRejectedException}</td><td>422, with {@code kind} and {@code reasons}; 409 for a stale
 *       version</td></tr>
 *   <tr><td>{@code IllegalArgumentException}, {@code NullPointerException} from Salesflow's argument checks</td>
 *       <td>400</td></tr>
 *   <tr><td>{@code PoolTimeoutException} of the Spring Statemachine engine</td><td>503</td></tr>
 * </table>
 *
 * @since 0.1
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(ProblemDetail.class)
@ConditionalOnProperty(prefix = "salesflow.problem-details", name = "enabled", matchIfMissing = true)
public class SalesflowProblemDetailsAutoConfiguration {
  /** Created by Spring Boot. */
  public SalesflowProblemDetailsAutoConfiguration() {}

  @Bean
  @ConditionalOnMissingBean
  SalesflowProblemDetailsHandler salesflowProblemDetailsHandler() {
    return new SalesflowProblemDetailsHandler();
  }
}
