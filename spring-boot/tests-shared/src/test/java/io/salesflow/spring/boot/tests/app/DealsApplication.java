package io.salesflow.spring.boot.tests.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * An application as a user writes it with the starter, H2 and web: no Salesflow configuration class, only a
 * controller that uses the auto-configured engine.
 */
@SpringBootApplication
public class DealsApplication {
  public static void main(String[] args) {
    SpringApplication.run(DealsApplication.class, args);
  }
}
