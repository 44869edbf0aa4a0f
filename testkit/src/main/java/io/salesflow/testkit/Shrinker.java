package io.salesflow.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Delta debugging over a sequence: removes chunks, halving their size down to single elements, as long as what is
 * left still fails. The result is 1-minimal: removing any one element makes it pass.
 */
final class Shrinker {
  private static final int MAX_ATTEMPTS = 5_000;

  private Shrinker() {}

  /**
   * Returns a sub-sequence of {@code failing} (order kept) for which {@code fails} still holds.
   *
   * @param failing a sequence for which {@code fails} holds
   * @param fails whether a candidate still fails; called on fresh lists, at most a few thousand times
   */
  static <T> List<T> shrink(List<T> failing, Predicate<List<T>> fails) {
    List<T> current = List.copyOf(failing);
    int attempts = 0;
    int chunk = Math.max(1, current.size() / 2);
    while (attempts < MAX_ATTEMPTS && !current.isEmpty()) {
      boolean removed = false;
      int start = 0;
      while (start < current.size() && attempts < MAX_ATTEMPTS) {
        int end = Math.min(current.size(), start + chunk);
        List<T> candidate = new ArrayList<>(current.subList(0, start));
        candidate.addAll(current.subList(end, current.size()));
        attempts++;
        if (fails.test(List.copyOf(candidate))) {
          current = List.copyOf(candidate);
          removed = true;
        } else {
          start = end;
        }
      }
      if (!removed) {
        if (chunk == 1) {
          break;
        }
        chunk = Math.max(1, chunk / 2);
      } else {
        chunk = Math.max(1, Math.min(chunk, current.size() / 2));
      }
    }
    return current;
  }
}
