package org.headwater.publish.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.headwater.provenance.record.Coverage;
import org.headwater.provenance.record.Creator;
import org.headwater.provenance.record.Funding;
import org.headwater.provenance.record.InputRecord;
import org.headwater.provenance.record.OutputRecord;
import org.headwater.provenance.record.RecipeInfo;
import org.headwater.provenance.record.RunRecord;
import org.headwater.provenance.record.RunRecords;
import org.headwater.provenance.record.SoftwareInfo;
import org.headwater.provenance.record.StepRecord;
import org.headwater.provenance.record.VariableRecord;
import org.headwater.publish.sysmeta.Checksum;

/** Run directories, tokens and schema paths for tests. */
public final class Fixtures {
  public static final String ORCID = "https://orcid.org/0000-0002-1825-0097";

  private Fixtures() {}

  /**
   * The official XSDs for tests: {@code HEADWATER_SCHEMAS}, else {@code ../shared/schemas} beside
   * the checkout (publish/ is the working directory). Without either the calling test is skipped
   * (aborted) with the reason, never failed: the project's tree holds no third-party schemas.
   */
  public static Path schemas() {
    Path p = schemasOrNull();
    if (p == null) {
      String reason = "needs the official DataONE/EML XSDs: set HEADWATER_SCHEMAS=DIR, put them"
          + " in ../shared/schemas beside the checkout, or run 'headwater schemas fetch --to DIR'";
      announceSkip(reason);
      return org.junit.jupiter.api.Assumptions.abort(reason);
    }
    return p;
  }

  private static final java.util.Set<String> ANNOUNCED = java.util.concurrent.ConcurrentHashMap.newKeySet();

