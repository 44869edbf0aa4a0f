package io.salesflow.examples;

import io.salesflow.SalesProcess;
import io.salesflow.Stage;
import io.salesflow.StageKind;
import io.salesflow.Transition;
import io.salesflow.analytics.FunnelReport;
import io.salesflow.analytics.FunnelReport.StageFunnel;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Draws a funnel report as an SVG funnel of the main path, with the side stages beside it.
 *
 * <p>The funnel is the main path: the stages of the shortest path from the initial stage to the won stage, and any
 * post-sale stage, one band each, as wide as the deals that entered the stage and narrowing to the deals that
 * entered the next one. Side stages (objection handling off the path, nurture) are where deals go and come back
 * from; drawn as bands they would pinch the funnel and widen it again, so they get a bar list of their own to the
 * right, on the same scale. Lost stages are left out: what leaves the funnel is the narrowing.
 */
final class FunnelSvg {
  private static final int WIDTH = 960;
  private static final int BAND = 46;
  private static final int GAP = 10;
  private static final int TOP = 92;
  private static final int LEFT = 24;
  private static final int FUNNEL = 380;
  private static final int LABELS = LEFT + FUNNEL + 20;
  private static final int SIDE = 716;
  private static final int SIDE_BAR = WIDTH - 24 - SIDE - 16;

  private FunnelSvg() {}

  /** The stages the funnel draws, in order: the shortest path from the initial stage to a won stage, post-sale. */
  static List<Stage> mainPath(SalesProcess process) {
    Set<String> path = new LinkedHashSet<>();
    path.add(process.initialStage().id());
    for (Map.Entry<String, List<Transition>> entry
        : process.graph().shortestPathsFrom(process.initialStage().id()).entrySet()) {
      if (process.stage(entry.getKey()).kind() == StageKind.WON) {
        entry.getValue().forEach(t -> path.add(t.target()));
        break;
      }
    }
    List<Stage> stages = new ArrayList<>();
    path.forEach(id -> stages.add(process.stage(id)));
    // post-sale stages off the shortest path still belong to the funnel: just before the won stage
    int won = stages.isEmpty() || stages.get(stages.size() - 1).kind() != StageKind.WON ? stages.size()
        : stages.size() - 1;
    for (Stage stage : process.stages(StageKind.POST_SALE)) {
      if (!path.contains(stage.id())) {
        stages.add(won++, stage);
      }
    }
    return List.copyOf(stages);
  }

  /** The stages beside the funnel: neither on the main path nor lost. */
  static List<Stage> sideStages(SalesProcess process) {
    List<Stage> main = mainPath(process);
    return process.stages().stream().filter(s -> s.kind() != StageKind.LOST && !main.contains(s)).toList();
  }

