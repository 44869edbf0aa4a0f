package io.salesflow.jackson2;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Reads one Salesflow type: this reads Jackson's tokens into a tree, and the shared {@link ModelMapping} maps it. */
final class TreeDeserializer<T> extends JsonDeserializer<T> {
  private final Class<T> type;
  private final ModelMapping mapping;

  TreeDeserializer(Class<T> type, ModelMapping mapping) {
    this.type = type;
    this.mapping = mapping;
  }

  @Override
  public Class<?> handledType() {
    return type;
  }

  @Override
  public @Nullable T deserialize(JsonParser p, DeserializationContext context) throws IOException {
    Object tree = read(p);
    if (tree == null) {
      return null;
    }
    try {
      return mapping.read(tree, type);
    } catch (MappingException.UnknownEventType e) {
      throw InvalidTypeIdException.from(p, e.getMessage(), context.constructType(type), e.typeId());
    } catch (MappingException e) {
      throw JsonMappingException.from(p, e.getMessage(), e);
    }
  }

  /**
   * Reads the value at the parser's token (or at the next one, at the start of the input) into a tree of maps,
   * lists, strings, booleans and {@code BigDecimal} numbers, parsed from their text so no digit is lost.
   */
  static @Nullable Object read(JsonParser p) throws IOException {
    JsonToken token = p.currentToken() == null ? p.nextToken() : p.currentToken();
    if (token == JsonToken.START_OBJECT || token == JsonToken.FIELD_NAME) {
      Map<String, Object> object = new LinkedHashMap<>();
      for (JsonToken t = token == JsonToken.START_OBJECT ? p.nextToken() : token; t == JsonToken.FIELD_NAME;
          t = p.nextToken()) {
        String name = p.currentName();
        p.nextToken();
        object.put(name, read(p));
      }
      return object;
    }
    if (token == JsonToken.START_ARRAY) {
      List<Object> array = new ArrayList<>();
      while (p.nextToken() != JsonToken.END_ARRAY) {
        array.add(read(p));
      }
      return array;
    }
    if (token == JsonToken.VALUE_STRING) {
      return p.getText();
    }
    if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
      return p.getDecimalValue();
    }
    if (token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE) {
      return token == JsonToken.VALUE_TRUE;
    }
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    throw JsonMappingException.from(p, "expected a JSON value, but found " + token);
  }
}
