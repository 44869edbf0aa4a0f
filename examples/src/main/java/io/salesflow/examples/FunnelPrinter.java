package io.salesflow.examples;

import io.salesflow.Stage;
import io.salesflow.StageKind;
import io.salesflow.analytics.FunnelReport;
import io.salesflow.analytics.FunnelReport.Breakdown;
import io.salesflow.analytics.FunnelReport.StageFunnel;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Renders a funnel report as an aligned text table with a bar per stage. */
final class FunnelPrinter {
  private static final int BAR = 28;

  private FunnelPrinter() {}

  /** What the columns of {@link #table(FunnelReport)} mean; printed once, before the first table. */
  static String legend() {
    return """
          How to read the funnel tables (one row per stage that is not lost):
            entered   deals that were ever in the stage; a deal that came back counts once
            advanced  of those, deals that last left it for a stage that is not lost: onwards, or back in a loop
            lost      deals that last left it straight into a lost stage: lost or disqualified there
            overr.    (only when a deal was overridden) deals that last left it by an override, or by a
                      migration into another stage: moved by hand, past the rules, never a conversion
            still     deals in it now; entered = advanced + lost + overr. + still
            conv      share of the deals that entered it that later reached a later stage that is not lost;
                      not advanced / entered: a deal sent back to an earlier stage and lost there counts as
                      advanced, but not as converted
            median    median time in the stage over completed stays, in hours (h) under two days, else days (d)
            p90       the 90th percentile of the same: one stay in ten took longer
            stalled   deals in it now for longer than the stage's stall threshold
            (bars)    the last column draws entered again, to scale
        """;
  }

  static String table(FunnelReport report) {
    StringBuilder out = new StringBuilder();
    List<StageFunnel> rows = report.stages().stream().filter(s -> s.stage().kind() != StageKind.LOST).toList();
    int nameWidth = Math.max(5, rows.stream().mapToInt(s -> s.stage().name().length()).max().orElse(5));
    int max = Math.max(1, rows.stream().mapToInt(StageFunnel::entered).max().orElse(1));
    boolean overrides = report.overrides() > 0 || rows.stream().anyMatch(s -> s.overridden() > 0);
    out.append(String.format(Locale.ROOT, "  %-" + nameWidth + "s %7s %8s %6s%s %6s %6s %7s %7s %7s  %s%n", "stage",
        "entered", "advanced", "lost", overrides ? String.format(Locale.ROOT, " %6s", "overr.") : "", "still",
        "conv", "median", "p90", "stalled", "entered"));
    for (StageFunnel s : rows) {
      int width = (int) Math.round((double) s.entered() / max * BAR);
      out.append(String.format(Locale.ROOT, "  %-" + nameWidth + "s %7d %8d %6d%s %6d %6s %7s %7s %7d  %s%n",
          s.stage().name(), s.entered(), s.advanced(), s.lost(),
          overrides ? String.format(Locale.ROOT, " %6d", s.overridden()) : "", s.stillThere(),
          s.stage().kind() == StageKind.WON ? "" : percent(s.conversion()),
          duration(s.medianTimeInStage()), duration(s.p90TimeInStage()), s.stalledNow(),
          "█".repeat(width) + (width == 0 && s.entered() > 0 ? "▏" : "")));
    }
    return out.toString();
  }

  static String summary(FunnelReport report) {
    return String.format(Locale.ROOT, "%,d deals: %,d won, %,d lost or disqualified, %,d open; win rate %s,"
        + " median cycle %s", report.deals(), report.won(), report.lost(), report.open(), percent(report.winRate()),
        duration(report.medianCycleTime()));
  }

  static String breakdown(String title, List<Breakdown> rows) {
    if (rows.isEmpty()) {
      return "";
    }
    StringBuilder out = new StringBuilder("  ").append(title).append(": ");
    for (int i = 0; i < rows.size(); i++) {
      Breakdown b = rows.get(i);
      out.append(i == 0 ? "" : ", ").append(b.value()).append(' ').append(percent(b.winRate()))
          .append(String.format(Locale.ROOT, " (%d of %d)", b.won(), b.won() + b.lost()));
    }
    return out.append('\n').toString();
  }

  static String top(String title, Map<String, Integer> counts, int limit) {
    StringBuilder out = new StringBuilder("  ").append(title).append(":\n");
    counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(limit)
        .forEach(e -> out.append(String.format(Locale.ROOT, "    %6d  %s%n", e.getValue(), e.getKey())));
    return out.toString();
  }

  static String percent(Optional<Double> share) {
    return share.map(v -> String.format(Locale.ROOT, "%.1f%%", v * 100)).orElse("-");
  }

  static String duration(Optional<Duration> duration) {
    if (duration.isEmpty()) {
      return "-";
    }
    Duration d = duration.get();
    return d.toHours() < 48 ? d.toHours() + "h" : String.format(Locale.ROOT, "%.1fd", d.toMinutes() / 1440.0);
  }

