package io.salesflow.spring.boot.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.salesflow.EventType;
import io.salesflow.SalesEvent;
import io.salesflow.SalesProcess;
import io.salesflow.Stage;
import io.salesflow.catalog.SalesCatalog;
import io.salesflow.engine.DealEngine;
import io.salesflow.engine.FireResult;
import io.salesflow.engine.ProcessCompiler;
import io.salesflow.spring.SpringStatemachineCompiler;
import io.salesflow.spring.boot.autoconfigure.SalesflowAutoConfiguration;
import io.salesflow.spring.boot.autoconfigure.SalesflowHealthAutoConfiguration;
import io.salesflow.spring.boot.autoconfigure.SalesflowMetricsAutoConfiguration;
import io.salesflow.spring.boot.autoconfigure.SalesflowProblemDetailsAutoConfiguration;
import io.salesflow.store.DealStore;
import io.salesflow.store.jdbc.JdbcDealStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

/**
 * What the auto-configuration builds, and that the application can replace each part: the engine, the store, the
 * clock, the compiler. Fast: no web server and no database but H2 in memory.
 */
class AutoConfigurationTests {
  private static final Instant NOW = Instant.parse("2026-11-02T09:00:00Z");

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(SalesflowAutoConfiguration.class,
          SalesflowMetricsAutoConfiguration.class));

  static SalesProcess inbound() {
    return SalesProcess.builder("inbound")
        .stage(Stage.open("lead", "Lead"))
        .stage(Stage.won("won", "Won"))
        .stage(Stage.lost("lost", "Lost"))
        .initialStage("lead")
        .transition("lead", EventType.CLOSED_WON, "won")
        .transition("lead", EventType.CLOSED_LOST, "lost")
        .build();
  }

  static DataSource h2(String name) {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
    return h2;
  }

  @Test
  void runsTheApplicationsProcessesOnTheTableEngineInMemoryWithoutADataSource() {
    runner.withBean(SalesProcess.class, AutoConfigurationTests::inbound).run(context -> {
      DealEngine engine = context.getBean(DealEngine.class);
      assertThat(engine.name()).isEqualTo("table");
      assertThat(engine.processes()).extracting(SalesProcess::id).containsExactly("inbound");
      assertThat(engine.store()).isSameAs(context.getBean(DealStore.class));
      assertThat(engine.store()).isNotInstanceOf(JdbcDealStore.class);
      assertThat(engine.clock().getZone()).isEqualTo(ZoneOffset.UTC);
    });
  }

  @Test
  void keepsDealsInTheJdbcStoreOnTheApplicationsDataSource() {
    runner.withBean(SalesProcess.class, AutoConfigurationTests::inbound)
        .withBean(DataSource.class, () -> h2("auto-jdbc"))
        .withPropertyValues("salesflow.store.cache-size=0")
        .run(context -> {
          DealEngine engine = context.getBean(DealEngine.class);
          assertThat(engine.store()).isInstanceOf(JdbcDealStore.class);
          engine.start("D-1", "inbound");
          assertThat(engine.get("D-1").stage()).isEqualTo("lead");
        });
  }

  @Test
  void addsTheCatalogWhenEnabledAndLetsAnApplicationProcessReplaceACatalogOne() {
    SalesProcess mine = SalesCatalog.fiveStep().toBuilder().name("Our five steps").build();
    runner.withBean(SalesProcess.class, () -> mine).withPropertyValues("salesflow.catalog.enabled=true")
        .run(context -> {
          DealEngine engine = context.getBean(DealEngine.class);
          assertThat(engine.processes()).extracting(SalesProcess::id)
              .containsExactlyInAnyOrderElementsOf(SalesCatalog.all().stream().map(SalesProcess::id).toList());
          assertThat(engine.process("five-step").name()).isEqualTo("Our five steps");
        });
  }

  @Test
  void failsToStartWithAMessageThatSaysWhatToDoWhenThereIsNoProcess() {
    runner.run(context -> assertThat(context).hasFailed().getFailure().rootCause()
        .hasMessageContaining("Salesflow has no process to run")
        .hasMessageContaining("salesflow.catalog.enabled=true"));
  }

  @Test
  void usesTheApplicationsEngineInsteadOfItsOwn() {
    DealEngine mine = DealEngine.tableEngine().process(inbound()).build();
    runner.withBean(DealEngine.class, () -> mine).run(context -> {
      assertThat(context.getBeansOfType(DealEngine.class)).hasSize(1);
      assertThat(context.getBean(DealEngine.class).processes()).isEqualTo(mine.processes());
    });
  }

  @Test
  void usesTheApplicationsStoreInsteadOfItsOwnEvenWithADataSource() {
    DealStore mine = DealStore.inMemory();
    runner.withBean(SalesProcess.class, AutoConfigurationTests::inbound)
        .withBean(DataSource.class, () -> h2("auto-own-store"))
        .withBean(DealStore.class, () -> mine)
        .run(context -> {
          assertThat(context.getBeansOfType(DealStore.class)).hasSize(1);
          assertThat(context.getBean(DealEngine.class).store()).isSameAs(mine);
        });
  }

  @Test
  void stampsTransitionsWithTheApplicationsClock() {
    Clock fixed = Clock.fixed(NOW, ZoneOffset.UTC);
    runner.withBean(SalesProcess.class, AutoConfigurationTests::inbound).withBean(Clock.class, () -> fixed)
        .run(context -> {
          DealEngine engine = context.getBean(DealEngine.class);
          assertThat(engine.clock()).isSameAs(fixed);
          engine.start("D-1", "inbound");
          FireResult result = engine.fire("D-1", new SalesEvent.ClosedWon(NOW.minusSeconds(60),
              java.math.BigDecimal.TEN, null));
          assertThat(((FireResult.Accepted) result).transition().at()).isEqualTo(NOW);
        });
  }

  @Test
  void runsTheSpringStatemachineEngineOnAPoolSizedByTheProperties() {
    runner.withBean(SalesProcess.class, AutoConfigurationTests::inbound)
        .withPropertyValues("salesflow.engine=spring-statemachine", "salesflow.pool.size=2",
            "salesflow.pool.acquire-timeout=250ms")
        .run(context -> {
          assertThat(context.getBean(DealEngine.class).name()).isEqualTo("spring-statemachine");
          SpringStatemachineCompiler compiler = context.getBean(SpringStatemachineCompiler.class);
          assertThat(compiler.poolSize()).isEqualTo(2);
          assertThat(compiler.acquireTimeout()).isEqualTo(Duration.ofMillis(250));
        });
    runner.withBean(SalesProcess.class, AutoConfigurationTests::inbound)
        .withPropertyValues("salesflow.engine=SPRING_STATEMACHINE")
        .run(context -> assertThat(context.getBean(DealEngine.class).name()).isEqualTo("spring-statemachine"));
  }

  @Test
  void decidesWithTheApplicationsCompiler() {
    runner.withBean(SalesProcess.class, AutoConfigurationTests::inbound)
        .withBean(ProcessCompiler.class, () -> SpringStatemachineCompiler.create(1))
        .run(context -> assertThat(context.getBean(DealEngine.class).name()).isEqualTo("spring-statemachine"));
  }

  @Test
  void letsListenerBeansHearTheEngine() {
    List<String> heard = new ArrayList<>();
    DealEngine.Listener listener = new DealEngine.Listener() {
      @Override
      public void onStarted(io.salesflow.Deal deal) {
        heard.add(deal.id());
      }
    };
    runner.withBean(SalesProcess.class, AutoConfigurationTests::inbound)
        .withBean(DealEngine.Listener.class, () -> listener)
        .run(context -> {
          context.getBean(DealEngine.class).start("D-9", "inbound");
          assertThat(heard).containsExactly("D-9");
        });
  }

  @Test
  void countsAnEventTypeTheProcessDoesNotKnowAsOtherAndNeverTagsADealId() {
    runner.withBean(SalesProcess.class, AutoConfigurationTests::inbound)
        .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
        .run(context -> {
          DealEngine engine = context.getBean(DealEngine.class);
          engine.start("D-secret-42", "inbound");
          engine.fire("D-secret-42", new SalesEvent.Custom(EventType.custom("made-up-by-a-client"), NOW,
              Map.of()));
          engine.fire("D-secret-42", new SalesEvent.ClosedWon(NOW, java.math.BigDecimal.ONE, null));
          engine.override("D-secret-42", "lead", "manager-secret", "reopened: the customer came back");
          MeterRegistry registry = context.getBean(MeterRegistry.class);
          assertThat(registry.get("salesflow.deals.administrative").tag("kind", "stage-overridden")
              .tag("process", "inbound").counter().count()).isEqualTo(1.0);
          assertThat(registry.get("salesflow.events").tag("event", "stage-overridden").tag("outcome", "accepted")
              .counter().count()).isEqualTo(1.0);
          assertThat(registry.get("salesflow.events").tag("event", "other").tag("outcome", "unknown_event_type")
              .counter().count()).isEqualTo(1.0);
          assertThat(registry.get("salesflow.events").tag("event", "closed-won").tag("outcome", "accepted")
              .tag("stage", "lead").counter().count()).isEqualTo(1.0);
          assertThat(registry.get("salesflow.deals.started").tag("process", "inbound").counter().count())
              .isEqualTo(1.0);
          assertThat(registry.get("salesflow.fire").tag("outcome", "rejected").timer().count()).isEqualTo(1);
          assertThat(registry.get("salesflow.fire").tag("outcome", "accepted").timer().count()).isEqualTo(1);
          registry.getMeters().forEach(meter -> meter.getId().getTags().forEach(tag -> assertThat(tag.getValue())
              .as("tag %s of %s", tag.getKey(), meter.getId().getName())
              .doesNotContain("secret").doesNotContain("made-up")));
        });
  }

  @Test
  void addsTheHealthIndicatorOfThisBootLineUnlessTurnedOff() {
    ApplicationContextRunner health = runner.withConfiguration(
        AutoConfigurations.of(SalesflowHealthAutoConfiguration.class))
        .withBean(SalesProcess.class, AutoConfigurationTests::inbound);
    String line = System.getProperty("salesflow.boot.line");
    health.run(context -> assertThat(context.getBean("salesflowHealthIndicator").getClass().getSimpleName())
        .isEqualTo(line.equals("4.0") ? "SalesflowHealthIndicator" : "SalesflowBoot3HealthIndicator"));
    health.withPropertyValues("management.health.salesflow.enabled=false")
        .run(context -> assertThat(context).doesNotHaveBean("salesflowHealthIndicator"));
  }

  @Test
  void answersWithProblemDetailsInAServletApplicationUnlessTurnedOff() {
    WebApplicationContextRunner web = new WebApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(SalesflowProblemDetailsAutoConfiguration.class));
    web.run(context -> assertThat(context).hasBean("salesflowProblemDetailsHandler"));
    web.withPropertyValues("salesflow.problem-details.enabled=false")
        .run(context -> assertThat(context).doesNotHaveBean("salesflowProblemDetailsHandler"));
    runner.withBean(SalesProcess.class, AutoConfigurationTests::inbound)
        .withConfiguration(AutoConfigurations.of(SalesflowProblemDetailsAutoConfiguration.class))
        .run(context -> assertThat(context).doesNotHaveBean("salesflowProblemDetailsHandler"));
  }
}
