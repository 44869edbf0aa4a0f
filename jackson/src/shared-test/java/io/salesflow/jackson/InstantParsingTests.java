package io.salesflow.jackson;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The mapping reads instants as {@link Instant#parse} does, on its fast path for the form instants are written in. */
class InstantParsingTests {

  @Test
  void readsInstantsExactlyAsInstantParseDoesAndRefusesWhatItRefuses() {
    List<String> texts = new ArrayList<>(List.of("2026-11-02T09:00:00Z", "2026-11-02T09:00:00.5Z",
        "2026-11-02T09:00:00.123Z", "2026-11-02T09:00:00.123456Z", "2026-11-02T09:00:00.123456789Z",
        "1970-01-01T00:00:00Z", "1969-12-31T23:59:59.999999999Z", "0000-01-01T00:00:00Z", "9999-12-31T23:59:59Z",
        "2024-02-29T12:00:00Z", "2023-02-29T12:00:00Z", "2026-04-31T00:00:00Z", "2026-13-01T00:00:00Z",
        "2026-00-01T00:00:00Z", "2026-11-00T00:00:00Z", "2026-11-02T24:00:00Z", "2026-11-02T09:60:00Z",
        "2026-11-02T09:00:60Z", "2026-11-02T09:00:00.Z", "2026-11-02T09:00:00.1234567890Z",
        "+12026-11-02T09:00:00Z", "-0001-11-02T09:00:00Z", "2026-11-02T09:00:00+01:00", "2026-11-02T09:00Z",
        "2026-11-02t09:00:00z", "2026-11-02 09:00:00Z", "2026-1a-02T09:00:00Z", "2026-11-02T09:00:00.12a4Z",
        "2026-11-02T09:00:00.-1Z", "2026-11-02T09:00:00", "", "not an instant, not at all", "2026/11/02T09:00:00Z"));
    java.util.Random random = new java.util.Random(22);
    for (int i = 0; i < 4_000; i++) {
      long seconds = random.nextLong(-62_167_219_200L - 86_400, 253_402_300_800L + 86_400);
      int nanos = switch (i % 4) {
        case 0 -> 0;
        case 1 -> random.nextInt(1_000) * 1_000_000;
        case 2 -> random.nextInt(1_000_000) * 1_000;
        default -> random.nextInt(1_000_000_000);
      };
      texts.add(Instant.ofEpochSecond(seconds, nanos).toString());
    }

    for (String text : texts) {
      assertThat(outcome(ModelMapping::parseInstant, text)).as(text).isEqualTo(outcome(Instant::parse, text));
    }
  }

  /** What a parser makes of a text: the instant, or the class of the exception it throws. */
  private static Object outcome(java.util.function.Function<String, Instant> parser, String text) {
    try {
      return parser.apply(text);
    } catch (RuntimeException e) {
      return e.getClass();
    }
  }
}
