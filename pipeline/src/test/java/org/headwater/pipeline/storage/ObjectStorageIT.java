package org.headwater.pipeline.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.headwater.pipeline.RecipeException;
import org.headwater.pipeline.demo.DemoData;
import org.headwater.pipeline.fetch.FetchOptions;
import org.headwater.pipeline.internal.Hashing;
import org.headwater.pipeline.recipe.Recipe;
import org.headwater.pipeline.recipe.RecipeParser;
import org.headwater.pipeline.run.RecipeRunner;
import org.headwater.pipeline.run.RunOptions;
import org.headwater.pipeline.run.RunResult;
import org.headwater.pipeline.storage.s3.S3Store;
import org.headwater.pipeline.testing.Python;
import org.headwater.provenance.record.InputRecord;
import org.headwater.provenance.record.OutputRecord;
import org.headwater.provenance.record.RunRecord;
import org.headwater.provenance.record.RunRecords;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * s3:// sources and output locations end to end, against S3Proxy (a real S3 API server with a
 * filesystem backend) started on loopback; the objects are read back with a plain SDK client and
 * the data with xarray.
 */
class ObjectStorageIT {
  @TempDir static Path shared;
  @TempDir Path tmp;
  private static S3ProxyProcess proxy;
  private static S3Client s3;
  private static Path demo;

  @BeforeAll
  static void start() throws Exception {
    proxy = new S3ProxyProcess(shared);
    s3 = proxy.client();
    s3.createBucket(b -> b.bucket("sources"));
    s3.createBucket(b -> b.bucket("derived"));
    demo = shared.resolve("demo");
    DemoData.write(demo);
    try (Stream<Path> files = Files.list(demo)) {
      for (Path f : files.toList()) {
        s3.putObject(p -> p.bucket("sources").key("demo/" + f.getFileName()), RequestBody.fromFile(f));
      }
    }
  }

  @AfterAll
  static void stop() throws Exception {
    if (s3 != null) {
      s3.close();
    }
    if (proxy != null) {
      proxy.close();
    }
  }

  @AfterEach
  void forgetCredentials() {
    System.clearProperty("aws.accessKeyId");
    System.clearProperty("aws.secretAccessKey");
  }

  @Test
  void readsSourcesFromS3AndUploadsEveryOutputFormatOnlyOnceTheRunHasCommitted() throws Exception {
    credentials(proxy.secret);
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    PrintStream err = System.err;
    RunResult r;
    System.setErr(new PrintStream(new TeeStream(err, log), true, StandardCharsets.UTF_8));
    try {
      r = RecipeRunner.run(recipe("s3://sources/demo", "s3://derived/run1"), options(tmp.resolve("work")));
    } finally {
      System.setErr(err);
    }
    RunRecord record = r.record();
    // every source came from s3, with the store's ETag and size and the bytes' SHA-256
    assertThat(record.inputs()).isNotEmpty().allSatisfy(in -> assertThat(in.url()).startsWith("s3://sources/demo/"));
    for (InputRecord in : record.inputs()) {
      String key = in.url().substring("s3://sources/".length());
      var head = s3.headObject(h -> h.bucket("sources").key(key));
      Path local = demo.resolve(key.substring("demo/".length()));
      assertThat(in.etag()).as(in.url()).isEqualTo(head.eTag());
      assertThat(in.size()).isEqualTo(head.contentLength()).isEqualTo(Files.size(local));
      assertThat(in.sha256()).isEqualTo(Hashing.sha256Hex(local));
    }
    String prov = Files.readString(r.runDir().resolve("prov.ttl"));
    assertThat(prov).contains("s3://sources/demo/speed_member01.nc").contains(record.inputs().get(0).etag().replace("\"", ""));
    // every output: a location in run.json and PROV, and objects identical to the committed files
    assertThat(record.outputs()).extracting(OutputRecord::format).contains("zarr", "netcdf3", "netcdf4", "csv");
    Path download = tmp.resolve("download");
    for (OutputRecord o : record.outputs()) {
      String relative = o.path().substring("outputs/".length());
      assertThat(o.location()).isEqualTo("s3://derived/run1/" + relative);
      assertThat(prov).contains("<" + o.location() + ">");
    }
    assertThat(RunRecords.read(r.runDir()).outputs()).extracting(OutputRecord::location)
        .isEqualTo(record.outputs().stream().map(OutputRecord::location).toList());
    Map<String, String> uploaded = downloadAll("derived", "run1/", download);
    Map<String, String> committed = new TreeMap<>();
    Path outputs = r.runDir().resolve("outputs");
    try (Stream<Path> files = Files.walk(outputs)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        committed.put(outputs.relativize(f).toString(), Hashing.sha256Hex(f));
      }
    }
    assertThat(uploaded).isEqualTo(committed);
    assertThat(uploaded).containsKeys("speed.zarr/.zmetadata", "speed.nc", "speed4.nc", "mass.csv", "mass.columns.json");
    // the downloaded data, read by xarray, holds what the committed files hold
    String check =
        "import sys, xarray as xr\n"
            + "a = xr.open_zarr(sys.argv[1]); b = xr.open_dataset(sys.argv[2]); c = xr.open_dataset(sys.argv[3])\n"
            + "v = a['surface_speed']\n"
            + "assert v.shape == b['surface_speed'].shape == c['surface_speed'].shape, (v.shape,)\n"
            + "assert float(abs(v - b['surface_speed']).max()) < 1e-6\n"
            + "assert float(abs(v - c['surface_speed']).max()) < 1e-6\n"
            + "print(v.sizes['member'], float(v.mean()))\n";
    String got = Python.run(check, download.resolve("speed.zarr").toString(), download.resolve("speed.nc").toString(),
        download.resolve("speed4.nc").toString());
    String local = Python.run(check, outputs.resolve("speed.zarr").toString(), outputs.resolve("speed.nc").toString(),
        outputs.resolve("speed4.nc").toString());
    assertThat(got.trim()).isEqualTo(local.trim()).startsWith("5 ");
    assertThat(Files.readString(download.resolve("mass.csv"))).isEqualTo(Files.readString(outputs.resolve("mass.csv")));
    // the secret key is nowhere: not in the log, the run directory, run.json or PROV
    assertThat(log.toString(StandardCharsets.UTF_8)).contains("uploaded").doesNotContain(proxy.secret);
    assertNoSecretUnder(r.runDir());

