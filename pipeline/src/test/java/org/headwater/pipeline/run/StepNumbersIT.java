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
  void errorNamesTheSameNumber() throws Exception {
    assertThatThrownBy(() -> Recipes.run(
            recipe("{step: rename, variables: {temperature: t}}"), tmp.resolve("work")))
        .hasMessageContaining("step 2 (rename)");
  }
}
