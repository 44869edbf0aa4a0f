package io.salesflow.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ShrinkerTests {

  @Test
  void shrinksToTheFewElementsThatMakeTheFailure() {
    List<Integer> failing = IntStream.range(0, 100).boxed().toList();

    List<Integer> shrunk = Shrinker.shrink(failing, l -> l.contains(17) && l.contains(63) && l.contains(64));

    assertThat(shrunk).containsExactly(17, 63, 64);
  }

  @Test
  void keepsTheOrderOfWhatIsLeft() {
    List<Integer> failing = List.of(5, 9, 1, 7, 3, 8);

    List<Integer> shrunk = Shrinker.shrink(failing, l -> l.indexOf(7) >= 0 && l.indexOf(1) >= 0
        && l.indexOf(7) > l.indexOf(1));

    assertThat(shrunk).containsExactly(1, 7);
  }

  @Test
  void shrinksToNothingWhenTheFailureNeedsNoElements() {
    assertThat(Shrinker.shrink(List.of(1, 2, 3), l -> true)).isEmpty();
  }
}
