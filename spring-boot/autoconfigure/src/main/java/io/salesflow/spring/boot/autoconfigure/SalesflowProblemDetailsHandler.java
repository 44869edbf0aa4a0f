package io.salesflow.spring.boot.autoconfigure;

import io.salesflow.DealVersionConflictException;
import io.salesflow.DuplicateDealException;
import io.salesflow.SalesProcessException;
import io.salesflow.UnknownDealException;
import io.salesflow.UnknownProcessException;
import io.salesflow.engine.FireResult;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Answers Salesflow's exceptions from Spring MVC controllers with RFC 9457 problem details. Each answer has a
 * {@code title}, the exception's message as {@code detail}, and the deal and process ids it concerns as the
 * properties {@code dealId} and {@code processId}. Exceptions that did not come from Salesflow pass on to the
 * application's other handlers. Ordered last, so an application's own handler for the same exception wins.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
final class SalesflowProblemDetailsHandler {
  /** 422, by number: Spring Framework 7 renamed the constant that Spring Framework 6 has. */
  private static final HttpStatusCode UNPROCESSABLE = HttpStatusCode.valueOf(422);
  private static final String POOL_TIMEOUT = "io.salesflow.spring.PoolTimeoutException";

  @ExceptionHandler(UnknownDealException.class)
  ProblemDetail unknownDeal(UnknownDealException e) {
    return problem(HttpStatus.NOT_FOUND, "Unknown deal", e);
  }

  @ExceptionHandler(UnknownProcessException.class)
  ProblemDetail unknownProcess(UnknownProcessException e) {
    return problem(HttpStatus.NOT_FOUND, "Unknown process", e);
  }

  @ExceptionHandler(DuplicateDealException.class)
  ProblemDetail duplicateDeal(DuplicateDealException e) {
    return problem(HttpStatus.CONFLICT, "Duplicate deal", e);
  }

  @ExceptionHandler(DealVersionConflictException.class)
  ProblemDetail concurrentChange(DealVersionConflictException e) {
    ProblemDetail problem = problem(HttpStatus.CONFLICT, "Deal changed concurrently", e);
    problem.setProperty("expectedVersion", e.expectedVersion());
    return problem;
  }

  @ExceptionHandler(EventRejectedException.class)
  ProblemDetail rejected(EventRejectedException e) {
    FireResult.Rejected rejected = e.rejected();
    boolean stale = rejected.kind() == FireResult.RejectionKind.STALE_VERSION;
    ProblemDetail problem = problem(stale ? HttpStatus.CONFLICT : UNPROCESSABLE,
        stale ? "Stale deal version" : "Event rejected", e);
    problem.setProperty("kind", rejected.kind().name());
    problem.setProperty("reasons", rejected.reasons());
    problem.setProperty("stage", rejected.deal().stage());
    problem.setProperty("event", rejected.event().type().id());
    problem.setProperty("version", rejected.deal().version());
    return problem;
  }

  /** Busy Spring Statemachine pools (matched by name: that engine is optional). */
  @ExceptionHandler(SalesProcessException.class)
  ProblemDetail other(SalesProcessException e) throws SalesProcessException {
    if (e.getClass().getName().equals(POOL_TIMEOUT)) {
      return problem(HttpStatus.SERVICE_UNAVAILABLE, "Engine busy", e);
    }
    throw e; // the same exception: Spring MVC passes it on quietly to its other resolvers
  }

  /** Bad input refused by Salesflow's own argument checks; the same exceptions from elsewhere pass on. */
  @ExceptionHandler({IllegalArgumentException.class, NullPointerException.class})
  ProblemDetail badInput(RuntimeException e) {
    if (!thrownBySalesflow(e)) {
      throw e;
    }
    return problem(HttpStatus.BAD_REQUEST, "Bad request", e);
  }

  private static ProblemDetail problem(HttpStatusCode status, String title, RuntimeException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
    problem.setTitle(title);
    if (e instanceof SalesProcessException salesflow) {
      salesflow.dealId().ifPresent(id -> problem.setProperty("dealId", id));
      salesflow.processId().ifPresent(id -> problem.setProperty("processId", id));
    }
    return problem;
  }

  /** Whether the first frame outside the JDK that threw {@code e} is Salesflow's. */
  static boolean thrownBySalesflow(Throwable e) {
    for (StackTraceElement frame : e.getStackTrace()) {
      String type = frame.getClassName();
      if (type.startsWith("java.") || type.startsWith("jdk.")) {
        continue;
      }
      return type.startsWith("io.salesflow.");
    }
    return false;
  }
}
