package org.headwater.provenance.graph;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.headwater.ontologies.HW;
import org.headwater.ontologies.PROV;
import org.headwater.ontologies.PROVONE;
import org.headwater.ontologies.SPDX;
import org.headwater.provenance.record.Creator;
import org.headwater.provenance.record.InputRecord;
import org.headwater.provenance.record.OutputRecord;
import org.headwater.provenance.record.RunRecord;
import org.headwater.provenance.record.SkippedInput;
import org.headwater.provenance.record.StepRecord;
import org.headwater.provenance.record.VariableRecord;

/** Builds the PROV graph of one run (not validated); see {@link ProvenanceGraphs#build}. */
final class RunGraphBuilder {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

  private final RunRecord run;
  private final Path runDir;
  private final Model m = ModelFactory.createDefaultModel();
  private final String runId;
  private Resource activity;
  private Resource plan;
  private final List<Resource> people = new ArrayList<>();
  private final List<Resource> usages = new ArrayList<>();
  private final List<Resource> steps = new ArrayList<>();

  RunGraphBuilder(RunRecord run, Path runDir) {
    this.run = run;
    this.runDir = runDir == null ? null : runDir.toAbsolutePath().normalize();
    this.runId = run.runId();
  }

  Model build() {
    ProvenanceGraphs.setPrefixes(m);
    activity = m.createResource(ProvIris.run(runId));
    activity.addProperty(RDF.type, PROV.Activity).addProperty(RDF.type, PROVONE.Execution);
    activity.addProperty(RDFS.label, "run " + runId + " of recipe " + run.recipe().id());
    activity.addProperty(DCTerms.identifier, runId).addProperty(HW.status, run.status());
    optional(activity, HW.error, run.error());
    time(activity, PROV.startedAtTime, run.started());
    time(activity, PROV.endedAtTime, run.ended());
    if (run.software() != null && run.software().runner() != null) {
      activity.addProperty(HW.runner, run.software().runner());
    }
    Resource recipe = recipe();
    plan = recipe;
    associate(software(), HW.software, recipe, "software");
    for (int i = 0; i < run.recipe().creators().size(); i++) {
      Resource person = person(run.recipe().creators().get(i));
      people.add(person);
      associate(person, HW.creator, recipe, "creator/" + i);
    }
    for (int i = 0; i < run.inputs().size(); i++) {
      input(run.inputs().get(i), i);
    }
    for (int i = 0; i < run.skipped().size(); i++) {
      skipped(run.skipped().get(i), i);
    }
    for (StepRecord step : run.steps()) {
      step(step);
    }
    for (int i = 0; i < run.outputs().size(); i++) {
      output(run.outputs().get(i), i);
    }
    return m;
  }

  private Resource recipe() {
    var r = run.recipe();
    String sha = r.sha256();
    if (!ProvIris.isSha256(sha) && runDir != null && r.file() != null) {
      sha = Checksums.sha256(runDir.resolve(r.file()));
    }
    Resource plan =
        ProvIris.isSha256(sha)
            ? checksummed(m.createResource(ProvIris.file(sha)), sha)
            : m.createResource(ProvIris.runPart(runId, "recipe"));
    plan.addProperty(RDF.type, PROV.Entity).addProperty(RDF.type, PROV.Plan);
    plan.addProperty(RDF.type, PROVONE.Program).addProperty(DCTerms.identifier, r.id());
    optional(plan, DCTerms.title, r.title());
    optional(plan, DCTerms.description, r.description());
    if (r.license() != null) {
      plan.addProperty(DCTerms.license, m.createResource(ProvIris.dataset(spdxLicense(r.license()))));
    }
    r.keywords().forEach(k -> plan.addProperty(DCAT.keyword, k));
    if (runDir != null && r.file() != null) {
      plan.addProperty(PROV.atLocation, m.createResource(runDir.resolve(r.file()).toUri().toString()));
    }
    return plan;
  }

