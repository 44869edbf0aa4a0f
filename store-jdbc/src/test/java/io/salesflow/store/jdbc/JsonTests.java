package io.salesflow.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTests {

  @Test
  void readsBackWhatItWritesIncludingEveryCharacterThatNeedsEscaping() {
    StringBuilder all = new StringBuilder();
    for (char c = 0; c < 0x80; c++) {
      all.append(c);
    }
    all.append("é€😀\u2028");
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("text", all.toString());
    doc.put("key \"quoted\"", List.of(1, -2L, new BigDecimal("3.50"), true, false));
    doc.put("nothing", null);
    doc.put("nested", Map.of("empty", List.of(), "object", Map.of()));

    Object read = Json.read(Json.write(doc));

    assertThat(read).isInstanceOf(Map.class);
    Map<?, ?> map = (Map<?, ?>) read;
    assertThat(map.get("text")).isEqualTo(all.toString());
    assertThat(new java.util.ArrayList<Object>((List<?>) map.get("key \"quoted\""))).containsExactly(BigDecimal.ONE, new BigDecimal("-2"),
        new BigDecimal("3.50"), true, false);
    assertThat(map.containsKey("nothing")).isTrue();
    assertThat(map.get("nothing")).isNull();
    assertThat(map.get("nested")).isEqualTo(Map.of("empty", List.of(), "object", Map.of()));
  }

  @Test
  void readsWhitespaceAndEscapesWrittenByOtherTools() {
    assertThat(Json.read(" { \"a\" : [ \"\\u00e9\\/\\b\\f\" , null ] } ")).isEqualTo(
        Map.of("a", Arrays.asList("é/\b\f", null)));
  }

  @Test
  void namesThePositionOfMalformedInput() {
    assertThatThrownBy(() -> Json.read("{\"a\":1,}")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("position 7");
    assertThatThrownBy(() -> Json.read("{\"a\":1} x")).hasMessageContaining("after the document");
    assertThatThrownBy(() -> Json.read("\"open")).hasMessageContaining("end of document");
    assertThatThrownBy(() -> Json.read("[1 2]")).hasMessageContaining("expected ',' or ']'");
  }
}
