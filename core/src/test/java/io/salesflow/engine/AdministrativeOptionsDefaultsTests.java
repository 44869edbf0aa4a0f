package io.salesflow.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * An engine written before the administrative calls took options (one that implements only the calls with an actor
 * string) still answers them: without a key or version they run as the calls with the actor, and with one they are
 * refused rather than silently not made safe.
 */
class AdministrativeOptionsDefaultsTests {
  private final DealEngine table = DealEngine.tableEngine().process(TableEngineTests.process())
      .clock(Clock.fixed(Instant.parse("2026-11-02T09:00:00Z"), ZoneOffset.UTC)).build();

  /** An engine that forwards the interface's abstract methods to the table engine and runs its default methods. */
  private final DealEngine older = (DealEngine) Proxy.newProxyInstance(DealEngine.class.getClassLoader(),
      new Class<?>[] {DealEngine.class}, olderEngine());

  private InvocationHandler olderEngine() {
    return (proxy, method, args) -> {
      if (method.isDefault()) {
        return InvocationHandler.invokeDefault(proxy, method, args);
      }
      if (method.getName().equals("name")) {
        return "older";
      }
      try {
        return method.invoke(table, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    };
  }

  @Test
  void runsOptionsWithOnlyAnActorAsTheCallsWithAnActor() {
    older.start("D-1", "b2b-lite");

    FireResult moved = older.override("D-1", DealEngine.Fire.by("manager-max"), "proposal", "qualified by phone");
    FireResult assigned = older.assignOwner("D-1", DealEngine.Fire.options(), "rep-bob");

    assertThat(((FireResult.Accepted) moved).transition().actor()).isEqualTo("manager-max");
    assertThat(((FireResult.Accepted) assigned).transition().actor()).isNull();
    assertThat(table.get("D-1").version()).isEqualTo(2);
    assertThat(table.get("D-1").owner()).isEqualTo("rep-bob");
  }

  @Test
  void refusesAKeyOrAnExpectedVersionItCannotHonourAndChangesNothing() {
    older.start("D-1", "b2b-lite");

    assertThatThrownBy(() -> older.override("D-1", DealEngine.Fire.options().idempotencyKey("req-1"), "proposal",
        "qualified by phone")).isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining("engine 'older'").hasMessageContaining("override").hasMessageContaining("req-1");
    assertThatThrownBy(() -> older.assignOwner("D-1", DealEngine.Fire.options().expectedVersion(0), "rep-bob"))
        .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("assignOwner")
        .hasMessageContaining("expectedVersion=0");
    assertThatThrownBy(() -> older.assignOwner("D-1", (DealEngine.Fire) null, "rep-bob")).isInstanceOf(NullPointerException.class);
    assertThat(table.get("D-1").version()).isZero();
  }
}
