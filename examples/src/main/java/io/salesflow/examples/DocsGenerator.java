package io.salesflow.examples;

import io.salesflow.SalesProcess;
import io.salesflow.analytics.FunnelReport;
import io.salesflow.catalog.SalesCatalog;
import io.salesflow.diagram.ProcessDiagrams;
import io.salesflow.diagram.ProcessDiagrams.Style;
import io.salesflow.engine.DealEngine;
import io.salesflow.store.DealStore;
import io.salesflow.testkit.ManualClock;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Writes the pictures under {@code docs/}: for every catalog process its readable diagram as Mermaid, DOT and
 * PlantUML ({@code docs/diagrams/<process>.mmd}, {@code .dot}, {@code .puml}) and the SVG funnel of the demo's
 * fixed-seed simulation ({@code docs/funnels/<process>.svg}), and {@code docs/README.md}, which shows them all.
 *
 * <p>Run {@value #COMMAND} from the repository root: {@code DocsTests} then writes what differs instead of failing
 * on it. (Maven's {@code exec:java} cannot do it in one command: with {@code -am} it runs in every module of the
 * reactor, and without it the sibling modules must be installed first.) From an IDE, run this class; its only
 * argument, if any, is the {@code docs} folder. The output depends on nothing but the code (no timestamps, the demo's
 * seed), so {@code DocsTests} can regenerate it in memory and fail when a committed file differs.
 */
public final class DocsGenerator {
  /** The one command that regenerates {@code docs/}, from the repository root. */
  static final String COMMAND = "./mvnw -B -q -pl examples -am test -Dtest=DocsTests"
      + " -Dsurefire.failIfNoSpecifiedTests=false -Ddocs.write=true";
  /** The folders under {@code docs/} whose every file this generator writes; a file it no longer writes is stale. */
  static final List<String> GENERATED_FOLDERS = List.of("diagrams", "funnels");

  private DocsGenerator() {}

  /** Writes {@code docs/} under the repository root, or under the folder given as the only argument. */
  public static void main(String[] args) throws IOException {
    Path docs = args.length > 0 ? Path.of(args[0]) : root().resolve("docs");
    write(docs, files(), new PrintStream(System.out, true, StandardCharsets.UTF_8));
  }

  /** Writes the files that differ or are missing under {@code docs}, removes stale ones and says what it did. */
  static void write(Path docs, Map<String, String> files, PrintStream console) throws IOException {
    for (String stale : stale(docs, files)) {
      Files.delete(docs.resolve(stale));
      console.println("removed docs/" + stale);
    }
    int changed = 0;
    for (Map.Entry<String, String> file : files.entrySet()) {
      Path path = docs.resolve(file.getKey());
      if (!Files.exists(path) || !Files.readString(path, StandardCharsets.UTF_8).equals(file.getValue())) {
        Files.createDirectories(path.getParent());
        Files.writeString(path, file.getValue(), StandardCharsets.UTF_8);
        changed++;
        console.println("wrote docs/" + file.getKey());
      }
    }
    console.printf(Locale.ROOT, "%d of %d files in %s changed%n", changed, files.size(), docs.toAbsolutePath());
  }

  /**
   * Everything under {@code docs/} that this generator writes, by path relative to {@code docs/} with {@code /}
   * between folders, in path order.
   */
  static Map<String, String> files() {
    Map<String, String> files = new TreeMap<>();
    StringBuilder index = new StringBuilder(header());
    for (SalesProcess process : SalesCatalog.all()) {
      String id = process.id();
      files.put("diagrams/" + id + ".mmd", ProcessDiagrams.mermaid(process, Style.READABLE));
      files.put("diagrams/" + id + ".dot", ProcessDiagrams.dot(process, Style.READABLE));
      files.put("diagrams/" + id + ".puml", ProcessDiagrams.plantUml(process, Style.READABLE));
      files.put("funnels/" + id + ".svg", FunnelSvg.draw(funnel(process)));
      index.append("\n## ").append(process.name()).append(" (`").append(id).append("`)\n\n")
          .append("![Funnel of the simulated ").append(process.name()).append("](funnels/").append(id)
          .append(".svg)\n\n```mermaid\n").append(ProcessDiagrams.mermaid(process, Style.READABLE)).append("```\n\n")
          .append("The same diagram for Graphviz: [").append(id).append(".dot](diagrams/").append(id)
          .append(".dot) (`dot -Tsvg`), for PlantUML: [").append(id).append(".puml](diagrams/").append(id)
          .append(".puml).\n");
    }
    files.put("README.md", index.toString());
    return files;
  }

  private static String header() {
    return "# Pictures of the catalog processes\n\n"
        + "Generated from the code by `io.salesflow.examples.DocsGenerator`; do not edit them by hand. After changing a"
        + " process, the diagrams or the demo's simulation, regenerate them from the repository root with\n\n"
        + "```\n" + COMMAND + "\n```\n\n"
        + "and commit the result: `DocsTests` in `examples` fails while a file here differs from what the code draws.\n\n"
        + "- `diagrams/`: `ProcessDiagrams.mermaid(process, ProcessDiagrams.Style.READABLE)`, and `dot` and `plantUml`"
        + " in the same style: top to bottom along the main path, each stage's internal events listed inside it,"
        + " a rule that several stages share (a closed-lost allowed from every open stage) drawn once from a"
        + " junction, guard labels in brackets. `Style.COMPLETE`, what the methods without a style draw, has every"
        + " transition as an arrow.\n"
        + "- `funnels/`: the funnel of the demo's simulation (" + Demo.DEALS_PER_PROCESS + " deals per process, seed "
        + Demo.SEED + "). The funnel is the main path, the shortest path from the initial stage to the won stage"
        + " plus the post-sale stages; each band is as wide as the deals that entered the stage and narrows to the"
        + " next one. It counts new business: the simulated upsells, cross-sells and renewals start past the first"
        + " stages and are left out. Side stages, off the main path, are listed beside it on the same scale."
        + " \"Converted\" is the share of the deals that entered a stage that later reached a later stage that is not"
        + " lost.\n";
  }

  /**
   * The funnel of the demo's simulation of one process, run in memory: the same deals as the demo's, new business
   * only (the expansion deals of won customers start past the first stages, so they are left out of the picture).
   */
  static FunnelReport funnel(SalesProcess process) {
    ManualClock clock = ManualClock.startingAt(Demo.START);
    DealStore store = DealStore.inMemory();
    try (DealEngine engine = DealEngine.tableEngine().process(process).store(store).clock(clock).build()) {
      Demo.simulate(process, engine, clock, Demo.DEALS_PER_PROCESS, done -> { });
      return FunnelReport.of(process, Demo.newBusiness(engine.store().findByProcess(process.id())), Demo.NOW);
    }
  }

  /** The files in the generated folders under {@code docs} that {@code files} does not hold, relative to it. */
  static List<String> stale(Path docs, Map<String, String> files) throws IOException {
    List<String> stale = new ArrayList<>();
    for (String folder : GENERATED_FOLDERS) {
      Path dir = docs.resolve(folder);
      if (Files.isDirectory(dir)) {
        try (Stream<Path> paths = Files.list(dir)) {
          paths.map(p -> folder + "/" + p.getFileName()).filter(p -> !files.containsKey(p)).sorted()
              .forEach(stale::add);
        }
      }
    }
    return stale;
  }

  /** The repository root: the nearest folder up from the working directory with a pom.xml and an examples folder. */
  static Path root() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !(Files.exists(dir.resolve("pom.xml")) && Files.isDirectory(dir.resolve("examples")))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("no repository root (a folder with pom.xml and examples/) above "
          + Path.of("").toAbsolutePath() + "; give the docs folder as the argument");
    }
    return dir;
  }
}
