package org.headwater.publish;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.headwater.provenance.record.OutputRecord;
import org.headwater.provenance.record.RunRecord;
import org.headwater.publish.dataone.MemberNode;
import org.headwater.publish.dataone.NodeInfo;
import org.headwater.publish.eml.Eml;
import org.headwater.publish.eml.EmlWriter;
import org.headwater.publish.journal.PublishJournal;
import org.headwater.publish.ore.ResourceMap;
import org.headwater.publish.ore.ResourceMapReader;
import org.headwater.publish.sysmeta.Checksum;
import org.headwater.publish.sysmeta.FormatIds;
import org.headwater.publish.sysmeta.PackageObject;
import org.headwater.publish.sysmeta.PackageObject.Role;
import org.headwater.publish.sysmeta.Pid;
import org.headwater.publish.sysmeta.SystemMetadata;
import org.headwater.publish.validate.DocumentValidator;

/**
 * Plans a package: hashes the outputs and recipe, assigns PIDs (reusing unchanged objects of a
 * previous version), mints the DOI, writes and validates the EML and the resource map into the
 * staging folder, and returns the journal to upload from. Nothing is uploaded here.
 */
final class PackagePlanner {
  static final String EML_FILE = "eml.xml";
  static final String ORE_FILE = "resource_map.rdf";

  private PackagePlanner() {}

  static PublishJournal plan(RunRecord run, String runSha, PublishRequest req, MemberNode node,
      NodeInfo info, DocumentValidator validator, PreviousVersion previous, Path stage) {
    List<PackageObject> members = new ArrayList<>();
    List<String> actions = new ArrayList<>();
    List<String> obsoletes = new ArrayList<>();
    for (OutputRecord out : run.outputs()) {
      if ("zarr".equalsIgnoreCase(out.format())) {
        continue; // a Zarr store is a folder of many small files: not published
      }
      if ("geotiff".equalsIgnoreCase(out.format())) {
        members.addAll(RasterObjects.of(req.runDir(), out));
        continue;
      }
      Path file = inside(req.runDir(), out.path());
      Checksum sha = hash(file);
      if (!sha.matches(Checksum.sha256(out.sha256()))) {
        throw new PublishException("output " + out.path() + " changed since the run: run.json says SHA-256 "
            + out.sha256() + ", the file has " + sha.value() + "; re-run the recipe before publishing");
      }
      String formatId = FormatIds.forOutputFormat(out.format());
      members.add(object(Role.DATA, file, formatId, FormatIds.mediaType(formatId), sha, out));
    }
    String recipeFile = run.recipe().file() == null ? "recipe.yaml" : run.recipe().file();
    Path recipe = inside(req.runDir(), recipeFile);
    members.add(object(Role.RECIPE, recipe, FormatIds.TEXT, "application/yaml", hash(recipe), null));

    List<PackageObject> placed = new ArrayList<>();
    for (PackageObject o : members) {
      SystemMetadata same = previous == null ? null : previous.sameContent(o.checksum());
      SystemMetadata named = previous == null ? null : previous.sameName(o.fileName());
      Pid pid = same != null ? same.identifier() : Pid.uuid();
      actions.add(same != null ? "reuse" : named != null ? "update" : "create");
      obsoletes.add(same == null && named != null ? named.identifier().value() : null);
      placed.add(o.withPid(pid, node.resolveUrl(pid)));
    }
    Pid metaPid = req.doi() ? node.generate("DOI") : Pid.uuid();
    Pid rmPid = Pid.of("resource_map_" + metaPid.value());

    byte[] eml = EmlWriter.write(new Eml(run, metaPid, info.identifier(), placed, info.name(),
        LocalDate.now(ZoneOffset.UTC)));
    validator.validateEml(eml, "EML for " + metaPid);
    Path emlFile = write(stage.resolve(EML_FILE), eml);
    PackageObject meta = object(Role.METADATA, emlFile, FormatIds.EML_220, "text/xml", Checksum.sha256Of(eml), null)
        .withPid(metaPid, node.resolveUrl(metaPid));

    byte[] ore = new ResourceMap(rmPid, meta, placed, run, node::resolveUrl,
        previous == null ? null : previous.resourceMap(), previous == null ? null : previous.metadata()).toRdfXml();
    Set<String> expected = new LinkedHashSet<>();
    expected.add(metaPid.value());
    placed.forEach(o -> expected.add(o.pid().value()));
    ResourceMapReader.requireMembers(ore, expected, "resource map " + rmPid);
    Path oreFile = write(stage.resolve(ORE_FILE), ore);
    PackageObject map = object(Role.RESOURCE_MAP, oreFile, FormatIds.ORE, "application/rdf+xml",
        Checksum.sha256Of(ore), null).withPid(rmPid, node.resolveUrl(rmPid));

    List<PublishJournal.Entry> entries = new ArrayList<>();
    for (int i = 0; i < placed.size(); i++) {
      entries.add(entry(placed.get(i), actions.get(i), obsoletes.get(i)));
    }
    entries.add(entry(meta, previous == null ? "create" : "update",
        previous == null ? null : previous.metadata().value()));
    entries.add(entry(map, previous == null ? "create" : "update",
        previous == null ? null : previous.resourceMap().value()));
    return new PublishJournal(node.label(), runSha, req.updatePid(), metaPid.value(), rmPid.value(),
        req.doi(), entries, false);
  }

  private static PublishJournal.Entry entry(PackageObject o, String action, String obsoletes) {
    return new PublishJournal.Entry(o.role().name(), o.pid().value(), o.file().toString(), o.fileName(),
        o.formatId(), o.mediaType(), o.size(), o.checksum().value(), action, obsoletes,
        o.output() == null ? null : o.output().name(), false);
  }

  static PackageObject object(Role role, Path file, String formatId, String mediaType,
      Checksum sha, OutputRecord out) {
    return object(role, file, file.getFileName().toString(), formatId, mediaType, sha, out);
  }

  static PackageObject object(Role role, Path file, String fileName, String formatId,
      String mediaType, Checksum sha, OutputRecord out) {
    try {
      return new PackageObject(role, Pid.of("planned"), file, fileName, formatId,
          mediaType, Files.size(file), sha, out, null);
    } catch (IOException e) {
      throw new PublishException.LocalFileFailure("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** Resolves a run-relative path and refuses one that escapes the run directory. */
  static Path inside(Path runDir, String relative) {
    Path root = runDir.toAbsolutePath().normalize();
    Path p = root.resolve(relative).normalize();
    if (!p.startsWith(root)) {
      throw new PublishException("path " + relative + " in run.json points outside the run directory " + root);
    }
    if (!Files.isRegularFile(p)) {
      throw new PublishException("run.json names " + relative + ", which is not a file in " + root);
    }
    return p;
  }

  static Checksum hash(Path file) {
    try {
      return Checksum.sha256Of(file);
    } catch (IOException e) {
      throw new PublishException.LocalFileFailure("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  static Path write(Path file, byte[] bytes) {
    try {
      Files.createDirectories(file.getParent());
      return Files.write(file, bytes);
    } catch (IOException e) {
      throw new PublishException.LocalFileFailure("cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
