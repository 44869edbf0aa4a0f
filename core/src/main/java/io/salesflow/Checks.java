package io.salesflow;

/** Argument checks with messages that name the argument and show the bad value. */
final class Checks {
  private Checks() {}

  static <T> T notNull(T value, String what) {
    // no message supplier: a capturing lambda would be allocated on every call where the JIT does not inline it
    if (value == null) {
      throw new NullPointerException(what + " must not be null");
    }
    return value;
  }

  static String notBlank(String value, String what) {
    notNull(value, what);
    if (isBlank(value)) {
      throw new IllegalArgumentException(what + " must not be blank, but was '" + value + "'");
    }
    return value;
  }

  /**
   * {@link String#isBlank()} that answers from the first character for the usual id, which does not start with
   * whitespace: engines check ids on every event.
   */
  static boolean isBlank(String value) {
    return value.isEmpty() || Character.isWhitespace(value.charAt(0)) && value.isBlank();
  }

  static java.math.BigDecimal nonNegative(java.math.BigDecimal value, String what) {
    notNull(value, what);
    if (value.signum() < 0) {
      throw new IllegalArgumentException(what + " must not be negative, but was " + value.toPlainString());
    }
    return value;
  }

  static String id(String value, String what) {
    notNull(value, what);
    if (isKebabCase(value)) { // never blank, so the blank check's scan is only needed to word a failure
      return value;
    }
    notBlank(value, what);
    throw new IllegalArgumentException(
        what + " must be lower-case kebab-case (letters, digits and single dashes), but was '" + value + "'");
  }

  /**
   * Returns whether {@code value} matches {@code [a-z0-9]+(-[a-z0-9]+)*}, by a scan instead of the
   * regular expression: ids are checked several times per fired event, and a regex match allocates.
   */
  static boolean isKebabCase(String value) {
    boolean expectLetterOrDigit = true;
    for (int i = 0, n = value.length(); i < n; i++) {
      char c = value.charAt(i);
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        expectLetterOrDigit = false;
      } else if (c == '-' && !expectLetterOrDigit) {
        expectLetterOrDigit = true;
      } else {
        return false;
      }
    }
    return !expectLetterOrDigit;
  }
}
