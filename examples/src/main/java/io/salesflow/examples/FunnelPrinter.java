package io.salesflow.examples;

import io.salesflow.StageKind;
import io.salesflow.analytics.FunnelReport;
import io.salesflow.analytics.FunnelReport.Breakdown;
import io.salesflow.analytics.FunnelReport.StageFunnel;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

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
}
