package io.salesflow.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesflow.EventType;
import io.salesflow.SalesEvent;
import io.salesflow.SalesProcess;
import io.salesflow.Stage;
import io.salesflow.TransitionGuard;
import java.time.Instant;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Payload generators for custom events whose attributes a guard reads. */
class CustomPayloadsTests {
  static final EventType SCORED = EventType.custom("scored");
  static final EventType BOUGHT = EventType.custom("bought");
  static final EventType LEFT = EventType.custom("left");

  /** Buying needs a "tier" attribute that the built-in generator never invents. */
  static SalesProcess tiered() {
    return SalesProcess.builder("tiered")
        .stage(Stage.open("trial", "Trial"))
        .stage(Stage.won("customer", "Customer"))
        .stage(Stage.lost("gone", "Gone"))
        .initialStage("trial")
        .internal("trial", SCORED)
        .transition("trial", BOUGHT, "customer", TransitionGuard.of("tier known",
            ctx -> ctx.facts().attributes().containsKey("tier"), "tier: not scored yet"))
        .transition("trial", LEFT, "gone")
        .build();
  }

  @Test
  void generatorUsesTheGivenPayloadForItsType() {
    EventGenerator events = EventGenerator.forProcess(tiered())
        .withPayload(SCORED, (at, random) -> new SalesEvent.Custom(SCORED, at, Map.of("tier", "gold")));
    SalesEvent event = events.event(SCORED, Instant.EPOCH, new SplittableRandom(1));
    assertThat(event).isEqualTo(new SalesEvent.Custom(SCORED, Instant.EPOCH, Map.of("tier", "gold")));
  }

  @Test
  void withoutThePayloadThePathThroughTheGuardCannotBeDriven() {
    assertThat(ProcessPaths.of(tiered()).dynamicTests(EngineFactory.tableEngine(), 5, 10))
        .anySatisfy(test -> assertThatThrownBy(() -> test.getExecutable().execute())
            .isInstanceOf(org.opentest4j.TestAbortedException.class).hasMessageContaining("tier known"));
  }

  @Test
  void withThePayloadEveryPathIsDriven() throws Throwable {
    var properties = ProcessProperties.forProcess(tiered()).seed(3L).walks(50)
        .payload(SCORED, (at, random) -> new SalesEvent.Custom(SCORED, at, Map.of("tier", "silver")));
    for (var test : properties.dynamicTests().toList()) {
      test.getExecutable().execute();
    }
  }

  @Test
  void aPayloadOfTheWrongTypeIsRefused() {
    EventGenerator events = EventGenerator.forProcess(tiered())
        .withPayload(SCORED, (at, random) -> new SalesEvent.Custom(LEFT, at));
    assertThatThrownBy(() -> events.event(SCORED, Instant.EPOCH, new SplittableRandom(1)))
        .hasMessageContaining("returned an event of type 'left'");
  }
}
