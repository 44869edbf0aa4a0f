package io.salesflow.engine;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** Checks of the text callers give the engine: who did something, and why. */
final class EngineChecks {
  /** The longest actor or owner name: what every store keeps in an indexed column. */
  static final int MAX_NAME_LENGTH = 255;
  /** The longest reason for an override or a migration. */
  static final int MAX_REASON_LENGTH = 2_000;

  private EngineChecks() {}

  /** An actor's or owner's name: not blank, at most 255 characters, no control characters. */
  static String name(String value, String what) {
    Objects.requireNonNull(value, what + " must not be null");
    if (value.isBlank()) {
      throw new IllegalArgumentException(what + " must not be blank, but was '" + value + "'");
    }
    if (value.length() > MAX_NAME_LENGTH) {
      throw new IllegalArgumentException(what + " must be at most " + MAX_NAME_LENGTH + " characters, but was "
          + value.length() + " characters: '" + value.substring(0, 40) + "…'");
    }
    for (int i = 0; i < value.length(); i++) {
      if (Character.isISOControl(value.charAt(i))) {
        throw new IllegalArgumentException(what + " must not contain control characters, but has one at index " + i
            + ": '" + value.replaceAll("\\p{Cntrl}", "?") + "'");
      }
    }
    return value;
  }

  /** An actor that may be left out: null, or a name. */
  static @Nullable String nameOrNull(@Nullable String value, String what) {
    return value == null ? null : name(value, what);
  }

  /** A reason for an administrative change: not blank, at most 2,000 characters. */
  static String reason(String value) {
    Objects.requireNonNull(value, "reason must not be null");
    if (value.isBlank()) {
      throw new IllegalArgumentException("reason must not be blank, but was '" + value
          + "'; say why, for the deal's history");
    }
    if (value.length() > MAX_REASON_LENGTH) {
      throw new IllegalArgumentException("reason must be at most " + MAX_REASON_LENGTH + " characters, but was "
          + value.length() + " characters: '" + value.substring(0, 40) + "…'");
    }
    return value;
  }
}