  /**
   * The forecast as a table: a row per month, the amounts per forecast category (won deals under closed) and the
   * weighted amount, then the totals.
   */
  static String forecast(FunnelReport.Forecast forecast) {
    List<Stage.ForecastCategory> categories = List.of(Stage.ForecastCategory.values());
    Map<String, Map<Stage.ForecastCategory, BigDecimal>> byMonth = new TreeMap<>();
    Map<String, BigDecimal> weighted = new TreeMap<>();
    for (FunnelReport.Forecast.Line line : forecast.lines()) {
      String month = line.month().map(YearMonth::toString).orElse(FunnelReport.Forecast.NO_MONTH);
      byMonth.computeIfAbsent(month, m -> new EnumMap<>(Stage.ForecastCategory.class))
          .merge(line.category(), line.amount(), BigDecimal::add);
      weighted.merge(month, line.weighted(), BigDecimal::add);
    }
    StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "  %-8s", "month"));
    categories.forEach(c -> out.append(String.format(Locale.ROOT, " %13s", c.label())));
    out.append(String.format(Locale.ROOT, " %13s%n", "weighted"));
    byMonth.forEach((month, amounts) -> {
      out.append(String.format(Locale.ROOT, "  %-8s", month));
      categories.forEach(c -> out.append(String.format(Locale.ROOT, " %,13.0f",
          amounts.getOrDefault(c, BigDecimal.ZERO))));
      out.append(String.format(Locale.ROOT, " %,13.0f%n", weighted.get(month)));
    });
    out.append(String.format(Locale.ROOT, "  weighted pipeline (open deals, amount x stage win probability): %,.0f"
        + " over %,d deals%n", forecast.weightedPipeline(), forecast.lines().stream()
            .filter(l -> l.category() != Stage.ForecastCategory.CLOSED).count()));
    out.append("  weighted pipeline by owner: ");
    List<FunnelReport.Forecast.Group> byRep = forecast.by(l -> l.category() == Stage.ForecastCategory.CLOSED ? "won"
        : l.owner().orElse(FunnelReport.Forecast.NO_OWNER));
    out.append(byRep.stream().filter(g -> !g.key().equals("won")).sorted(java.util.Comparator.comparing(
        FunnelReport.Forecast.Group::key)).map(g -> String.format(Locale.ROOT, "%s %,.0f", g.key(), g.weighted()))
        .collect(java.util.stream.Collectors.joining(", "))).append('\n');
    return out.toString();
  }

  /** Forecast accuracy: a row per closed month, the forecast at its start beside what was won in it. */
  static String accuracy(List<FunnelReport.Forecast.Accuracy> rows) {
    StringBuilder out = new StringBuilder("  forecast accuracy (forecast at the start of each month against what was"
        + " won in it):\n");
    out.append(String.format(Locale.ROOT, "  %-8s %8s %13s %13s %6s %13s %8s%n", "month", "deals", "weighted",
        "commit", "won", "amount won", "won/fc"));
    for (FunnelReport.Forecast.Accuracy row : rows) {
      out.append(String.format(Locale.ROOT, "  %-8s %8d %,13.0f %,13.0f %6d %,13.0f %8s%n", row.month(),
          row.forecastDeals(), row.forecastWeighted(), row.forecastCommit(), row.wonDeals(), row.won(),
          percent(row.wonToForecast())));
    }
    return out.toString();
  }

  /** The persistence report, a row per rep, and the published figures below. */
  static String persistence(FunnelReport.Persistence report) {
    StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "  %-10s %5s %8s %9s %10s %12s   %s%n", "owner",
        "won", "dropped", "f-ups/win", "wins>=5fu", "no rejection",
        "of drops after a rejection: after 1 / 2 / 3 / 4 / 5+"));
    for (FunnelReport.Persistence.Row row : report.rows()) {
      out.append(String.format(Locale.ROOT, "  %-10s %5d %8d %9s %10s %12s  ", row.team(), row.won(), row.dropped(),
          row.followUpsPerWin().map(v -> String.format(Locale.ROOT, "%.1f", v)).orElse("-"),
          percent(row.winsAfterFiveFollowUps()), percent(row.droppedShare(0))));
      for (int i = 1; i <= 5; i++) {
        out.append(String.format(Locale.ROOT, " %6s", percent(row.gaveUpShare(i))));
      }
      out.append('\n');
    }
    out.append(String.format(Locale.ROOT, "  %-10s %5s %8s %9s %10s %12s  ", "published", "", "", "",
        percent(Optional.of(FunnelReport.Persistence.PUBLISHED_SALES_NEEDING_FIVE_FOLLOW_UPS)), ""));
    for (Double share : FunnelReport.Persistence.PUBLISHED_GIVE_UP_AFTER_REJECTIONS) {
      out.append(String.format(Locale.ROOT, " %6s", percent(Optional.of(share))));
    }
    out.append(String.format(Locale.ROOT, "%n  published: “7-step sales process” (Lucidchart): 44%% of salespeople"
        + " give up after one rejection, 22%% after two, 14%% after three, 12%% after four; 80%% of sales need at"
        + " least five follow-ups%n"));
    return out.toString();
  }
}
