package org.headwater.pipeline.stac;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.assertj.core.data.Offset;
import org.headwater.pipeline.demo.DemoData;
import org.headwater.pipeline.recipe.Recipe;
import org.headwater.pipeline.recipe.RecipeParser;
import org.headwater.pipeline.run.RecipeRunner;
import org.headwater.pipeline.run.RunOptions;
import org.headwater.pipeline.testing.ExternalTools;
import org.headwater.provenance.record.OutputRecord;
import org.headwater.provenance.record.RasterRecord;
import org.headwater.provenance.record.RunRecord;
import org.headwater.provenance.record.RunRecords;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo run's {@code stac/} folder: valid against the official STAC 1.0.0, projection v2.0.0
 * and file v2.1.0 JSON Schemas (read by networknt's validator and by Debian's Python jsonschema),
 * and saying what GDAL and the files themselves say.
 */
class StacCatalogIT {
  static final String ITEM = "https://schemas.stacspec.org/v1.0.0/item-spec/json-schema/item.json";
  static final String COLLECTION =
      "https://schemas.stacspec.org/v1.0.0/collection-spec/json-schema/collection.json";
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path tmp;
  static Path runDir;
  static RunRecord record;

  @BeforeAll
  static void runDemo() throws Exception {
    Path sources = tmp.resolve("sources");
    DemoData.write(sources);
    Recipe recipe = RecipeParser.withParams(
            Map.of("source_root", sources.toUri().toString().replaceAll("/$", "")))
        .parse(Path.of("../examples/greenland-speed-ensemble.yaml"));
    runDir = RecipeRunner.run(recipe, RunOptions.defaults(tmp.resolve("work"))).runDir();
    record = RunRecords.read(runDir);
  }

  @Test
  void theCollectionAndEveryItemValidateAgainstTheOfficialSchemas() throws Exception {
    Path schemas = StacSchemas.dir();
    SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7,
        b -> b.schemas(iri -> read(StacSchemas.file(schemas, iri))));
    Path stac = runDir.resolve("stac");
    List<String> errors = new ArrayList<>();
    errors.addAll(validate(registry, COLLECTION, stac.resolve("collection.json")));
    for (OutputRecord o : record.outputs()) {
      Path item = stac.resolve(o.name() + ".json");
      errors.addAll(validate(registry, ITEM, item));
      for (JsonNode ext : JSON.readTree(item.toFile()).get("stac_extensions")) {
        errors.addAll(validate(registry, ext.asText(), item));
      }
    }
    assertThat(errors).as("networknt json-schema-validator").isEmpty();
    ObjectNode broken = (ObjectNode) JSON.readTree(stac.resolve("speed-cog.json").toFile());
    ((ObjectNode) broken.get("assets").elements().next()).put("file:checksum", "not-a-multihash");
    broken.remove("links");
    Path brokenFile = Files.writeString(tmp.resolve("broken.json"), JSON.writeValueAsString(broken));
    assertThat(validate(registry, ITEM, brokenFile)).as("an item without links").isNotEmpty();
    assertThat(validate(registry, StacFields.FILE, brokenFile)).as("a bad checksum").isNotEmpty();

