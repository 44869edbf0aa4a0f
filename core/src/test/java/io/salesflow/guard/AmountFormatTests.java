package io.salesflow.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Amounts in reasons read the same whether the fast path or the general format writes them. */
class AmountFormatTests {
  static final DecimalFormat REFERENCE = new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.ROOT));

  @Test
  void wholeAmountsAreGroupedByThousands() {
    assertThat(SalesGuards.amount(BigDecimal.ZERO)).isEqualTo("0");
    assertThat(SalesGuards.amount(new BigDecimal("999"))).isEqualTo("999");
    assertThat(SalesGuards.amount(new BigDecimal("4000"))).isEqualTo("4,000");
    assertThat(SalesGuards.amount(new BigDecimal("1234567"))).isEqualTo("1,234,567");
    assertThat(SalesGuards.amount(new BigDecimal("9999.99"))).isEqualTo("9,999.99");
    assertThat(SalesGuards.amount(new BigDecimal("1E+3"))).isEqualTo("1,000");
  }

  @Test
  void wholeAmountsAtEveryGroupBoundaryReadAsTheGeneralFormatWritesThem() {
    for (long power = 1, step = 0; step <= 18; power *= 10, step++) {
      for (long value : new long[] {power - 1, power, power + 1, 2 * power - 1}) {
        BigDecimal amount = BigDecimal.valueOf(value);
        if (amount.precision() <= 18) {
          assertThat(SalesGuards.amount(amount)).as("%s", value).isEqualTo(REFERENCE.format(amount));
        }
      }
    }
    assertThat(SalesGuards.amount(new BigDecimal("999999999999999999"))).isEqualTo("999,999,999,999,999,999");
    assertThat(SalesGuards.amount(new BigDecimal("1000"))).isEqualTo("1,000");
    assertThat(SalesGuards.amount(new BigDecimal("100000"))).isEqualTo("100,000");
    assertThat(SalesGuards.amount(new BigDecimal("1000000"))).isEqualTo("1,000,000");
  }

  @Test
  void agreesWithTheGeneralFormatOnRandomAmounts() {
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < 20_000; i++) {
      long whole = random.nextLong(0, Long.MAX_VALUE >> random.nextInt(0, 60));
      BigDecimal value = random.nextBoolean() ? BigDecimal.valueOf(whole) : BigDecimal.valueOf(whole, 2);
      assertThat(SalesGuards.amount(value)).as("%s", value).isEqualTo(REFERENCE.format(value));
    }
  }

  @Test
  void amountsOfFourToSixDigitsReadAsTheGeneralFormatWritesThemWithEveryZeroOfTheLastGroup() {
    for (long high = 1; high < 1_000; high = high < 20 ? high + 1 : high * 3 + 1) {
      for (long low : new long[] {0, 1, 9, 10, 11, 99, 100, 101, 110, 500, 909, 990, 999}) {
        BigDecimal amount = BigDecimal.valueOf(high * 1_000 + low);
        assertThat(SalesGuards.amount(amount)).as("%s", amount).isEqualTo(REFERENCE.format(amount));
      }
    }
    assertThat(SalesGuards.amount(new BigDecimal("999999"))).isEqualTo("999,999");
    assertThat(SalesGuards.amount(new BigDecimal("100009"))).isEqualTo("100,009");
    assertThat(SalesGuards.amount(new BigDecimal("4000.00"))).isEqualTo("4,000");
    assertThat(SalesGuards.amount(new BigDecimal("40E+3"))).isEqualTo("40,000");
  }

  @Test
  void anAmountWrittenIntoAReasonReadsAsTheAmountAloneBetweenTheSameWords() {
    SplittableRandom random = new SplittableRandom(11);
    java.util.List<BigDecimal> amounts = new java.util.ArrayList<>(java.util.List.of(BigDecimal.ZERO,
        new BigDecimal("999"), new BigDecimal("1000"), new BigDecimal("4000"), new BigDecimal("100009"),
        new BigDecimal("999999"), new BigDecimal("1000000"), new BigDecimal("4E+3"), new BigDecimal("1E+6"),
        new BigDecimal("4000.00"), new BigDecimal("9999.99"), new BigDecimal("0.000001"),
        new BigDecimal("999999999999999999")));
    for (int i = 0; i < 5_000; i++) {
      long whole = random.nextLong(0, 2_000_000);
      amounts.add(random.nextBoolean() ? BigDecimal.valueOf(whole) : BigDecimal.valueOf(whole, random.nextInt(0, 3)));
    }
    for (BigDecimal amount : amounts) {
      assertThat(SalesGuards.withAmount("budget: ", amount, " confirmed, at least 10,000 required")).as("%s", amount)
          .isEqualTo("budget: " + REFERENCE.format(amount) + " confirmed, at least 10,000 required");
    }
  }
}