  private Resource software() {
    var s = run.software();
    String version = s == null || s.headwater() == null ? "unknown" : s.headwater();
    String key = s == null ? "" : s.java() + "|" + s.beam() + "|" + s.netcdfJava();
    Resource agent =
        m.createResource(
            org.headwater.ontologies.HW.ID + "software/headwater/" + ProvIris.encode(version) + "/"
                + Checksums.sha256(key.getBytes(java.nio.charset.StandardCharsets.UTF_8)).substring(0, 12));
    agent.addProperty(RDF.type, PROV.Agent).addProperty(RDF.type, PROV.SoftwareAgent);
    agent.addProperty(RDFS.label, "Headwater " + version).addProperty(HW.headwaterVersion, version);
    if (s != null) {
      optional(agent, HW.javaVersion, s.java());
      optional(agent, HW.beamVersion, s.beam());
      optional(agent, HW.netcdfJavaVersion, s.netcdfJava());
    }
    return agent;
  }

  private Resource person(Creator c) {
    String orcid = ProvIris.orcid(c.orcid());
    String iri =
        orcid != null ? orcid : c.email() != null ? "mailto:" + c.email() : ProvIris.person(c.name());
    Resource p = m.createResource(iri).addProperty(RDF.type, PROV.Agent);
    p.addProperty(RDF.type, PROV.Person).addProperty(RDF.type, PROVONE.User);
    p.addProperty(org.apache.jena.sparql.vocabulary.FOAF.name, c.name());
    return p;
  }

  private void associate(Resource agent, Resource role, Resource plan, String part) {
    Resource a = m.createResource(ProvIris.runPart(runId, "association/" + part));
    a.addProperty(RDF.type, PROV.Association).addProperty(PROV.agent, agent);
    a.addProperty(PROV.hadPlan, plan).addProperty(PROV.hadRole, role);
    activity.addProperty(PROV.wasAssociatedWith, agent).addProperty(PROV.qualifiedAssociation, a);
  }

  private void input(InputRecord in, int i) {
    Resource file = checksummed(m.createResource(ProvIris.file(in.sha256())), in.sha256());
    file.addProperty(RDF.type, PROV.Entity).addProperty(RDF.type, PROVONE.Data);
    file.addProperty(RDF.type, HW.Source).addProperty(DCAT.downloadURL, m.createResource(in.url()));
    file.addLiteral(DCAT.byteSize, size(in.size()));
    optional(file, HW.etag, in.etag());
    optional(file, HW.lastModified, in.lastModified());
    optional(file, DCTerms.format, in.fileType());
    new TreeMap<>(in.keys()).forEach((k, v) -> file.addProperty(HW.key, k + "=" + v));
    if (in.sourceOfTruth() != null && !in.sourceOfTruth().isBlank()) {
      Resource ds = m.createResource(ProvIris.dataset(in.sourceOfTruth()));
      ds.addProperty(RDF.type, PROV.Entity).addProperty(RDF.type, DCAT.Dataset);
      ds.addProperty(DCTerms.identifier, in.sourceOfTruth());
      file.addProperty(DCTerms.isPartOf, ds).addProperty(PROV.wasDerivedFrom, ds);
      file.addProperty(PROV.hadPrimarySource, ds);
    }
    Resource usage = m.createResource(ProvIris.runPart(runId, "usage/" + i));
    usage.addProperty(RDF.type, PROV.Usage).addProperty(PROV.entity, file);
    usage.addProperty(PROV.hadRole, HW.source).addLiteral(HW.fromCache, in.fromCache());
    time(usage, PROV.atTime, in.retrieved());
    activity.addProperty(PROV.used, file).addProperty(PROV.qualifiedUsage, usage);
    usages.add(usage);
  }

  /**
   * A source the recipe allowed to be missing: an entity the run tried and went without, linked to
   * the run with {@code hw:skipped} (a kind of {@code prov:wasInfluencedBy}, also stated, since
   * the outputs lack what it would have held). The URL is a literal, not {@code dcat:downloadURL},
   * so that the URL names the file a later run may fetch, not this absence.
   */
  private void skipped(SkippedInput s, int i) {
    Resource e = m.createResource(ProvIris.runPart(runId, "skipped/" + i));
    e.addProperty(RDF.type, PROV.Entity).addProperty(RDF.type, HW.SkippedSource);
    e.addProperty(RDFS.label, "skipped " + s.url());
    e.addLiteral(HW.url, m.createTypedLiteral(s.url(), XSDDatatype.XSDanyURI));
    new TreeMap<>(s.keys()).forEach((k, v) -> e.addProperty(HW.key, k + "=" + v));
    e.addProperty(HW.skipReason, s.reason() == null ? "missing" : s.reason());
    activity.addProperty(HW.skipped, e).addProperty(PROV.wasInfluencedBy, e);
  }

