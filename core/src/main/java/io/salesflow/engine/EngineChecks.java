package io.salesflow.engine;

import io.salesflow.Deal;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** Checks of the text callers give the engine: who did something, and why; the limits are {@link Deal.Limits}'. */
final class EngineChecks {
  private EngineChecks() {}

  /** An actor's or owner's name, held to the id limits: not blank, at most 255 characters, nothing invisible. */
  static String name(String value, String what) {
    return Deal.Limits.requireId(value, what);
  }

  /** An actor that may be left out: null, or a name. */
  static @Nullable String nameOrNull(@Nullable String value, String what) {
    return value == null ? null : name(value, what);
  }

  /** A reason for an administrative change: not blank, at most {@link Deal.Limits#MAX_TEXT_LENGTH} characters. */
  static String reason(String value) {
    Objects.requireNonNull(value, "reason must not be null");
    if (value.isBlank()) {
      throw new IllegalArgumentException("reason must not be blank, but was " + Deal.Limits.quote(value)
          + "; say why, for the deal's history");
    }
    if (value.length() > Deal.Limits.MAX_TEXT_LENGTH) {
      throw new IllegalArgumentException("reason must be at most " + Deal.Limits.MAX_TEXT_LENGTH + " characters, but"
          + " was " + value.length() + " characters: " + Deal.Limits.quote(value));
    }
    return value;
  }
}