    String script = String.join("\n",
        "import json, sys, pathlib, re",
        "from jsonschema import Draft7Validator, RefResolver",
        "root = pathlib.Path(sys.argv[1])",
        "def local(uri):",
        "    return json.loads((root / re.sub(r'^https?://', '', uri.split('#')[0])).read_text())",
        "def check(schema_url, doc):",
        "    schema = local(schema_url)",
        "    v = Draft7Validator(schema, resolver=RefResolver(schema_url, schema,"
            + " handlers={'https': local, 'http': local}))",
        "    return [f'{schema_url}: {e.message}' for e in v.iter_errors(doc)]",
        "errors, n = [], 0",
        "for f in sys.argv[2:]:",
        "    doc = json.loads(pathlib.Path(f).read_text())",
        "    main = '" + COLLECTION + "' if doc['type'] == 'Collection' else '" + ITEM + "'",
        "    for url in [main] + doc.get('stac_extensions', []):",
        "        errors += [f'{f}: {e}' for e in check(url, doc)]",
        "        n += 1",
        "print(n, 'validations,', len(errors), 'errors')",
        "print('\\n'.join(errors))");
    List<String> args = new ArrayList<>(List.of(schemas.toString()));
    try (Stream<Path> files = Files.list(stac)) {
      files.sorted().forEach(f -> args.add(f.toString()));
    }
    String out = ExternalTools.python(script, args.toArray(String[]::new));
    assertThat(ExternalTools.python(script, schemas.toString(), brokenFile.toString()))
        .as("Python jsonschema on the broken item").contains("3 validations, 2 errors");
    assertThat(out.strip()).as("Python jsonschema").startsWith(
        (1 + 2 * record.outputs().size() + record.outputs().stream()
            .filter(o -> !o.rasters().isEmpty()).count()) + " validations, 0 errors");
  }

  @Test
  void theCogItemSaysWhatGdalAndTheFileSay() throws Exception {
    JsonNode item = JSON.readTree(runDir.resolve("stac/speed-cog.json").toFile());
    OutputRecord out = record.outputs().stream().filter(o -> o.name().equals("speed-cog"))
        .findFirst().orElseThrow();
    RasterRecord raster = out.rasters().get(0);
    Path tif = runDir.resolve(out.path()).resolve(raster.file());
    JsonNode asset = item.get("assets").get(raster.file().replaceFirst("\\.tif$", ""));
    assertThat(asset.get("href").asText()).isEqualTo("../" + out.path() + "/" + raster.file());
    assertThat(runDir.resolve("stac").resolve(asset.get("href").asText()).normalize()).isEqualTo(tif);
    assertThat(asset.get("type").asText())
        .isEqualTo("image/tiff; application=geotiff; profile=cloud-optimized");
    assertThat(asset.get("file:checksum").asText())
        .isEqualTo("1220" + StacSchemas.sha256(Files.readAllBytes(tif)));
    assertThat(asset.get("file:size").asLong()).isEqualTo(Files.size(tif));
    assertThat(item.get("properties").get("proj:code").asText()).isEqualTo("EPSG:3413");

    JsonNode gdal = JSON.readTree(ExternalTools.python(String.join("\n",
        "import json, sys",
        "from osgeo import gdal, osr",
        "d = gdal.Open(sys.argv[1])",
        "s = osr.SpatialReference(wkt=d.GetProjection())",
        "s.AutoIdentifyEPSG()",
        "print(json.dumps({'code': s.GetAuthorityCode(None), 'gt': d.GetGeoTransform(),"
            + " 'shape': [d.RasterYSize, d.RasterXSize], 'extent': gdal.Info(d, format='json')"
            + "['wgs84Extent']['coordinates'][0]}))"), tif.toString()));
    assertThat(gdal.get("code").asText()).isEqualTo("3413");
    assertThat(asset.get("proj:shape")).isEqualTo(gdal.get("shape"));
    JsonNode gt = gdal.get("gt");
    double[] affine = {gt.get(1).asDouble(), gt.get(2).asDouble(), gt.get(0).asDouble(),
        gt.get(4).asDouble(), gt.get(5).asDouble(), gt.get(3).asDouble()};
    for (int i = 0; i < 6; i++) {
      assertThat(asset.get("proj:transform").get(i).asDouble()).as("proj:transform[%d]", i)
          .isCloseTo(affine[i], Offset.offset(1e-6));
    }
    double west = 180;
    double east = -180;
    double south = 90;
    double north = -90;
    for (JsonNode p : gdal.get("extent")) {
      west = Math.min(west, p.get(0).asDouble());
      east = Math.max(east, p.get(0).asDouble());
      south = Math.min(south, p.get(1).asDouble());
      north = Math.max(north, p.get(1).asDouble());
    }
    JsonNode bbox = item.get("bbox");
    assertThat(bbox.get(0).asDouble()).as("west: ours follows the curved edges, GDAL's corners")
        .isLessThanOrEqualTo(west + 1e-6);
    assertThat(bbox.get(1).asDouble()).isLessThanOrEqualTo(south + 1e-6);
    assertThat(bbox.get(2).asDouble()).isGreaterThanOrEqualTo(east - 1e-6);
    assertThat(bbox.get(3).asDouble()).isGreaterThanOrEqualTo(north - 1e-6);
    assertThat(bbox.get(3).asDouble() - bbox.get(1).asDouble()).isLessThan(45);
  }

  @Test
  void itemsCarryTimesMediaTypesAndLinksToTheSourcesAndTheProvGraph() throws Exception {
    JsonNode nc = JSON.readTree(runDir.resolve("stac/speed-netcdf.json").toFile());
    assertThat(nc.get("assets").get("data").get("type").asText()).isEqualTo("application/x-netcdf");
    JsonNode props = nc.get("properties");
    assertThat(props.get("datetime").isNull()).isTrue();
    assertThat(props.get("start_datetime").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
    assertThat(props.get("start_datetime").asText())
        .isLessThan(props.get("end_datetime").asText());
    List<String> derived = new ArrayList<>();
    String via = null;
    for (JsonNode l : nc.get("links")) {
      if (l.get("rel").asText().equals("derived_from")) {
        derived.add(l.get("href").asText());
      } else if (l.get("rel").asText().equals("via")) {
        via = l.get("href").asText();
      }
    }
    assertThat(derived).contains("https://doi.org/10.5072/headwater-demo-greenland-projections");
    assertThat(runDir.resolve("stac").resolve(via).normalize()).isEqualTo(runDir.resolve("prov.ttl"))
        .exists();
    JsonNode collection = JSON.readTree(runDir.resolve("stac/collection.json").toFile());
    assertThat(collection.get("links").findValuesAsText("href"))
        .contains("./speed-cog.json", "./speed-cog-wgs84.json", "./speed-netcdf.json");
    JsonNode zarr = JSON.readTree(runDir.resolve("stac/" + record.outputs().stream()
        .filter(o -> o.format().equals("zarr")).findFirst().orElseThrow().name() + ".json").toFile());
    assertThat(zarr.get("assets").get("data").get("type").asText()).isEqualTo("application/vnd+zarr");
  }

  private static List<String> validate(SchemaRegistry registry, String schemaUrl, Path doc)
      throws IOException {
    Schema schema = registry.getSchema(SchemaLocation.of(schemaUrl));
    List<Error> errors = schema.validate(Files.readString(doc), InputFormat.JSON);
    return errors.stream().map(e -> doc.getFileName() + " against " + schemaUrl + ": "
        + e.getInstanceLocation() + " " + e.getMessage()).toList();
  }

  private static String read(Path file) {
    try {
      return Files.isRegularFile(file) ? Files.readString(file) : null;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