  /**
   * Prints the reason once per test class on the process's own stderr: Surefire keeps {@code
   * System.err} of tests in report files, and a skip's reason belongs on the console.
   */
  private static void announceSkip(String reason) {
    String caller = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE)
        .walk(s -> s.map(f -> f.getDeclaringClass().getSimpleName())
            .filter(n -> !n.equals("Fixtures")).findFirst().orElse("?"));
    if (ANNOUNCED.add(caller)) {
      @SuppressWarnings("resource") // the process's stderr stays open
      java.io.PrintStream console =
          new java.io.PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err), true);
      console.println("[SKIPPED] " + caller + ": " + reason);
    }
  }

  /** {@link #schemas()}, or null when there are none (for tests that only need them sometimes). */
  public static Path schemasOrNull() {
    String env = System.getenv("HEADWATER_SCHEMAS");
    Path p = env != null && !env.isBlank()
        ? Path.of(env)
        : Path.of("").toAbsolutePath().getParent().getParent().resolve("shared/schemas");
    return Files.isRegularFile(p.resolve("eml-2.2.0/eml.xsd")) ? p : null;
  }

  /** An unsigned JWT with {@code sub} and {@code exp}, like an ADC token. */
  public static String jwt(String sub, Instant exp) {
    Base64.Encoder b = Base64.getUrlEncoder().withoutPadding();
    String header = b.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
    String body = b.encodeToString(("{\"sub\":\"" + sub + "\",\"fullName\":\"Ada Lovelace\",\"exp\":"
        + exp.getEpochSecond() + "}").getBytes(StandardCharsets.UTF_8));
    return header + "." + body + ".c2lnbmF0dXJlLXNlY3JldC1YWVo";
  }

  /** A valid token for an hour. */
  public static String token() {
    return jwt(ORCID, Instant.now().plusSeconds(3600));
  }

  /** A run directory with a NetCDF, a CSV, a Zarr store (not published) and the recipe. */
  public static Path runDir(Path parent, String runId) throws IOException {
    Path dir = Files.createDirectories(parent.resolve("runs").resolve(runId));
    Files.createDirectories(dir.resolve("outputs/speed.zarr"));
    Files.writeString(dir.resolve("outputs/speed.zarr/.zgroup"), "{\"zarr_format\":2}");
    byte[] nc = new byte[4096];
    for (int i = 0; i < nc.length; i++) {
      nc[i] = (byte) (i * 31 + runId.hashCode());
    }
    nc[0] = 'C';
    nc[1] = 'D';
    nc[2] = 'F';
    nc[3] = 1;
    Files.write(dir.resolve("outputs/speed.nc"), nc);
    Files.writeString(dir.resolve("outputs/summary.csv"),
        "member,mean_speed,label\n1,101.5,a & b\n2,-9999,<c>\n");
    Files.writeString(dir.resolve("recipe.yaml"), "id: greenland-speed\ntitle: Greenland speed\n");
    RunRecords.write(record(dir, runId), dir);
    return dir;
  }

  /** Rewrites one output's bytes and the run record to match. */
  public static void changeOutput(Path runDir, String file, String text) throws IOException {
    Files.writeString(runDir.resolve("outputs").resolve(file), text);
    RunRecord r = RunRecords.read(runDir);
    RunRecords.write(record(runDir, r.runId()), runDir);
  }

  static RunRecord record(Path dir, String runId) throws IOException {
    List<VariableRecord> ncVars = List.of(
        new VariableRecord("surface_speed", "float32", List.of("member", "time", "y", "x"), "m yr-1",
            "ice surface speed & <magnitude>", "-2e9", List.of("velsurf_mag"), List.of(1)),
        new VariableRecord("lat", "float64", List.of("y", "x"), "degrees_north", "latitude", null,
            List.of("lat"), List.of()),
        new VariableRecord("time", "float64", List.of("time"), "seconds since 1-1-1", "time", null,
            List.of("time"), List.of()));
    List<VariableRecord> csvVars = List.of(
        new VariableRecord("member", "int32", List.of(), null, "ensemble member", null, List.of(), List.of()),
        new VariableRecord("mean_speed", "float64", List.of(), "m s-1", "mean speed", "-9999", List.of("surface_speed"), List.of(2)),
        new VariableRecord("label", "string", List.of(), null, "label", null, List.of(), List.of()));
    Coverage cov = new Coverage(-75.0, -10.5, 59.0, 84.0, "2008-01-01T00:00:00", "2100-02-30T00:00:00", "360_day");
    List<OutputRecord> outs = new ArrayList<>();
    outs.add(new OutputRecord("speed_zarr", "outputs/speed.zarr", "zarr", "ab".repeat(32), 17, ncVars, cov));
    outs.add(output(dir, "speed_nc", "outputs/speed.nc", "netcdf4", ncVars, cov));
    outs.add(output(dir, "summary", "outputs/summary.csv", "csv", csvVars, null));
    RecipeInfo recipe = new RecipeInfo("greenland-speed",
        sha(dir.resolve("recipe.yaml")), "recipe.yaml", "Greenland surface speed <ensemble> & means",
        "Surface speed of the Greenland ice sheet, combined across ensemble members.", "CC-BY-4.0",
        List.of(new Creator("Ada Lovelace", ORCID, "Analytical Engines Ltd", "ada@example.org"),
            new Creator("Charles Babbage", null, null, null)),
        List.of("Greenland", "ice velocity"),
        List.of(new Funding("National Science Foundation", "1234567", "Arctic speed")));
    List<InputRecord> inputs = List.of(
        new InputRecord("https://example.org/data/member_1.nc", "doi:10.18739/A2SOURCE", "cd".repeat(32),
            1000, Instant.parse("2025-01-01T00:00:00Z"), null, null, "netcdf", Map.of("member", "1"), false),
        new InputRecord("https://arcticdata.io/metacat/d1/mn/v2/object/urn%3Auuid%3Aabc", null,
            "ef".repeat(32), 2000, Instant.parse("2025-01-01T00:00:00Z"), null, null, "netcdf", Map.of("member", "2"), false));
    List<StepRecord> steps = List.of(
        new StepRecord(1, "rename", Map.of("velsurf_mag", "surface_speed"), Map.of(), List.of("surface_speed")),
        new StepRecord(2, "to_csv", Map.of("path", "summary.csv"), Map.of(), List.of("mean_speed")));
    return new RunRecord(runId, RunRecord.SUCCEEDED, recipe, Instant.parse("2025-01-02T00:00:00Z"),
        Instant.parse("2025-01-02T00:10:00Z"), new SoftwareInfo("0.1.0", "17", "2.70.0", "4.5.5", "DirectRunner"),
        inputs, List.of(), steps, outs, null);
  }

  private static OutputRecord output(Path dir, String name, String path, String format,
      List<VariableRecord> vars, Coverage cov) throws IOException {
    Path f = dir.resolve(path);
    return new OutputRecord(name, path, format, sha(f), Files.size(f), vars, cov);
  }

  static String sha(Path f) throws IOException {
    return Checksum.sha256Of(f).value();
  }
}
