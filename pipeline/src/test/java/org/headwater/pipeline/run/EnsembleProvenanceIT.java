package org.headwater.pipeline.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.headwater.pipeline.demo.DemoData;
import org.headwater.pipeline.testing.Python;
import org.headwater.pipeline.testing.Recipes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PROV graph of an ensemble combined along a new {@code member} dimension with one member
 * missing, read by rdflib: the skipped file is an entity of the run, and the member coordinate
 * derives from the recipe and from the files whose keys it holds.
 */
class EnsembleProvenanceIT {
  @TempDir static Path tmp;
  static RunResult result;

  private static final String PREFIXES = String.join("\n",
      "PREFIX prov: <http://www.w3.org/ns/prov#>",
      "PREFIX hw: <https://w3id.org/headwater/ns#>",
      "PREFIX dcat: <http://www.w3.org/ns/dcat#>",
      "PREFIX spdx: <http://spdx.org/rdf/terms#>");

  private static final String QUERY = String.join("\n",
      "import sys, rdflib",
      "g = rdflib.Graph(); g.parse(sys.argv[1], format='turtle')",
      "for row in g.query(sys.argv[2]):",
      "    print('|'.join(str(x) for x in row))");

  @BeforeAll
  static void runEnsemble() throws Exception {
    DemoData.write(tmp.resolve("src"));
    String text =
        "id: ensemble-prov\nsources:\n  url: \"" + tmp.resolve("src").toUri()
            + "speed_member{member:02d}.nc\"\n"
            + "  dimensions: [{name: member, new: true, range: {start: 1, end: 6}}]\n"
            + "  missing: skip\n"
            + "outputs:\n  - {name: speed, format: zarr}\n";
    result = Recipes.run(text, tmp.resolve("work"));
  }

  private static List<String> query(String sparql) {
    Python.require("python3-rdflib", "rdflib");
    String out = Python.run(QUERY, result.runDir().resolve("prov.ttl").toString(),
        PREFIXES + "\n" + sparql);
    return out.lines().filter(l -> !l.isBlank()).sorted().toList();
  }

  @Test
  void skippedMemberIsAnEntityOfTheRunWithUrlKeyAndReason() {
    List<String> rows = query(String.join("\n",
        "SELECT ?url ?key ?reason WHERE {",
        "  ?run a prov:Activity ; hw:skipped ?s ; prov:wasInfluencedBy ?s .",
        "  ?s a prov:Entity, hw:SkippedSource ; hw:url ?url ; hw:key ?key ; hw:skipReason ?reason .",
        "}"));
    assertThat(rows).hasSize(1);
    String[] row = rows.get(0).split("\\|");
    assertThat(row[0]).isEqualTo(tmp.resolve("src").toUri() + "speed_member04.nc");
    assertThat(row[1]).isEqualTo("member=4");
    assertThat(row[2]).contains("speed_member04.nc");
  }

  @Test
  void memberCoordinateDerivesFromTheRecipeAndTheFilesItsKeysIndex() {
    List<String> files = query(String.join("\n",
        "SELECT ?key ?url WHERE {",
        "  ?member hw:variableName 'member' ; prov:wasDerivedFrom ?file .",
        "  ?file a hw:Source ; hw:key ?key ; dcat:downloadURL ?url .",
        "}"));
    assertThat(files).extracting(r -> r.split("\\|")[0])
        .containsExactly("member=1", "member=2", "member=3", "member=5", "member=6");
    List<String> plans = query(String.join("\n",
        "SELECT ?plan WHERE {",
        "  ?member hw:variableName 'member' ; prov:wasDerivedFrom ?plan .",
        "  ?plan a prov:Plan .",
        "  ?run prov:qualifiedAssociation/prov:hadPlan ?plan .",
        "}"));
    assertThat(plans).hasSize(1);
  }
}
