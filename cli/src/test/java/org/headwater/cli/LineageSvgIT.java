package org.headwater.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.headwater.pipeline.testing.ExternalTools;
import org.headwater.provenance.serve.LineageServer;
import org.headwater.provenance.store.LineageStore;
import org.headwater.provenance.store.TdbLineageStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code headwater lineage OUTPUT --svg > lineage.svg} after a real run (three ensemble members of
 * one DOI, written by Debian's ncgen, combined into one NetCDF file), the picture checked with
 * xmllint as a user's viewer would read it: well-formed, every box a link to its page, the members
 * one box with their count, time flowing left to right; the same picture from the store served
 * over SPARQL ({@code --store http://…}); and an unknown target refused in one line.
 */
class LineageSvgIT {
  static final String DOI = "https://doi.org/10.5072/headwater-svg-members";
  static final String BASE = "http://localhost:9999";
  static final String BOX = "//*[local-name()='g'][contains(concat(' ', @class, ' '), ' node ')]";
  static final String HREF = "@*[local-name()='href' and namespace-uri()='http://www.w3.org/1999/xlink']";

  @TempDir Path tmp;

  @Test
  void drawsTheRunsLineageAsALinkedGroupedLeftToRightPicture() throws Exception {
    ExternalTools.require("libxml2-utils", "xmllint", "--version");
    Path work = tmp.resolve("work");
    String store = tmp.resolve("lineage").toString();
    CliRun run = CliRun.of("run", recipe().toString(), "--work", work.toString(), "--store", store, "--wait-for-store");
    assertThat(run.code()).as(run.err()).isZero();
    Path output = outputs(work).stream().filter(p -> p.getFileName().toString().equals("speed.nc")).findFirst()
        .orElseThrow(() -> new AssertionError("no outputs/speed.nc under " + work));
    String runId = output.getParent().getParent().getFileName().toString();

    CliRun lineage = CliRun.of("lineage", output.toString(), "--svg", "--link-base", BASE + "/", "--store", store);
    assertThat(lineage.code()).as(lineage.err()).isZero();
    Path svg = Files.writeString(tmp.resolve("lineage.svg"), lineage.out());

    assertThat(xmllint(svg, "--noout").strip()).as("xmllint finds the SVG well-formed").isEmpty();
    assertThat(xpath(svg, "name(/*)")).isEqualTo("svg");
    int boxes = Integer.parseInt(xpath(svg, "count(" + BOX + ")"));
    assertThat(boxes).as("the source of truth, the members' box and the output").isEqualTo(3);
    assertThat(xpath(svg, "count(" + BOX + "/*[local-name()='a'][starts-with(" + HREF + ", '" + BASE + "/')])"))
        .as("every box is a link to its page").isEqualTo(Integer.toString(boxes));
    assertThat(href(svg, "output")).as("the output links to its run's dataset page")
        .startsWith(BASE + "/dataset/" + runId + "#output-");
    assertThat(href(svg, "dataset")).isEqualTo(BASE + "/?q=" + java.net.URLEncoder.encode(DOI, StandardCharsets.UTF_8));
    assertThat(xpath(svg, "count(" + box("source") + ")")).as("no member is drawn alone").isEqualTo("0");
    assertThat(List.of(line(svg, "group", 1), line(svg, "group", 2), line(svg, "group", 3)))
        .as("the three members are one box with their count")
        .containsExactly("3 source files", "of 10.5072/headwater-svg-members", "m1.nc … m3.nc");

    double truth = x(svg, "dataset");
    double members = x(svg, "group");
    double derived = x(svg, "output");
    assertThat(truth).as("time flows left to right: source of truth, members, the dataset made from them")
        .isLessThan(members);
    assertThat(members).isLessThan(derived);
    assertThat(xpath(svg, "count(//*[local-name()='g'][@class='edge'])")).as("two arrows").isEqualTo("2");

    try (TdbLineageStore served = LineageStore.open(Path.of(store));
        LineageServer server = LineageServer.start(served, "127.0.0.1", 0)) {
      String url = "http://127.0.0.1:" + server.port() + LineageServer.DATASET;
      CliRun remote = CliRun.of("lineage", output.toString(), "--svg", "--link-base", BASE + "/", "--store", url);
      assertThat(remote.code()).as(remote.err()).isZero();
      assertThat(remote.out()).as("the same picture from the store served over SPARQL (%s)", url)
          .isEqualTo(lineage.out());
    }

    String unknown = "https://example.org/not-in-the-store.nc";
    CliRun none = CliRun.of("lineage", unknown, "--svg", "--store", store);
    assertThat(none.code()).isNotZero();
    assertThat(none.out()).as("nothing half-written").isEmpty();
    assertThat(none.err().strip().lines().toList()).as(none.err()).singleElement().asString()
        .contains(unknown).contains(store).contains("headwater lineage import");
  }

  /** Three members of one DOI, made by ncgen, and a recipe that combines them. */
  private Path recipe() throws Exception {
    Path sources = Files.createDirectories(tmp.resolve("sources"));
    for (int m = 1; m <= 3; m++) {
      Path cdl = Files.writeString(sources.resolve("m" + m + ".cdl"), String.join("\n",
          "netcdf m" + m + " {",
          "dimensions:", "  y = 2 ;", "  x = 3 ;",
          "variables:",
          "  float speed(y, x) ;", "    speed:units = \"m s-1\" ;",
          "  double x(x) ;", "    x:units = \"m\" ;",
          "  double y(y) ;", "    y:units = \"m\" ;",
          "data:",
          "  speed = " + m + ", 2, 3, 4, 5, 6 ;", "  x = 0, 1, 2 ;", "  y = 0, 1 ;",
          "}", ""));
      ExternalTools.ncgen(cdl, "nc4", sources.resolve("m" + m + ".nc"));
    }
    return Files.writeString(tmp.resolve("recipe.yaml"), String.join("\n",
        "id: svg-members",
        "title: Three members, combined",
        "license: CC-BY-4.0",
        "creators:",
        "  - name: Josiah Carberry",
        "sources:",
        "  - name: speed",
        "    url: \"file:" + sources + "/m{member}.nc\"",
        "    file_type: netcdf",
        "    source_of_truth: " + DOI,
        "    dimensions:",
        "      - {name: member, kind: concat, new: true, range: {start: 1, end: 3}}",
        "outputs:",
        "  - {name: speed-nc, format: netcdf3, path: speed.nc}",
        ""));
  }

  private static List<Path> outputs(Path work) throws Exception {
    try (Stream<Path> s = Files.walk(work.resolve("runs"))) {
      return s.filter(p -> p.getParent().getFileName().toString().equals("outputs")).toList();
    }
  }

  private static String box(String kind) {
    return "//*[local-name()='g'][contains(concat(' ', @class, ' '), ' " + kind + " ')]";
  }

  private static String href(Path svg, String kind) throws Exception {
    return xpath(svg, "string(" + box(kind) + "/*[local-name()='a']/" + HREF + ")");
  }

  /** Line {@code n} (from 1) of the label of the box of {@code kind}. */
  private static String line(Path svg, String kind, int n) throws Exception {
    return xpath(svg, "string((" + box(kind) + "//*[local-name()='text'])[" + n + "])");
  }

  /** The centre x of the box's first label line (the labels are centred on their box). */
  private static double x(Path svg, String kind) throws Exception {
    return Double.parseDouble(xpath(svg, "string((" + box(kind) + "//*[local-name()='text'])[1]/@x)"));
  }

  private static String xpath(Path svg, String expression) throws Exception {
    return xmllint(svg, "--xpath", expression).strip();
  }

  private static String xmllint(Path file, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("xmllint"));
    command.addAll(List.of(args));
    command.add(file.toString());
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as("xmllint %s: %s", String.join(" ", args), out).isZero();
    return out;
  }
}
