package org.headwater.pipeline.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.headwater.pipeline.demo.DemoData;
import org.headwater.pipeline.testing.Python;
import org.headwater.pipeline.testing.Recipes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A step has one number, counted from 1, in its error message, in run.json and in prov.ttl. */
class StepNumbersIT {
  @TempDir Path tmp;

  private String recipe(String secondStep) throws Exception {
    DemoData.write(tmp.resolve("src"));
    return "id: step-numbers\nsources:\n  url: \"" + tmp.resolve("src").toUri()
        + "speed_member{member:02d}.nc\"\n"
        + "  dimensions: [{name: member, new: true, range: {start: 1, end: 2}}]\n"
        + "steps:\n"
        + "  - {step: select_variables, variables: [velsurf_mag]}\n"
        + "  - " + secondStep + "\n"
        + "outputs:\n  - {name: speed, format: zarr}\n";
  }

  @Test
  void runJsonAndProvNumberStepsFromOne() throws Exception {
    RunResult r = Recipes.run(
        recipe("{step: rename, variables: {velsurf_mag: surface_speed}}"), tmp.resolve("work"));
    JsonNode run = new ObjectMapper().readTree(r.runDir().resolve("run.json").toFile());
    assertThat(run.at("/steps/0/number").asInt()).isEqualTo(1);
    assertThat(run.at("/steps/1/number").asInt()).isEqualTo(2);
    assertThat(run.at("/steps/1/name").asText()).isEqualTo("rename");
    JsonNode speed = null;
    for (JsonNode v : run.at("/outputs/0/variables")) {
      if (v.get("name").asText().equals("surface_speed")) {
        speed = v;
      }
    }
    assertThat(speed).isNotNull();
    assertThat(speed.get("steps").toString()).isEqualTo("[2]");

    Python.require("python3-rdflib", "rdflib");
    String rows = Python.run(String.join("\n",
        "import sys, rdflib",
        "g = rdflib.Graph(); g.parse(sys.argv[1], format='turtle')",
        "q = '''PREFIX hw: <https://w3id.org/headwater/ns#>",
        "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>",
        "PREFIX prov: <http://www.w3.org/ns/prov#>",
        "SELECT ?step ?n ?label (COUNT(?var) AS ?vars) WHERE {",
        "  ?step a hw:Step ; hw:stepNumber ?n ; rdfs:label ?label .",
        "  OPTIONAL { ?var prov:wasInfluencedBy ?step }",
        "} GROUP BY ?step ?n ?label ORDER BY ?n'''",
        "for s, n, label, vars in g.query(q):",
        "    print(str(s).rsplit('/', 1)[1], n, label, vars, sep='|')"),
        r.runDir().resolve("prov.ttl").toString());
    assertThat(rows.lines().toList())
        .containsExactly("1|1|step 1: select_variables|0", "2|2|step 2: rename|1");
  }

  @Test
  void errorNamesTheSameNumberAndTheFailedRunListsWhatItHadFetched() throws Exception {
    assertThatThrownBy(() -> Recipes.run(
            recipe("{step: rename, variables: {temperature: t}}"), tmp.resolve("work")))
        .hasMessageContaining("step 2 (rename)");
    Path runs = tmp.resolve("work/runs");
    Path runJson;
    try (var dirs = java.nio.file.Files.list(runs)) {
      runJson = dirs.map(d -> d.resolve("run.json")).filter(java.nio.file.Files::exists)
          .findFirst().orElseThrow();
    }
    JsonNode run = new ObjectMapper().readTree(runJson.toFile());
    assertThat(run.get("status").asText()).isEqualTo("failed");
    assertThat(run.get("error").asText()).contains("step 2 (rename)");
    assertThat(run.get("inputs")).hasSize(2);
    for (int m = 1; m <= 2; m++) {
      Path file = tmp.resolve("src").resolve(String.format("speed_member%02d.nc", m));
      JsonNode in = run.get("inputs").get(m - 1);
      assertThat(in.get("url").asText()).isEqualTo(file.toUri().toString());
      assertThat(in.get("sha256").asText()).isEqualTo(sha256(file));
      assertThat(in.get("size").asLong()).isEqualTo(java.nio.file.Files.size(file));
      assertThat(in.at("/keys/member").asText()).isEqualTo(String.valueOf(m));
    }
    try (var left = java.nio.file.Files.list(runJson.getParent())) {
      assertThat(left.map(p -> p.getFileName().toString())).doesNotContain(".records", ".staging");
    }
  }

  private static String sha256(Path file) throws Exception {
    return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
        .digest(java.nio.file.Files.readAllBytes(file)));
  }
}
