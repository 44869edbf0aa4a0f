package io.salesflow.analytics;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Comma-separated values as RFC 4180 writes them: CRLF after every record, a field in double quotes when it holds a
 * comma, a double quote, a CR or an LF, and a double quote inside one doubled. Numbers are written in plain notation
 * with a dot, never grouped, so that spreadsheets in any locale read them back.
 */
final class Csv {
  private final StringBuilder out = new StringBuilder();

  /** Appends one record. */
  Csv row(Object... fields) {
    for (int i = 0; i < fields.length; i++) {
      if (i > 0) {
        out.append(',');
      }
      field(cell(fields[i]));
    }
    out.append("\r\n");
    return this;
  }

  /** Appends one record. */
  Csv row(List<?> fields) {
    return row(fields.toArray());
  }

  private void field(String value) {
    boolean quote = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\r') >= 0
        || value.indexOf('\n') >= 0;
    if (!quote) {
      out.append(value);
      return;
    }
    out.append('"').append(value.replace("\"", "\"\"")).append('"');
  }

  private static String cell(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof Optional<?> optional) {
      return optional.map(Csv::cell).orElse("");
    }
    if (value instanceof BigDecimal decimal) {
      return decimal.toPlainString();
    }
    if (value instanceof Double || value instanceof Float) {
      return BigDecimal.valueOf(((Number) value).doubleValue()).stripTrailingZeros().toPlainString();
    }
    if (value instanceof Enum<?> constant) {
      return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
    return value.toString();
  }

  @Override
  public String toString() {
    return out.toString();
  }
}