  private void step(StepRecord s) {
    Resource step = m.createResource(ProvIris.step(runId, s.number()));
    step.addProperty(RDF.type, PROV.Activity).addProperty(RDF.type, PROVONE.Execution);
    step.addProperty(RDF.type, HW.Step).addProperty(PROVONE.wasPartOf, activity);
    step.addProperty(RDFS.label, "step " + s.number() + ": " + s.name());
    step.addProperty(HW.stepName, s.name());
    step.addLiteral(HW.stepNumber, m.createTypedLiteral(String.valueOf(s.number()), XSDDatatype.XSDinteger));
    if (!steps.isEmpty()) {
      step.addProperty(PROV.wasInformedBy, steps.get(steps.size() - 1));
    }
    steps.add(step);
    new TreeMap<>(s.parameters()).forEach((k, v) -> valueNode(step, HW.parameter, "parameter/", k, v));
    new TreeMap<>(s.details())
        .forEach(
            (k, v) -> {
              switch (k) {
                case "argv" -> step.addProperty(HW.argv, json(v));
                case "exitCode" -> step.addLiteral(HW.exitCode, m.createTypedLiteral(
                    String.valueOf(v), XSDDatatype.XSDinteger));
                case "toolVersion" -> step.addProperty(HW.toolVersion, String.valueOf(v));
                default -> valueNode(step, HW.detail, "detail/", k, v);
              }
            });
  }

  /**
   * Whether an output depends on an input: when the records say which variables each input
   * provides and which sources each output variable has, only inputs that provide one of them;
   * otherwise (or when no input provides any) every input.
   */
  private boolean dependsOn(OutputRecord out, InputRecord in) {
    if (in.variables().isEmpty() || out.variables().isEmpty() || !dependsOnAny(out)) {
      return true;
    }
    return out.variables().stream().flatMap(v -> v.sources().stream()).anyMatch(in::provides);
  }

  private boolean dependsOnAny(OutputRecord out) {
    return run.inputs().stream()
        .anyMatch(in -> out.variables().stream().flatMap(v -> v.sources().stream()).anyMatch(in::provides));
  }

  private void output(OutputRecord out, int i) {
    Resource file = checksummed(m.createResource(ProvIris.file(out.sha256())), out.sha256());
    file.addProperty(RDF.type, PROV.Entity).addProperty(RDF.type, PROVONE.Data);
    file.addProperty(RDF.type, HW.Output).addProperty(DCTerms.title, out.name());
    file.addProperty(HW.path, out.path()).addLiteral(DCAT.byteSize, size(out.size()));
    optional(file, DCTerms.format, out.format());
    if (runDir != null) {
      file.addProperty(PROV.atLocation, m.createResource(runDir.resolve(out.path()).toUri().toString()));
    }
    if (out.location() != null) {
      file.addProperty(PROV.atLocation, m.createResource(out.location()));
    }
    Resource gen = m.createResource(ProvIris.runPart(runId, "generation/" + i));
    gen.addProperty(RDF.type, PROV.Generation).addProperty(PROV.activity, activity);
    gen.addProperty(PROV.hadRole, HW.output);
    time(gen, PROV.atTime, run.ended());
    time(file, PROV.generatedAtTime, run.ended());
    file.addProperty(PROV.wasGeneratedBy, activity).addProperty(PROV.qualifiedGeneration, gen);
    people.forEach(p -> file.addProperty(PROV.wasAttributedTo, p));
    for (int j = 0; j < run.inputs().size(); j++) {
      if (!dependsOn(out, run.inputs().get(j))) {
        continue;
      }
      Resource in = m.createResource(ProvIris.file(run.inputs().get(j).sha256()));
      Resource d = m.createResource(ProvIris.runPart(runId, "derivation/" + i + "/" + j));
      d.addProperty(RDF.type, PROV.Derivation).addProperty(PROV.entity, in);
      d.addProperty(PROV.hadActivity, activity).addProperty(PROV.hadUsage, usages.get(j));
      d.addProperty(PROV.hadGeneration, gen);
      file.addProperty(PROV.wasDerivedFrom, in).addProperty(PROV.qualifiedDerivation, d);
    }
    out.variables().forEach(v -> variable(file, out, v));
  }

