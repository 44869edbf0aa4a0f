package io.salesflow.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesflow.SalesProcess;
import io.salesflow.Stage;
import io.salesflow.StageKind;
import io.salesflow.analytics.FunnelReport;
import io.salesflow.analytics.FunnelReport.StageFunnel;
import io.salesflow.catalog.SalesCatalog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The demo's funnel pictures and tables say what a reader takes them to say. */
class FunnelPicturesTests {
  private static final Pattern BAND = Pattern.compile(
      "<polygon points=\"([0-9.]+),[0-9]+ ([0-9.]+),[0-9]+ ([0-9.]+),[0-9]+ ([0-9.]+),[0-9]+\" [^>]*><title>([^<:]+):");

  @Test
  void theFunnelIsTheMainPathAndTheSideStagesStandBesideIt() {
    SalesProcess process = SalesCatalog.sevenStepTextbook();
    assertThat(FunnelSvg.mainPath(process)).extracting(Stage::id).containsExactly("prospecting", "preparation",
        "approach", "presentation", "closing", "follow-up", "customer");
    assertThat(FunnelSvg.sideStages(process)).extracting(Stage::id).containsExactly("handling-objections", "nurture");
    String svg = FunnelSvg.draw(DocsGenerator.funnel(process));
    assertThat(bands(svg)).extracting(b -> b.stage).containsExactly("Prospecting", "Preparation", "Approach",
        "Presentation", "Closing", "Follow-up", "Customer");
    assertThat(svg).contains("Side stages", "<title>Handling objections: ", "<title>Nurture: ");
  }

  @Test
  void noFunnelWidensAlongItsMainPath() {
    for (SalesProcess process : SalesCatalog.all()) {
      List<Band> bands = bands(FunnelSvg.draw(DocsGenerator.funnel(process)));
      assertThat(bands).as(process.id()).hasSize(FunnelSvg.mainPath(process).size());
      for (int i = 0; i < bands.size(); i++) {
        assertThat(bands.get(i).bottom).as(process.id() + " " + bands.get(i).stage).isLessThanOrEqualTo(
            bands.get(i).top + 0.01);
        if (i > 0) {
          assertThat(bands.get(i).top).as(process.id() + " " + bands.get(i).stage).isLessThanOrEqualTo(
              bands.get(i - 1).bottom + 0.01);
        }
      }
    }
  }

  @Test
  void simulatedDealsSpendBelievableTimesInEveryStage() {
    for (SalesProcess process : SalesCatalog.all()) {
      FunnelReport report = DocsGenerator.funnel(process);
      for (StageFunnel stage : report.stages()) {
        if (stage.stage().kind() == StageKind.OPEN || stage.stage().kind() == StageKind.POST_SALE) {
          assertThat(stage.medianTimeInStage()).as(process.id() + " " + stage.stage().id()).isPresent()
              .get().matches(d -> d.compareTo(Duration.ofHours(12)) >= 0, "at least 12 hours");
        }
      }
    }
    assertThat(DocsGenerator.funnel(SalesCatalog.fiveStep()).stage("closing").medianTimeInStage()).get()
        .matches(d -> d.compareTo(Duration.ofDays(1)) >= 0, "at least a day");
  }

  @Test
  void theLegendExplainsEveryColumnOfTheTable() {
    String header = FunnelPrinter.table(DocsGenerator.funnel(SalesCatalog.fiveStep())).lines().findFirst()
        .orElseThrow();
    String legend = FunnelPrinter.legend();
    for (String column : Arrays.stream(header.trim().split(" +")).distinct().filter(c -> !c.equals("stage"))
        .toList()) {
      assertThat(legend).as("the legend explains column '%s'", column).containsPattern("(?m)^ +" + column + " ");
    }
    assertThat(legend).contains("not advanced / entered");
  }

  private record Band(String stage, double top, double bottom) {}

  private static List<Band> bands(String svg) {
    List<Band> bands = new ArrayList<>();
    Matcher m = BAND.matcher(svg);
    while (m.find()) {
      double top = Double.parseDouble(m.group(2)) - Double.parseDouble(m.group(1));
      double bottom = Double.parseDouble(m.group(3)) - Double.parseDouble(m.group(4));
      bands.add(new Band(m.group(5), top, bottom));
    }
    return bands;
  }
}
