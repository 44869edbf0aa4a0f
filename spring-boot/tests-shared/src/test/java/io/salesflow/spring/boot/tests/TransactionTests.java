package io.salesflow.spring.boot.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesflow.EventType;
import io.salesflow.SalesEvent;
import io.salesflow.SalesProcess;
import io.salesflow.Stage;
import io.salesflow.engine.DealEngine;
import io.salesflow.spring.boot.autoconfigure.SalesflowAutoConfiguration;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The auto-configured JDBC store joins the application's Spring-managed transactions: an application row and a deal
 * written in one transaction commit together or roll back together; outside a transaction the store commits its own.
 */
class TransactionTests {
  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static final SalesEvent WON = new SalesEvent.ClosedWon(Instant.parse("2026-11-02T09:00:00Z"),
      BigDecimal.TEN, null);

  /** An application with its own table, a transaction manager and a process. */
  @Configuration(proxyBeanMethods = false)
  static class Application {
    @Bean
    DataSource dataSource() {
      JdbcDataSource h2 = new JdbcDataSource();
      h2.setURL("jdbc:h2:mem:transactions-" + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1");
      return h2;
    }

    @Bean
    PlatformTransactionManager transactionManager(DataSource dataSource) {
      return new DataSourceTransactionManager(dataSource);
    }

    @Bean
    JdbcTemplate jdbcTemplate(DataSource dataSource) {
      JdbcTemplate jdbc = new JdbcTemplate(dataSource);
      jdbc.execute("CREATE TABLE app_orders (id VARCHAR(20) PRIMARY KEY)");
      return jdbc;
    }

    @Bean
    SalesProcess inbound() {
      return SalesProcess.builder("inbound")
          .stage(Stage.open("lead", "Lead"))
          .stage(Stage.won("won", "Won"))
          .stage(Stage.lost("lost", "Lost"))
          .initialStage("lead")
          .transition("lead", EventType.CLOSED_WON, "won")
          .transition("lead", EventType.CLOSED_LOST, "lost")
          .build();
    }
  }

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(SalesflowAutoConfiguration.class))
      .withUserConfiguration(Application.class);

  @Test
  void aDealStartedAndMovedInARolledBackTransactionIsGoneWithTheApplicationsRows() {
    runner.run(context -> {
      DealEngine engine = context.getBean(DealEngine.class);
      JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
      TransactionTemplate transaction = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));

      assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
        jdbc.update("INSERT INTO app_orders (id) VALUES ('O-1')");
        engine.start("D-1", "inbound");
        assertThat(engine.fire("D-1", WON).isAccepted()).isTrue();
        throw new IllegalStateException("the order could not be placed");
      })).hasMessage("the order could not be placed");

      assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM app_orders", Integer.class)).isZero();
      assertThat(engine.find("D-1")).isEmpty();
    });
  }

  @Test
  void aDealStartedAndMovedInACommittedTransactionIsStoredWithTheApplicationsRows() {
    runner.run(context -> {
      DealEngine engine = context.getBean(DealEngine.class);
      JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
      TransactionTemplate transaction = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));

      transaction.executeWithoutResult(status -> {
        jdbc.update("INSERT INTO app_orders (id) VALUES ('O-2')");
        engine.start("D-2", "inbound");
        engine.fire("D-2", WON);
      });

      assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM app_orders", Integer.class)).isEqualTo(1);
      assertThat(engine.get("D-2").stage()).isEqualTo("won");
      assertThat(engine.get("D-2").version()).isEqualTo(1);
    });
  }

  @Test
  void outsideATransactionTheStoreCommitsEachWriteItself() {
    runner.run(context -> {
      DealEngine engine = context.getBean(DealEngine.class);
      engine.start("D-3", "inbound");
      engine.fire("D-3", WON);
      assertThat(engine.get("D-3").stage()).isEqualTo("won");
      assertThat(context.getBean(JdbcTemplate.class).queryForObject(
          "SELECT version FROM salesflow_deals WHERE id = 'D-3'", Long.class)).isEqualTo(1);
    });
  }
}
