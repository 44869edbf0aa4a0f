package io.salesflow.examples;

import io.salesflow.StageKind;
import io.salesflow.analytics.FunnelReport;
import io.salesflow.analytics.FunnelReport.StageFunnel;
import java.util.List;
import java.util.Locale;

/** Draws a funnel report as an SVG funnel: one band per stage, as wide as the deals that entered it. */
final class FunnelSvg {
  private static final int WIDTH = 960;
  private static final int BAND = 46;
  private static final int GAP = 10;
  private static final int TOP = 92;
  private static final int FUNNEL = 560;

  private FunnelSvg() {}

  static String draw(FunnelReport report) {
    List<StageFunnel> rows = report.stages().stream().filter(s -> s.stage().kind() != StageKind.LOST).toList();
    int max = Math.max(1, rows.stream().mapToInt(StageFunnel::entered).max().orElse(1));
    int height = TOP + rows.size() * (BAND + GAP) + 60;
    StringBuilder svg = new StringBuilder();
    svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
        + " viewBox=\"0 0 %d %d\" font-family=\"Helvetica, Arial, sans-serif\">%n", WIDTH, height, WIDTH, height));
    svg.append("  <rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
    svg.append(String.format(Locale.ROOT, "  <text x=\"24\" y=\"40\" font-size=\"24\" font-weight=\"bold\""
        + " fill=\"#111827\">%s</text>%n", escape(report.process().name())));
    svg.append(String.format(Locale.ROOT, "  <text x=\"24\" y=\"66\" font-size=\"14\" fill=\"#4b5563\">%s</text>%n",
        escape(FunnelPrinter.summary(report))));
    int centre = 24 + FUNNEL / 2;
    for (int i = 0; i < rows.size(); i++) {
      StageFunnel s = rows.get(i);
      // the band narrows to the deals that went on to a later stage of the pipeline
      int onwards = s.stage().kind() == StageKind.WON ? s.entered() : s.reachedLaterStage();
      double top = Math.max(6, (double) s.entered() / max * FUNNEL);
      double bottom = Math.max(6, (double) onwards / max * FUNNEL);
      int y = TOP + i * (BAND + GAP);
      String fill = s.stage().kind() == StageKind.WON ? "#16a34a"
          : s.stage().kind() == StageKind.POST_SALE ? "#0ea5e9" : shade(i, rows.size());
      svg.append(String.format(Locale.ROOT, "  <polygon points=\"%.1f,%d %.1f,%d %.1f,%d %.1f,%d\" fill=\"%s\">"
          + "<title>%s: %d entered</title></polygon>%n", centre - top / 2, y, centre + top / 2, y,
          centre + bottom / 2, y + BAND, centre - bottom / 2, y + BAND, fill, escape(s.stage().name()),
          s.entered()));
      boolean inside = Math.min(top, bottom) >= 56;
      svg.append(String.format(Locale.ROOT, "  <text x=\"%.1f\" y=\"%d\" font-size=\"14\" text-anchor=\"%s\""
          + " fill=\"%s\" font-weight=\"bold\">%,d</text>%n", inside ? centre : centre + top / 2 + 8,
          y + BAND / 2 + 5, inside ? "middle" : "start", inside ? "#ffffff" : "#111827", s.entered()));
      int x = 24 + FUNNEL + 24;
      svg.append(String.format(Locale.ROOT, "  <text x=\"%d\" y=\"%d\" font-size=\"15\" fill=\"#111827\">%s</text>%n",
          x, y + 19, escape(s.stage().name())));
      String detail = s.stage().kind() == StageKind.WON ? "won"
          : "conversion " + FunnelPrinter.percent(s.conversion()) + " · lost " + s.lost() + " · median "
              + FunnelPrinter.duration(s.medianTimeInStage()) + (s.stalledNow() > 0 ? " · stalled " + s.stalledNow()
              : "");
      svg.append(String.format(Locale.ROOT, "  <text x=\"%d\" y=\"%d\" font-size=\"12\" fill=\"#6b7280\">%s</text>%n",
          x, y + 37, escape(detail)));
    }
    svg.append(String.format(Locale.ROOT, "  <text x=\"24\" y=\"%d\" font-size=\"11\" fill=\"#9ca3af\">Band width:"
        + " deals that entered the stage. Simulated pipeline, Salesflow demo.</text>%n", height - 20));
    return svg.append("</svg>\n").toString();
  }

  private static String shade(int i, int n) {
    int light = 35 + (int) (30.0 * i / Math.max(1, n - 1));
    return "hsl(221, 70%, " + light + "%)";
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
