package io.salesflow;

/**
 * Value checks with messages that name the argument and show the bad value. Plain null checks use
 * {@link java.util.Objects#requireNonNull(Object, String)} with the message {@code "<name> must not be null"}.
 */
final class Checks {
  private Checks() {}

  /** A null check whose message is built only when it fails: these checks run on every snapshot an engine makes. */
  private static void present(Object value, String what) {
    if (value == null) {
      throw new NullPointerException(what + " must not be null");
    }
  }

  static String notBlank(String value, String what) {
    present(value, what);
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
    present(value, what);
    if (value.signum() < 0) {
      throw new IllegalArgumentException(what + " must not be negative, but was " + value.toPlainString());
    }
    return value;
  }

  static String id(String value, String what) {
    present(value, what);
    if (isKebabCase(value)) { // never blank, so the blank check's scan is only needed to word a failure
      return value;
    }
    notBlank(value, what);
    throw new IllegalArgumentException(
        what + " must be lower-case kebab-case (letters, digits and single dashes), but was '" + value + "'");
  }

  /** Returns whether {@code value} matches {@code [a-z0-9]+(-[a-z0-9]+)*}. */
  // a scan instead of the regular expression: ids are checked several times per fired event, and a match allocates
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
