package io.salesflow;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Value checks with messages that name the argument, state the limit and show the bad value, cut and escaped by
 * {@link #quote(String)}. Plain null checks use {@link java.util.Objects#requireNonNull(Object, String)} with the
 * message {@code "<name> must not be null"}. The limits are {@link Deal.Limits}'s; its Javadoc is where users read
 * them.
 */
final class Checks {
  /** How many characters of a user's value a message shows. */
  static final int QUOTED_LENGTH = 64;

  /**
   * Printable ASCII ids that passed {@link #id}, by hash, the latest in each slot: the same string object passes
   * again without a scan. Shared by every thread without a lock: a slot holds null or a string that passed, and a
   * string that does not find itself in its slot is simply scanned again.
   */
  private static final String[] CHECKED_IDS = new String[256];

  private Checks() {}

  /** A null check whose message is built only when it fails: these checks run on every snapshot an engine makes. */
  private static void present(@Nullable Object value, String what) {
    if (value == null) {
      throw new NullPointerException(what + " must not be null");
    }
  }

  static String notBlank(String value, String what) {
    present(value, what);
    if (isBlank(value)) {
      throw new IllegalArgumentException(what + " must not be blank, but was " + quote(value));
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

  // ---------------------------------------------------------------- ids

  /**
   * Checks an id a user chose (a deal id, an idempotency key, a custom attribute key): not blank, at most
   * {@link Deal.Limits#MAX_ID_LENGTH} characters, and none of them a control, format or other invisible character
   * (see {@link #isInvisible(int)}), so that it fits every store and cannot forge a log line.
   *
   * @return {@code value}
   * @throws NullPointerException if {@code value} is null, naming {@code what}
   * @throws IllegalArgumentException if {@code value} breaks a rule, naming {@code what} and the rule
   */
  static String id(String value, String what) {
    // the very string checked before, a stage id of a process above all: every record an engine makes checks its
    // from and to, which are the process's own strings, and a string never changes
    if (value != null && CHECKED_IDS[value.hashCode() & (CHECKED_IDS.length - 1)] == value) {
      return value;
    }
    present(value, what);
    int length = value.length();
    if (length > Deal.Limits.MAX_ID_LENGTH) {
      throw tooLong(value, what, Deal.Limits.MAX_ID_LENGTH);
    }
    for (int i = 0; i < length; i++) { // printable ASCII without spaces, the usual id: nothing more to check
      char c = value.charAt(i);
      if (c <= ' ' || c >= 0x7f) {
        return idBeyondPrintableAscii(value, what);
      }
    }
    if (length == 0) {
      throw new IllegalArgumentException(what + " must not be blank, but was " + quote(value));
    }
    CHECKED_IDS[value.hashCode() & (CHECKED_IDS.length - 1)] = value;
    return value;
  }

  // the rest of id(), out of line so that the usual case stays small enough for the JIT to inline
  private static String idBeyondPrintableAscii(String value, String what) {
    int length = value.length();
    boolean blank = true;
    for (int i = 0; i < length; i++) {
      char c = value.charAt(i);
      if (c > ' ' && c < 0x7f) { // printable ASCII, the usual id: no look-up
        blank = false;
      } else if (c != ' ') {
        int codePoint = value.codePointAt(i);
        if (isInvisible(codePoint)) { // an unpaired surrogate is its own code point, of type SURROGATE
          throw invisible(value, what, i, codePoint);
        }
        blank &= Character.isWhitespace(codePoint);
        i += Character.charCount(codePoint) - 1;
      }
    }
    if (blank) {
      throw new IllegalArgumentException(what + " must not be blank, but was " + quote(value));
    }
    return value;
  }

  /**
   * Checks the id of a process, stage or event type: at most {@link Deal.Limits#MAX_ID_LENGTH} characters of
   * lower-case kebab-case (letters, digits and single dashes).
   */
  static String kebabId(String value, String what) {
    present(value, what);
    if (value.length() > Deal.Limits.MAX_ID_LENGTH) {
      throw tooLong(value, what, Deal.Limits.MAX_ID_LENGTH);
    }
    if (isKebabCase(value)) { // never blank, so the blank check's scan is only needed to word a failure
      return value;
    }
    notBlank(value, what);
    throw new IllegalArgumentException(
        what + " must be lower-case kebab-case (letters, digits and single dashes), but was " + quote(value));
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

  /**
   * Returns whether a code point is one an id must not hold: a control character (NUL, CR, LF, ESC, DEL, C1
   * controls), a format character (zero-width spaces and joiners, bidirectional controls, the byte order mark, soft
   * hyphens, tags), a line or paragraph separator, or a surrogate (the caller sees only unpaired ones).
   */
  static boolean isInvisible(int codePoint) {
    switch (Character.getType(codePoint)) {
      case Character.CONTROL:
      case Character.FORMAT:
      case Character.LINE_SEPARATOR:
      case Character.PARAGRAPH_SEPARATOR:
      case Character.SURROGATE:
        return true;
      default:
        return false;
    }
  }

  private static IllegalArgumentException invisible(String value, String what, int index, int codePoint) {
    return new IllegalArgumentException(what + " must not contain control or invisible characters (such as NUL,"
        + " CR, LF, escape, zero-width or bidirectional marks, line separators or unpaired surrogates), but has "
        + String.format("U+%04X", codePoint) + " at index " + index + ": " + quote(value));
  }

  private static IllegalArgumentException tooLong(String value, String what, int limit) {
    return new IllegalArgumentException(what + " must be at most " + limit + " characters long, but has "
        + value.length() + ": " + quote(value));
  }

  // ---------------------------------------------------------------- text and custom attributes

  /** Checks free text (a reason, a detail, a custom attribute's value): at most {@link Deal.Limits#MAX_TEXT_LENGTH}. */
  static String text(String value, String what) {
    present(value, what);
    if (value.length() > Deal.Limits.MAX_TEXT_LENGTH) {
      throw tooLong(value, what, Deal.Limits.MAX_TEXT_LENGTH);
    }
    return value;
  }

  /** {@link #text} that must not be blank either. */
  static String notBlankText(String value, String what) {
    return notBlank(text(value, what), what);
  }

  /** Checks a custom attribute's key, with {@link #id}'s rules. */
  static String attributeKey(@Nullable String key, String where) {
    if (key == null) {
      throw new NullPointerException("a custom attribute key " + where + " must not be null");
    }
    return id(key, "custom attribute key " + where);
  }

  /** Checks a custom attribute's value, naming its key: present and at most the text length. */
  static String attributeValue(@Nullable String value, String key, String where) {
    String what = "value of custom attribute " + quote(key) + " " + where;
    present(value, what);
    return text(value, what);
  }

  /**
   * Checks the custom attributes of {@code where} (every key and value, and their number) and copies them, in
   * their iteration order.
   *
   * @return an unmodifiable copy
   */
  static Map<String, String> attributes(Map<String, String> attributes, String where) {
    present(attributes, "attributes " + where);
    if (attributes.size() > Deal.Limits.MAX_ATTRIBUTES) {
      throw tooManyAttributes(attributes.size(), where);
    }
    Map<String, String> copy = new LinkedHashMap<>();
    for (Map.Entry<String, String> entry : attributes.entrySet()) {
      String key = attributeKey(entry.getKey(), where);
      copy.put(key, attributeValue(entry.getValue(), key, where));
    }
    return java.util.Collections.unmodifiableMap(copy);
  }

  /** The failure for a list of facts that would grow past {@link Deal.Limits#MAX_ATTRIBUTES}. */
  static IllegalArgumentException tooMany(String what, int count) {
    return new IllegalArgumentException(what + " of a deal must be at most " + Deal.Limits.MAX_ATTRIBUTES
        + ", but there would be " + count);
  }

  static IllegalArgumentException tooManyAttributes(int count, String where) {
    return new IllegalArgumentException("custom attributes " + where + " must be at most "
        + Deal.Limits.MAX_ATTRIBUTES + ", but there are " + count);
  }

  // ---------------------------------------------------------------- numbers

  /**
   * Checks an amount: not negative, at most {@link Deal.Limits#MAX_AMOUNT_INTEGER_DIGITS} digits before the decimal
   * point and {@link Deal.Limits#MAX_AMOUNT_DECIMAL_PLACES} after it (trailing zeros aside). Fails fast on any
   * {@link BigDecimal}, however large its exponent, and never writes one out in full.
   */
  static BigDecimal amount(BigDecimal value, String what) {
    present(value, what);
    if (value.signum() < 0) {
      throw new IllegalArgumentException(what + " must not be negative, but was " + show(value));
    }
    int scale = value.scale();
    if (scale > Deal.Limits.MAX_AMOUNT_DECIMAL_PLACES
        && significantScale(value) > Deal.Limits.MAX_AMOUNT_DECIMAL_PLACES) {
      throw new IllegalArgumentException(what + " must have at most " + Deal.Limits.MAX_AMOUNT_DECIMAL_PLACES
          + " decimal places, but was " + show(value) + "; round it first, for example with setScale("
          + Deal.Limits.MAX_AMOUNT_DECIMAL_PLACES + ", RoundingMode.HALF_EVEN)");
    }
    long integerDigits = (long) value.precision() - scale; // long: a scale near Integer.MIN_VALUE overflows an int
    if (integerDigits > Deal.Limits.MAX_AMOUNT_INTEGER_DIGITS) {
      throw new IllegalArgumentException(what + " must have at most " + Deal.Limits.MAX_AMOUNT_INTEGER_DIGITS
          + " digits before the decimal point (less than 10^" + Deal.Limits.MAX_AMOUNT_INTEGER_DIGITS
          + "), but has " + integerDigits + ": " + show(value));
    }
    return value;
  }

  /** Checks a percentage: an {@link #amount} of at most 100. */
  static BigDecimal percent(BigDecimal value, String what) {
    amount(value, what);
    if (value.compareTo(BigDecimal.valueOf(100)) > 0) {
      throw new IllegalArgumentException(what + " must be a percentage from 0 to 100, but was " + show(value));
    }
    return value;
  }

  /** The scale without trailing zeros, worked out only for a short number: stripping a long one is slow. */
  private static int significantScale(BigDecimal value) {
    return value.precision() <= 64 ? value.stripTrailingZeros().scale() : value.scale();
  }

  /** A number as a message shows it: short numbers as {@link BigDecimal#toString()} writes them, never in full. */
  static String show(BigDecimal value) {
    int precision = value.precision();
    if (precision <= QUOTED_LENGTH) {
      return value.toString(); // scientific notation for a large exponent: "1E+999999999", not a billion zeros
    }
    return "a number of " + precision + " significant digits and scale " + value.scale();
  }

  /** Checks a count: from 0 to {@link Deal.Limits#MAX_COUNT}. */
  static int count(int value, String what) {
    if (value < 0 || value > Deal.Limits.MAX_COUNT) {
      throw new IllegalArgumentException(what + " must be between 0 and " + Deal.Limits.MAX_COUNT + ", but was "
          + value);
    }
    return value;
  }

  // ---------------------------------------------------------------- time

  /** Checks an instant: in years 1 to 9999 UTC, the range every store keeps. */
  static Instant time(Instant value, String what) {
    present(value, what);
    if (value.isBefore(Deal.Limits.EARLIEST_TIME) || value.isAfter(Deal.Limits.LATEST_TIME)) {
      throw new IllegalArgumentException(what + " must lie between " + Deal.Limits.EARLIEST_TIME + " and "
          + Deal.Limits.LATEST_TIME + " (years 1 to 9999, which every store keeps), but was " + value);
    }
    return value;
  }

  /** Checks a date: in years 1 to 9999. */
  static LocalDate date(LocalDate value, String what) {
    present(value, what);
    if (value.getYear() < 1 || value.getYear() > 9999) {
      throw new IllegalArgumentException(what + " must lie in the years 1 to 9999, but was " + value);
    }
    return value;
  }

  /** Checks a duration: positive and at most {@link Deal.Limits#MAX_DURATION}. */
  static Duration duration(Duration value, String what) {
    present(value, what);
    if (value.isNegative() || value.isZero() || value.compareTo(Deal.Limits.MAX_DURATION) > 0) {
      throw new IllegalArgumentException(what + " must be positive and at most " + Deal.Limits.MAX_DURATION.toDays()
          + " days, but was " + value);
    }
    return value;
  }

  // ---------------------------------------------------------------- messages

  /** How many items of a collection a message lists. */
  static final int LISTED_ITEMS = 20;

  /**
   * Returns a collection as a message lists it: {@code [a, b, c]}, the first {@value #LISTED_ITEMS} items only, with
   * how many more there are, so that a message about a large definition stays short.
   */
  static String listed(java.util.Collection<?> items) {
    return "[" + joined(items) + "]";
  }

  /** {@link #listed} without the brackets. */
  static String joined(java.util.Collection<?> items) {
    StringBuilder out = new StringBuilder();
    int shown = 0;
    for (Object item : items) {
      if (shown == LISTED_ITEMS) {
        out.append(", … ").append(items.size() - shown).append(" more");
        break;
      }
      out.append(shown == 0 ? "" : ", ").append(item);
      shown++;
    }
    return out.toString();
  }

  /**
   * Returns a user's value as a message shows it: in single quotes, cut after {@value #QUOTED_LENGTH} characters
   * (saying how long it was), with control and invisible characters, and backslashes, escaped Java-style (a
   * backslash and {@code n}, {@code r}, {@code t}, or {@code u} and four hex digits), so that a message or a log line
   * shows what was sent and cannot be forged by it.
   *
   * @param value any string, or null
   * @return {@code 'value'}, or {@code null} for null
   */
  static String quote(@Nullable String value) {
    if (value == null) {
      return "null";
    }
    int length = value.length();
    StringBuilder out = new StringBuilder(Math.min(length, QUOTED_LENGTH) + 24).append('\'');
    int i = 0;
    for (int shown = 0; i < length && shown < QUOTED_LENGTH; shown++) {
      char c = value.charAt(i);
      if (c >= ' ' && c < 0x7f && c != '\\') {
        out.append(c);
        i++;
        continue;
      }
      int codePoint = value.codePointAt(i);
      int width = Character.charCount(codePoint);
      if (c == '\\') {
        out.append("\\\\");
      } else if (c == '\n') {
        out.append("\\n");
      } else if (c == '\r') {
        out.append("\\r");
      } else if (c == '\t') {
        out.append("\\t");
      } else if (isInvisible(codePoint)) {
        for (int j = i; j < i + width; j++) { // a code point outside the BMP as its two escaped surrogates
          out.append(String.format("\\u%04X", (int) value.charAt(j)));
        }
      } else {
        out.appendCodePoint(codePoint);
      }
      i += width;
    }
    out.append(i < length ? "…'" : "'");
    if (i < length) {
      out.append(" (").append(length).append(" characters)");
    }
    return out.toString();
  }
}
