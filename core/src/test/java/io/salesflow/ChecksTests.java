package io.salesflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ChecksTests {
  /** The regular expression the scan replaced, kept as the oracle. */
  static final java.util.regex.Pattern KEBAB = java.util.regex.Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");


  @Test
  void kebabCaseScanAgreesWithTheIdPatternOnHandPickedIds() {
    for (String id : new String[] {"a", "0", "qualifying", "handling-objections", "seven-step-2", "a-b-c", "", "-",
        "-a", "a-", "a--b", "A", "a_b", "a b", "é", "a-B", "7-", "x-1-y"}) {
      assertThat(Checks.isKebabCase(id)).as(id).isEqualTo(KEBAB.matcher(id).matches());
    }
  }

  @Test
  void kebabCaseScanAgreesWithTheIdPatternOnRandomStrings() {
    SplittableRandom random = new SplittableRandom(20261123L);
    char[] alphabet = {'a', 'z', 'm', '0', '9', '-', '-', 'A', '_', ' ', '.'};
    for (int i = 0; i < 20_000; i++) {
      char[] chars = new char[random.nextInt(7)];
      for (int j = 0; j < chars.length; j++) {
        chars[j] = alphabet[random.nextInt(alphabet.length)];
      }
      String id = new String(chars);
      assertThat(Checks.isKebabCase(id)).as("'%s'", id).isEqualTo(KEBAB.matcher(id).matches());
    }
  }

  @Test
  void refusesABadIdWhoseHashIsThatOfAnIdCheckedBefore() {
    String good = "B(";
    String bad = "C\t";
    assertThat(bad.hashCode()).isEqualTo(good.hashCode());
    assertThat(Checks.id(good, "stage id")).isSameAs(good);
    assertThat(Checks.id(good, "stage id")).isSameAs(good);
    assertThatThrownBy(() -> Checks.id(bad, "stage id")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("stage id");
    assertThatThrownBy(() -> Checks.id(null, "stage id")).isInstanceOf(NullPointerException.class)
        .hasMessage("stage id must not be null");
    String blank = "";
    assertThatThrownBy(() -> Checks.id(blank, "stage id")).isInstanceOf(IllegalArgumentException.class);
    assertThat(Checks.id(new String(good.toCharArray()), "stage id")).isEqualTo(good);
  }

  @Test
  void refusesAnIdThatIsTooLongOrInvisibleEvenAfterAnEqualLookingOnePassed() {
    String longId = "a".repeat(Deal.Limits.MAX_ID_LENGTH);
    assertThat(Checks.id(longId, "deal id")).isSameAs(longId);
    assertThat(Checks.id(longId, "deal id")).isSameAs(longId);
    assertThatThrownBy(() -> Checks.id(longId + "a", "deal id")).isInstanceOf(IllegalArgumentException.class);
    assertThat(Checks.id("d-1", "deal id")).isEqualTo("d-1");
    assertThatThrownBy(() -> Checks.id("d-1\u200b", "deal id")).isInstanceOf(IllegalArgumentException.class);
  }
}