  private void variable(Resource file, OutputRecord out, VariableRecord v) {
    Resource var = m.createResource(ProvIris.variable(out.sha256(), v.name()));
    var.addProperty(RDF.type, PROV.Entity).addProperty(RDF.type, HW.Variable);
    var.addProperty(HW.variableName, v.name()).addProperty(DCTerms.isPartOf, file);
    optional(var, HW.dataType, v.dtype());
    if (!v.dimensions().isEmpty()) {
      var.addProperty(HW.dimensions, String.join(" ", v.dimensions()));
    }
    optional(var, HW.units, v.units());
    optional(var, DCTerms.description, v.description());
    optional(var, HW.missingValue, v.missingValue());
    var.addProperty(PROV.wasGeneratedBy, activity);
    for (String source : v.sources()) {
      for (InputRecord in : run.inputs()) {
        if (!in.provides(source)) {
          continue;
        }
        Resource src = m.createResource(ProvIris.variable(in.sha256(), source));
        src.addProperty(RDF.type, PROV.Entity).addProperty(RDF.type, HW.Variable);
        src.addProperty(HW.variableName, source);
        src.addProperty(DCTerms.isPartOf, m.createResource(ProvIris.file(in.sha256())));
        var.addProperty(PROV.wasDerivedFrom, src);
      }
    }
    if (v.sources().isEmpty() && v.dimensions().size() == 1) {
      keyCoordinate(var, out, v.dimensions().get(0));
    }
    for (int number : v.steps()) {
      var.addProperty(PROV.wasInfluencedBy, m.createResource(ProvIris.step(runId, number)));
    }
  }

  /**
   * The coordinate of a dimension the recipe made from file keys ({@code new: true}, e.g. {@code
   * member}): its values are the keys, so it derives from the recipe that declares them and from
   * each file whose key it indexes.
   */
  private void keyCoordinate(Resource var, OutputRecord out, String dim) {
    boolean keyed = false;
    for (InputRecord in : run.inputs()) {
      if (in.keys().containsKey(dim) && dependsOn(out, in)) {
        var.addProperty(PROV.wasDerivedFrom, m.createResource(ProvIris.file(in.sha256())));
        keyed = true;
      }
    }
    if (keyed) {
      var.addProperty(PROV.wasDerivedFrom, plan);
    }
  }

  private Resource checksummed(Resource file, String sha) {
    String hex = sha.toLowerCase(java.util.Locale.ROOT);
    Resource c = m.createResource(file.getURI() + "#sha256");
    c.addProperty(RDF.type, SPDX.Checksum).addProperty(SPDX.algorithm, SPDX.checksumAlgorithm_sha256);
    c.addProperty(SPDX.checksumValue, hex);
    return file.addProperty(SPDX.checksum, c);
  }

  private void valueNode(Resource step, Property p, String kind, String name, Object value) {
    Resource node = m.createResource(step.getURI() + "/" + kind + ProvIris.encode(name));
    node.addProperty(RDF.type, HW.Parameter).addProperty(RDFS.label, name);
    node.addProperty(RDF.value, json(value));
    step.addProperty(p, node);
  }

  private Literal size(long bytes) {
    return m.createTypedLiteral(String.valueOf(bytes), XSDDatatype.XSDnonNegativeInteger);
  }

  private void time(Resource r, Property p, Instant t) {
    if (t != null) {
      r.addLiteral(p, m.createTypedLiteral(t.toString(), XSDDatatype.XSDdateTime));
    }
  }

  private static void optional(Resource r, Property p, String value) {
    if (value != null && !value.isBlank()) {
      r.addProperty(p, value);
    }
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value instanceof Map<?, ?> map ? new TreeMap<>(map) : value);
    } catch (JsonProcessingException e) {
      return String.valueOf(value);
    }
  }

  private static String spdxLicense(String license) {
    return license.matches("(?i)^https?:.*") ? license : org.headwater.ontologies.SPDX.LICENSES + license;
  }
}
