package org.headwater.pipeline.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.riot.RDFDataMgr;
import org.headwater.pipeline.demo.DemoData;
import org.headwater.pipeline.recipe.Recipe;
import org.headwater.pipeline.recipe.RecipeParser;
import org.headwater.provenance.record.OutputRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same recipe, unchanged, on the DirectRunner and on Flink's embedded cluster. */
class FlinkRunnerIT {
  @TempDir Path tmp;

  @Test
  void directAndFlinkMakeIdenticalOutputsAndProvenance() throws Exception {
    Path sources = tmp.resolve("src");
    DemoData.write(sources);
    // The example recipe minus its history step, whose line carries the run's date and id.
    String text = Files.readString(Path.of("../examples/greenland-speed-ensemble.yaml"));
    String withoutHistory = text.replace("  - step: history\n    dataset: speed\n", "");
    assertThat(withoutHistory).isNotEqualTo(text);
    Recipe recipe =
        RecipeParser.withParams(Map.of("source_root", "file:" + sources))
            .parse("greenland-speed-ensemble.yaml", withoutHistory);
    RunResult direct = RecipeRunner.run(recipe, RunOptions.defaults(tmp.resolve("direct")));
    RunResult flink =
        RecipeRunner.run(recipe, RunOptions.defaults(tmp.resolve("flink")).withRunner("flink"));
    assertThat(flink.record().software().runner()).isEqualTo("FlinkRunner");
    assertThat(direct.record().software().runner()).isEqualTo("DirectRunner");
    assertThat(flink.record().outputs()).hasSameSizeAs(direct.record().outputs()).isNotEmpty();
    for (OutputRecord d : direct.record().outputs()) {
      OutputRecord f =
          flink.record().outputs().stream().filter(o -> o.name().equals(d.name())).findFirst().orElseThrow();
      assertThat(f.sha256()).as("output %s", d.name()).isEqualTo(d.sha256());
      assertThat(f.size()).isEqualTo(d.size());
      assertThat(f.variables()).isEqualTo(d.variables());
    }
    assertThat(flink.record().inputs()).extracting(i -> i.sha256())
        .containsExactlyElementsOf(direct.record().inputs().stream().map(i -> i.sha256()).toList());
    Model a = withoutRunSpecifics(direct);
    Model b = withoutRunSpecifics(flink);
    assertThat(a.isIsomorphicWith(b))
        .as("PROV graphs differ beyond run ids, times and runner:\nonly direct: %s\nonly flink: %s",
            a.difference(b), b.difference(a))
        .isTrue();
  }

  /** The run's PROV graph with run ids, times, runner names and the work directory normalised. */
  static Model withoutRunSpecifics(RunResult r) {
    Model m = RDFDataMgr.loadModel(r.runDir().resolve("prov.ttl").toString());
    String runId = r.record().runId();
    String work = r.runDir().getParent().getParent().toUri().toString();
    Model out = ModelFactory.createDefaultModel();
    for (Statement s : m.listStatements().toList()) {
      String subject = s.getSubject().isURIResource() ? s.getSubject().getURI().replace(runId, "RUN") : null;
      var o = s.getObject();
      if (o.isLiteral()) {
        String lex = o.asLiteral().getLexicalForm();
        String dt = o.asLiteral().getDatatypeURI();
        if (dt != null && dt.endsWith("dateTime")) {
          o = out.createLiteral("TIME");
        } else {
          o = out.createLiteral(lex.replace(runId, "RUN").replace("FlinkRunner", "RUNNER")
              .replace("DirectRunner", "RUNNER").replace(r.runDir().toString(), "DIR"));
        }
      } else if (o.isURIResource()) {
        o = out.createResource(o.asResource().getURI().replace(runId, "RUN").replace(work, "WORK"));
      }
      var subj = subject != null ? out.createResource(subject) : s.getSubject();
      out.add(subj, s.getPredicate(), o);
    }
    return out;
  }
}
