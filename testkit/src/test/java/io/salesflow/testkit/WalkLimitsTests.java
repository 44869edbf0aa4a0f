package io.salesflow.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Walk lengths are bounded, so a typo in a test cannot ask the generator for more memory than there is. */
class WalkLimitsTests {
  @ParameterizedTest
  @ValueSource(ints = {-1, 10_001, Integer.MAX_VALUE})
  void aWalkLengthOutsideZeroToTenThousandIsRefusedWithTheLimit(int length) {
    EventGenerator generator = EventGenerator.forProcess(TestProcesses.fieldSales());
    assertThatThrownBy(() -> generator.walk(new SplittableRandom(1), length))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxLength must be between 0 and 10000, but was " + length);
    assertThatThrownBy(() -> ProcessProperties.forProcess(TestProcesses.fieldSales()).maxSteps(length))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxSteps must be");
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 10_000})
  void walksUpToTheLimitStayInsideTheTimesEveryStoreKeeps(int length) {
    EventGenerator generator = EventGenerator.forProcess(TestProcesses.fieldSales());
    assertThat(generator.walk(new SplittableRandom(1), length)).hasSizeLessThanOrEqualTo(length);
  }
}
