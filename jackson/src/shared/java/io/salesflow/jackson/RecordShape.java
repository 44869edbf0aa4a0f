package io.salesflow.jackson;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * How a record maps to a JSON object: one member per component, named as the component and in declaration order;
 * a null component has no member. Read back through the canonical constructor, so the record's own checks run and
 * their message (a blank reason, a negative amount) reaches the reader with the member's path.
 *
 * <p>This is what keeps the event mapping generic: a new built-in event record needs nothing here.
 */
final class RecordShape {
  private static final ClassValue<RecordShape> SHAPES = new ClassValue<>() {
    @Override
    protected RecordShape computeValue(Class<?> type) {
      return new RecordShape(type);
    }
  };

  private final Class<?> type;
  private final Component[] components;
  private final Constructor<?> constructor;

  private RecordShape(Class<?> type) {
    if (!type.isRecord()) {
      throw new MappingException(type.getName() + " is not a record");
    }
    this.type = type;
    RecordComponent[] recordComponents = type.getRecordComponents();
    this.components = new Component[recordComponents.length];
    Class<?>[] parameterTypes = new Class<?>[recordComponents.length];
    for (int i = 0; i < recordComponents.length; i++) {
      RecordComponent c = recordComponents[i];
      components[i] = new Component(c.getName(), c.getGenericType(),
          c.getAnnotatedType().isAnnotationPresent(Nullable.class), c.getAccessor());
      parameterTypes[i] = c.getType();
    }
    try {
      this.constructor = type.getDeclaredConstructor(parameterTypes);
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException("record " + type.getName() + " has no canonical constructor", e);
    }
  }

  /** Returns the shape of a record class. */
  static RecordShape of(Class<?> type) {
    return SHAPES.get(type);
  }

  /** Puts one member per non-null component of {@code record} into {@code json}, each written by {@code mapping}. */
  void write(Object record, Map<String, Object> json, ModelMapping mapping) {
    for (Component c : components) {
      mapping.member(json, c.name, c.get(record));
    }
  }

  /**
   * Reads a record from its JSON object. Members the record has no component for are ignored.
   *
   * @throws MappingException naming the member at fault, or with the record's own message if it refuses the values
   */
  Object read(Map<?, ?> json, String path, ModelMapping mapping) {
    @Nullable Object[] args = new Object[components.length];
    for (int i = 0; i < components.length; i++) {
      Component c = components[i];
      args[i] = mapping.member(json, c.name, c.type, c.nullable, path);
    }
    try {
      return constructor.newInstance(args);
    } catch (InvocationTargetException e) {
      Throwable refused = e.getCause() == null ? e : e.getCause();
      throw new MappingException(ModelMapping.at(path) + refused.getMessage(), refused);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot call the canonical constructor of " + type.getName(), e);
    }
  }

  /** A record component: its name, declared type, whether it may be null, and its accessor. */
  private record Component(String name, Type type, boolean nullable, Method accessor) {
    @Nullable Object get(Object record) {
      try {
        return accessor.invoke(record);
      } catch (InvocationTargetException e) {
        throw new MappingException("accessor " + name + "() of " + record.getClass().getName() + " failed: "
            + e.getCause(), e.getCause() == null ? e : e.getCause());
      } catch (IllegalAccessException e) {
        throw new IllegalStateException("cannot call " + accessor, e);
      }
    }
  }
}