    // a second run: the content cache answers for the unchanged objects (same ETag)
    RunResult again = RecipeRunner.run(recipe("s3://sources/demo", "s3://derived/run2"), options(tmp.resolve("work")));
    assertThat(again.record().inputs()).allSatisfy(in -> assertThat(in.fromCache()).as(in.url()).isTrue());
    assertThat(again.record().inputs()).extracting(InputRecord::sha256)
        .isEqualTo(record.inputs().stream().map(InputRecord::sha256).toList());
  }

  @Test
  void aRunThatFailsLeavesNothingUnderTheOutputLocation() throws Exception {
    credentials(proxy.secret);
    // the member files are missing under this prefix, and the recipe does not skip the mass table
    Recipe broken = recipe("s3://sources/nothing-here", "s3://derived/failed-run");
    assertThatThrownBy(() -> RecipeRunner.run(broken, options(tmp.resolve("work"))))
        .isInstanceOf(RecipeException.class)
        // whichever dataset the runner plans first fails the run
        .message().satisfiesAnyOf(
            m -> assertThat(m).containsPattern("s3://sources/nothing-here/\\S+ does not exist"),
            m -> assertThat(m).contains("source 'speed' has no files to read"));
    assertThat(keys("derived", "failed-run/")).isEmpty();
    Path runDir;
    try (Stream<Path> runs = Files.list(tmp.resolve("work/runs"))) {
      runDir = runs.findFirst().orElseThrow();
    }
    assertThat(RunRecords.read(runDir).status()).isEqualTo(RunRecord.FAILED);
  }

  @Test
  void anUploadThatFailsHalfwayDeletesWhatItHadUploaded() throws Exception {
    credentials(proxy.secret);
    Path store = tmp.resolve("out.zarr");
    List<String> names = List.of(".zgroup", ".zattrs", ".zmetadata", "v/.zarray", "v/0.0", "v/0.1", "v/1.0", "v/1.1");
    for (String n : names) {
      Files.createDirectories(store.resolve(n).getParent());
      Files.writeString(store.resolve(n), "bytes of " + n);
    }
    List<Uploads.Item> items = Uploads.items(store, ObjectUrl.parse("s3://derived/halfway/out.zarr"));
    assertThat(items).extracting(i -> i.url().key().substring("halfway/out.zarr/".length()))
        .containsExactly("v/0.0", "v/0.1", "v/1.0", "v/1.1", "v/.zarray", ".zattrs", ".zgroup", ".zmetadata");
    try (S3Store real = S3Store.create(new StorageSettings(proxy.endpoint()))) {
      ObjectStore failing = new FailingAfter(real, 5);
      assertThatThrownBy(() -> Uploads.upload(failing, items))
          .isInstanceOf(StorageException.class)
          .hasMessage("the upload of the outputs stopped after 5 of 8 objects (injected failure after 5 uploads);"
              + " the 5 objects already uploaded were deleted again");
    }
    assertThat(keys("derived", "halfway/")).isEmpty();
  }

  @Test
  void aLargeFileGoesUpInPartsAndArrivesWhole() throws Exception {
    credentials(proxy.secret);
    Path big = tmp.resolve("big.bin");
    byte[] block = new byte[1 << 20];
    new java.util.Random(16).nextBytes(block);
    try (var out = Files.newOutputStream(big)) {
      for (int i = 0; i < 17; i++) {
        block[0] = (byte) i;
        out.write(block);
      }
    }
    try (S3Store store = S3Store.create(new StorageSettings(proxy.endpoint()))) {
      store.upload(big, ObjectUrl.parse("s3://derived/large/big.bin"));
    }
    var head = s3.headObject(h -> h.bucket("derived").key("large/big.bin"));
    // a multipart object's ETag is "<md5 of the parts' md5s>-<number of parts>": 17 MiB in 8 MiB parts
    assertThat(head.eTag()).endsWith("-3\"");
    Path back = tmp.resolve("back.bin");
    s3.getObject(g -> g.bucket("derived").key("large/big.bin"), back);
    assertThat(Hashing.sha256Hex(back)).isEqualTo(Hashing.sha256Hex(big));
  }

  @Test
  void wrongCredentialsGiveOneLineNamingTheEndpointAndBucket() throws Exception {
    credentials("not-the-secret");
    assertThatThrownBy(() -> RecipeRunner.run(recipe("s3://sources/demo", "s3://derived/denied"), options(tmp.resolve("work"))))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining(proxy.endpoint())
        .hasMessageContaining("refused the credentials")
        .hasMessageContaining("bucket 'derived'")
        .hasMessageContaining("AWS_ACCESS_KEY_ID")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("not-the-secret"));
    credentials(proxy.secret);
    assertThat(keys("derived", "denied/")).isEmpty();
  }

  @Test
  void aMissingBucketGivesOneLine() throws Exception {
    credentials(proxy.secret);
    assertThatThrownBy(() -> RecipeRunner.run(recipe("s3://sources/demo", "s3://no-such-bucket/x"), options(tmp.resolve("work"))))
        .isInstanceOf(StorageException.class)
        .hasMessage("bucket 'no-such-bucket' does not exist at " + proxy.endpoint()
            + " (for s3://no-such-bucket/x/speed.zarr); create it, or fix the bucket name");
    assertThatThrownBy(() -> RecipeRunner.run(recipe("s3://missing-sources/demo", "s3://derived/y"), options(tmp.resolve("work"))))
        .isInstanceOf(StorageException.class)
        .hasMessageStartingWith("bucket 'missing-sources' does not exist at " + proxy.endpoint());
  }

  @Test
  void anOutputLocationThatAlreadyHoldsObjectsIsRefusedBeforeTheRun() throws Exception {
    credentials(proxy.secret);
    s3.putObject(p -> p.bucket("derived").key("taken/speed.nc"), RequestBody.fromString("old"));
    assertThatThrownBy(() -> RecipeRunner.run(recipe("s3://sources/demo", "s3://derived/taken"), options(tmp.resolve("work"))))
        .isInstanceOf(StorageException.class)
        .hasMessage("s3://derived/taken/speed.nc already holds objects at " + proxy.endpoint()
            + "; choose another output location, or delete them first");
    assertThat(keys("derived", "taken/")).containsExactly("taken/speed.nc");
  }

  /** The demo recipe with its sources under {@code sourceRoot} and every output (plus NetCDF-4) under {@code location}. */
  private static Recipe recipe(String sourceRoot, String location) throws IOException {
    String text = Files.readString(Path.of("../examples/greenland-speed-ensemble.yaml"));
    int outputs = text.indexOf("outputs:");
    String withLocations =
        text.substring(0, outputs)
            + "outputs:\n"
            + "  - {name: speed, dataset: speed, format: zarr, chunks: {member: 1, time: 1}, location: " + location + "}\n"
            + "  - {name: speed-netcdf, dataset: speed, format: netcdf3, path: speed.nc, location: " + location + "}\n"
            + "  - {name: speed-netcdf4, dataset: speed, format: netcdf4, path: speed4.nc, location: " + location + "}\n"
            + "  - {name: mass, dataset: mass, format: csv, path: mass.csv, location: " + location + "}\n";
    return RecipeParser.withParams(Map.of("source_root", sourceRoot)).parse("greenland-speed-ensemble.yaml", withLocations);
  }

  private static RunOptions options(Path work) {
    return RunOptions.defaults(work)
        .withFetch(FetchOptions.defaults(work.resolve("cache").toString()).withStorage(new StorageSettings(proxy.endpoint())));
  }

  private static void credentials(String secret) {
    System.setProperty("aws.accessKeyId", proxy.identity);
    System.setProperty("aws.secretAccessKey", secret);
  }

  private static List<String> keys(String bucket, String prefix) {
    List<String> out = new ArrayList<>();
    for (S3Object o : s3.listObjectsV2Paginator(l -> l.bucket(bucket).prefix(prefix)).contents()) {
      out.add(o.key());
    }
    return out;
  }

  /** Downloads every object under a prefix; returns relative key to SHA-256. */
  private static Map<String, String> downloadAll(String bucket, String prefix, Path to) throws IOException {
    Map<String, String> out = new TreeMap<>();
    for (String key : keys(bucket, prefix)) {
      if (key.endsWith("/")) {
        continue; // a directory marker S3Proxy's filesystem backend lists for a folder
      }
      Path file = to.resolve(key.substring(prefix.length()));
      Files.createDirectories(file.getParent());
      s3.getObject(g -> g.bucket(bucket).key(key), file);
      out.put(key.substring(prefix.length()), Hashing.sha256Hex(file));
    }
    return out;
  }

  private void assertNoSecretUnder(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        byte[] bytes = Files.readAllBytes(f);
        assertThat(new String(bytes, StandardCharsets.ISO_8859_1)).as(f.toString()).doesNotContain(proxy.secret);
      }
    }
  }
}
