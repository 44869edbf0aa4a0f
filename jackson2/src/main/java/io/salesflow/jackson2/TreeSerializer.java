package io.salesflow.jackson2;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Writes one Salesflow type: the shared {@link ModelMapping} makes the tree, and this streams it to Jackson. */
final class TreeSerializer<T> extends JsonSerializer<T> {
  private final Class<T> type;
  private final ModelMapping mapping;

  TreeSerializer(Class<T> type, ModelMapping mapping) {
    this.type = type;
    this.mapping = mapping;
  }

  @Override
  public Class<T> handledType() {
    return type;
  }

  @Override
  public void serialize(T value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
    Object tree;
    try {
      tree = mapping.write(value);
    } catch (MappingException e) {
      throw JsonMappingException.from(gen, e.getMessage(), e);
    }
    write(gen, tree);
  }

  /** Streams a tree of maps, lists, strings, booleans and numbers; amounts as their exact decimal text. */
  static void write(JsonGenerator gen, @Nullable Object node) throws IOException {
    if (node == null) {
      gen.writeNull();
    } else if (node instanceof Map<?, ?> object) {
      gen.writeStartObject();
      for (Map.Entry<?, ?> member : object.entrySet()) {
        gen.writeFieldName((String) member.getKey());
        write(gen, member.getValue());
      }
      gen.writeEndObject();
    } else if (node instanceof List<?> array) {
      gen.writeStartArray();
      for (Object element : array) {
        write(gen, element);
      }
      gen.writeEndArray();
    } else if (node instanceof String text) {
      gen.writeString(text);
    } else if (node instanceof Boolean bool) {
      gen.writeBoolean(bool);
    } else if (node instanceof Long number) {
      gen.writeNumber(number);
    } else if (node instanceof Double number) {
      gen.writeNumber(number);
    } else if (node instanceof BigDecimal number) {
      // toString keeps the scale (12000.00, 1.2E+4) whatever the mapper's plain-BigDecimal setting: read back equal
      if (gen.canWriteFormattedNumbers()) {
        gen.writeNumber(number.toString());
      } else {
        gen.writeNumber(number);
      }
    } else {
      throw new IllegalStateException("not a JSON tree node: " + node.getClass().getName());
    }
  }
}