  static String draw(FunnelReport report) {
    List<StageFunnel> rows = mainPath(report.process()).stream().map(s -> report.stage(s.id())).toList();
    List<StageFunnel> side = sideStages(report.process()).stream().map(s -> report.stage(s.id())).toList();
    int max = Math.max(1, report.stages().stream().mapToInt(StageFunnel::entered).max().orElse(1));
    int height = TOP + Math.max(rows.size(), side.size()) * (BAND + GAP) + 72;
    StringBuilder svg = new StringBuilder();
    svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
        + " viewBox=\"0 0 %d %d\" font-family=\"Helvetica, Arial, sans-serif\">%n", WIDTH, height, WIDTH, height));
    svg.append("  <rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
    svg.append(String.format(Locale.ROOT, "  <text x=\"%d\" y=\"40\" font-size=\"24\" font-weight=\"bold\""
        + " fill=\"#111827\">%s</text>%n", LEFT, escape(report.process().name())));
    svg.append(String.format(Locale.ROOT, "  <text x=\"%d\" y=\"66\" font-size=\"14\" fill=\"#4b5563\">%s</text>%n",
        LEFT, escape(FunnelPrinter.summary(report))));
    int centre = LEFT + FUNNEL / 2;
    for (int i = 0; i < rows.size(); i++) {
      StageFunnel s = rows.get(i);
      // the band narrows to the deals that entered the next stage of the main path
      int next = i + 1 < rows.size() ? rows.get(i + 1).entered() : s.entered();
      double top = Math.max(6, (double) s.entered() / max * FUNNEL);
      double bottom = Math.max(6, (double) next / max * FUNNEL);
      int y = TOP + i * (BAND + GAP);
      String fill = s.stage().kind() == StageKind.WON ? "#16a34a"
          : s.stage().kind() == StageKind.POST_SALE ? "#0ea5e9" : shade(i, rows.size());
      svg.append(String.format(Locale.ROOT, "  <polygon points=\"%.1f,%d %.1f,%d %.1f,%d %.1f,%d\" fill=\"%s\">"
          + "<title>%s: %d entered</title></polygon>%n", centre - top / 2, y, centre + top / 2, y,
          centre + bottom / 2, y + BAND, centre - bottom / 2, y + BAND, fill, escape(s.stage().name()),
          s.entered()));
      // the count sits half-way down the band, inside where the band is wide enough there
      double middle = (top + bottom) / 2;
      boolean inside = middle >= 56;
      svg.append(String.format(Locale.ROOT, "  <text x=\"%.1f\" y=\"%d\" font-size=\"14\" text-anchor=\"%s\""
          + " fill=\"%s\" font-weight=\"bold\">%,d</text>%n", inside ? centre : centre + middle / 2 + 8,
          y + BAND / 2 + 5, inside ? "middle" : "start", inside ? "#ffffff" : "#111827", s.entered()));
      svg.append(String.format(Locale.ROOT, "  <text x=\"%d\" y=\"%d\" font-size=\"15\" fill=\"#111827\">%s</text>%n",
          LABELS, y + 19, escape(s.stage().name())));
      String detail = s.stage().kind() == StageKind.WON ? "won"
          : FunnelPrinter.percent(s.conversion()) + " converted · " + s.lost() + " lost · median "
              + FunnelPrinter.duration(s.medianTimeInStage()) + (s.stalledNow() > 0 ? " · " + s.stalledNow()
              + " stalled" : "");
      svg.append(String.format(Locale.ROOT, "  <text x=\"%d\" y=\"%d\" font-size=\"12\" fill=\"#6b7280\">%s</text>%n",
          LABELS, y + 37, escape(detail)));
    }
    if (!side.isEmpty()) {
      svg.append(String.format(Locale.ROOT, "  <line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#e5e7eb\"/>%n",
          SIDE - 16, TOP - 4, SIDE - 16, TOP + side.size() * (BAND + GAP) - GAP));
      svg.append(String.format(Locale.ROOT, "  <text x=\"%d\" y=\"%d\" font-size=\"13\" font-weight=\"bold\""
          + " fill=\"#92400e\">Side stages</text>%n", SIDE, TOP - 10));
    }
    for (int i = 0; i < side.size(); i++) {
      StageFunnel s = side.get(i);
      int y = TOP + i * (BAND + GAP);
      double bar = Math.max(3, (double) s.entered() / max * SIDE_BAR);
      svg.append(String.format(Locale.ROOT, "  <text x=\"%d\" y=\"%d\" font-size=\"13\" fill=\"#111827\">%s</text>%n",
          SIDE, y + 12, escape(s.stage().name())));
      svg.append(String.format(Locale.ROOT, "  <rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"12\" fill=\"#f59e0b\">"
          + "<title>%s: %d entered</title></rect>%n", SIDE, y + 18, bar, escape(s.stage().name()), s.entered()));
      svg.append(String.format(Locale.ROOT, "  <text x=\"%.1f\" y=\"%d\" font-size=\"12\" font-weight=\"bold\""
          + " fill=\"#111827\">%,d</text>%n", SIDE + bar + 6, y + 29, s.entered()));
      svg.append(String.format(Locale.ROOT, "  <text x=\"%d\" y=\"%d\" font-size=\"11\" fill=\"#6b7280\">%s</text>%n",
          SIDE, y + 44, escape(FunnelPrinter.percent(s.conversion()) + " converted · median "
              + FunnelPrinter.duration(s.medianTimeInStage()))));
    }
    svg.append(String.format(Locale.ROOT, "  <text x=\"%d\" y=\"%d\" font-size=\"11\" fill=\"#9ca3af\">Band width:"
        + " deals that entered the stage; each band narrows to the deals that entered the next stage of the main"
        + " path.</text>%n", LEFT, height - 36));
    svg.append(String.format(Locale.ROOT, "  <text x=\"%d\" y=\"%d\" font-size=\"11\" fill=\"#9ca3af\">%sSimulated"
        + " pipeline, Salesflow demo.</text>%n", LEFT, height - 20, side.isEmpty() ? ""
        : "Side stages: deals that went off the main path, on the same scale. "));
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
