package io.salesflow.testkit;

import io.salesflow.DealFacts;
import io.salesflow.EventType;
import io.salesflow.SalesEvent;
import io.salesflow.SalesProcess;
import io.salesflow.catalog.CatalogEvents;
import io.salesflow.catalog.CatalogEvents.BuyInSide;
import io.salesflow.catalog.SalesCatalog;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * Payloads for the custom events of the stages catalog, so that walks of a catalog process meet its guards without
 * payload generators of the user's own: buy-in from the side that has not agreed yet (usually), every buyer segment,
 * and the catalog's other custom events without attributes.
 *
 * <p>The testkit depends on the catalog optionally: {@link Payloads} asks this class only after checking that the
 * catalog is on the class path, and nothing else refers to it. Stateless and thread-safe.
 */
final class CatalogPayloads {
  private static final Set<EventType> TYPES = catalogTypes();
  private static final List<String> DECISION_MAKERS = List.of("the CFO", "the head of sales", "the COO",
      "the founder", "the procurement lead");
  private static final List<String> SEGMENTS = List.of(CatalogEvents.SEGMENT_FAST,
      CatalogEvents.SEGMENT_NEEDS_INFORMATION, CatalogEvents.SEGMENT_LATER);

  private CatalogPayloads() {}

  /** {@return an event of {@code type} for a deal with {@code facts}, or null if {@code type} is not the catalog's} */
  static @Nullable SalesEvent event(EventType type, DealFacts facts, Instant at, RandomGenerator random) {
    if (!TYPES.contains(type)) {
      return null;
    }
    if (type.equals(CatalogEvents.BUY_IN_CONFIRMED)) {
      boolean buyer = facts.field(CatalogEvents.BUY_IN_BUYER).isPresent();
      boolean seller = facts.field(CatalogEvents.BUY_IN_SELLER).isPresent();
      BuyInSide side = buyer == seller || random.nextInt(4) == 0
          ? (random.nextBoolean() ? BuyInSide.BUYER : BuyInSide.SELLER)
          : (buyer ? BuyInSide.SELLER : BuyInSide.BUYER);
      return CatalogEvents.buyInConfirmed(at, side, Payloads.pick(DECISION_MAKERS, random));
    }
    if (type.equals(CatalogEvents.BUYER_SEGMENTED)) {
      return CatalogEvents.buyerSegmented(at, Payloads.pick(SEGMENTS, random));
    }
    return new SalesEvent.Custom(type, at);
  }

  /** {@return Java that returns {@code process}, if it is a catalog process exactly as the catalog builds it} */
  static @Nullable String expression(SalesProcess process) {
    return SalesCatalog.ids().contains(process.id()) && SalesCatalog.byId(process.id()) == process
        ? "io.salesflow.catalog.SalesCatalog.byId(" + Events.quote(process.id()) + ")"
        : null;
  }

  private static Set<EventType> catalogTypes() {
    Set<EventType> types = new HashSet<>();
    for (Field field : CatalogEvents.class.getFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == EventType.class) {
        try {
          types.add((EventType) field.get(null));
        } catch (IllegalAccessException e) {
          throw new IllegalStateException("cannot read the catalog's event type " + field.getName(), e);
        }
      }
    }
    return Set.copyOf(types);
  }
}
