package io.salesflow.spring.boot.autoconfigure;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.salesflow.engine.DealEngine;
import io.salesflow.engine.FireResult;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Wraps every engine built by {@code DealEngine.Builder} (whose class is core's package-private engine, so no
 * injection point can ask for it by class) in a proxy that times each {@code fire} call into the
 * {@code salesflow.fire} timer. Every other method goes straight to the engine. A proxy, rather than a class that
 * implements {@link DealEngine}, so that methods the engine gains later pass through unchanged.
 */
final class EngineTimer implements BeanPostProcessor {
  static final String TIMER = "salesflow.fire";
  private static final String BUILT_ENGINE = "io.salesflow.engine.StandardDealEngine";

  private final ObjectProvider<MeterRegistry> registry;

  EngineTimer(ObjectProvider<MeterRegistry> registry) {
    this.registry = registry;
  }

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (bean instanceof DealEngine engine && bean.getClass().getName().equals(BUILT_ENGINE)) {
      return Proxy.newProxyInstance(DealEngine.class.getClassLoader(), new Class<?>[] {DealEngine.class},
          new Timing(engine, registry));
    }
    return bean;
  }

  private static final class Timing implements InvocationHandler {
    private final DealEngine engine;
    private final ObjectProvider<MeterRegistry> registry;
    private volatile @Nullable MeterRegistry meters;

    Timing(DealEngine engine, ObjectProvider<MeterRegistry> registry) {
      this.engine = engine;
      this.registry = registry;
    }

    @Override
    public @Nullable Object invoke(Object proxy, Method method, @Nullable Object @Nullable [] args)
        throws Throwable {
      if (method.getDeclaringClass() == Object.class) {
        return switch (method.getName()) {
          case "equals" -> args != null && proxy == args[0];
          case "hashCode" -> System.identityHashCode(proxy);
          default -> "timed " + engine;
        };
      }
      if (!method.getName().equals("fire")) {
        return call(method, args);
      }
      MeterRegistry registry = registry();
      if (registry == null) {
        return call(method, args);
      }
      long start = System.nanoTime();
      String process = "unknown";
      String outcome = "error";
      try {
        Object result = call(method, args);
        if (result instanceof FireResult fired) {
          process = fired.deal().processId();
          outcome = fired.isAccepted() ? "accepted" : "rejected";
        }
        return result;
      } finally {
        Timer.builder(TIMER).description("How long firing an event at a deal took")
            .tag("process", process).tag("outcome", outcome)
            .register(registry).record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
      }
    }

    private @Nullable MeterRegistry registry() {
      MeterRegistry found = meters;
      if (found == null) {
        found = registry.getIfUnique();
        meters = found;
      }
      return found;
    }

    private @Nullable Object call(Method method, @Nullable Object @Nullable [] args) throws Throwable {
      try {
        return method.invoke(engine, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    }
  }
}
