package org.headwater.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.headwater.provenance.record.OutputRecord;
import org.headwater.provenance.record.RasterRecord;
import org.headwater.provenance.record.RunRecord;
import org.headwater.provenance.record.RunRecords;
import org.headwater.publish.PublishRequest;
import org.headwater.publish.PublishResult;
import org.headwater.publish.Publisher;
import org.headwater.publish.dataone.AuthToken;
import org.headwater.publish.dataone.MemberNodeClient;
import org.headwater.publish.fake.FakeMemberNode;
import org.headwater.publish.sysmeta.SystemMetadata;
import org.headwater.publish.testing.Fixtures;
import org.headwater.publish.validate.DocumentValidator;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's two Cloud-Optimized GeoTIFFs (EPSG:3413 and EPSG:4326) publish to the fake Metacat
 * node as {@code image/geotiff} objects of one complete package, each an EML {@code
 * spatialRaster} with its CRS and cell size, derived from the sources in the resource map's PROV;
 * the EML is checked with xmllint against the official EML 2.2.0 XSDs.
 */
class GeoTiffPublishIT {
  @TempDir Path tmp;
  @AutoClose private final FakeMemberNode fake;
  private final DocumentValidator validator = new DocumentValidator(Fixtures.schemas());

  GeoTiffPublishIT() throws Exception {
    fake = new FakeMemberNode(Fixtures.schemas());
  }

  @Test
  void theDemosGeoTiffsPublishAsSpatialRastersOfACompletePackage() throws Exception {
    Path runDir = demoRun();
    RunRecord record = RunRecords.read(runDir);
    RasterRecord polar = raster(record, "speed-cog");
    RasterRecord wgs84 = raster(record, "speed-cog-wgs84");
    assertThat(polar.crs().code()).isEqualTo("EPSG:3413");
    assertThat(wgs84.crs().code()).isEqualTo("EPSG:4326");

    String token = Fixtures.token();
    PublishResult r;
    try (MemberNodeClient c = MemberNodeClient.builder(fake.baseUrl()).token(AuthToken.parse(token))
        .timeouts(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(30)).build()) {
      r = Publisher.publish(PublishRequest.builder(runDir, fake.baseUrl())
          .token(AuthToken.parse(token)).schemas(Fixtures.schemas()).env(Map.of()).build(),
          c, validator);
    }
    assertThat(fake.objectCount()).as("every object of the package is on the node")
        .isEqualTo(r.pids().size());
    List<SystemMetadata> tiffs = r.pids().stream().map(p -> fake.sysmeta(p.value()))
        .filter(s -> s.formatId().equals("image/geotiff")).toList();
    assertThat(tiffs).extracting(SystemMetadata::fileName)
        .containsExactlyInAnyOrder("speed-cog_" + polar.file(), "speed-cog-wgs84_" + wgs84.file());
    for (SystemMetadata s : tiffs) {
      String folder = s.fileName().startsWith("speed-cog-wgs84_") ? "speed-cog-wgs84" : "speed-cog";
      Path file = runDir.resolve("outputs/" + folder + "/"
          + s.fileName().substring(folder.length() + 1));
      assertThat(fake.content(s.identifier().value())).as("the node holds the file's bytes")
          .isEqualTo(Files.readAllBytes(file));
    }

    byte[] eml = fake.content(r.metadataPid().value());
    Path emlFile = Files.write(tmp.resolve("eml.xml"), eml);
    Process p = new ProcessBuilder("xmllint", "--noout", "--schema",
        Fixtures.schemas().resolve("eml-2.2.0/eml.xsd").toString(), emlFile.toString())
        .redirectErrorStream(true).start();
    String xmllint = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(xmllint).isZero();
    String text = new String(eml, StandardCharsets.UTF_8);
    assertThat(text.split("<spatialRaster ", -1)).as("one spatialRaster per GeoTIFF").hasSize(3);
    String polarEntity = entity(text, "speed-cog_" + polar.file());
    assertThat(polarEntity)
        .contains("<horizCoordSysDef name=\"WGS 84 / NSIDC Sea Ice Polar Stereographic North"
            + " (EPSG:3413)\">")
        .contains("<projection name=\"Polar Stereographic (variant B)\">")
        .contains("name=\"Latitude of standard parallel\" value=\"70.0\"")
        .contains("<cellSizeXDirection>" + polar.cellSizeX() + "</cellSizeXDirection>")
        .contains("<cellSizeYDirection>" + polar.cellSizeY() + "</cellSizeYDirection>")
        .contains("<rows>" + polar.rows() + "</rows>").contains("<columns>" + polar.columns())
        .contains("<numberOfBands>" + polar.bands() + "</numberOfBands>");
    assertThat(polar.bands()).as("bands: time").isGreaterThan(1);
    assertThat(entity(text, "speed-cog-wgs84_" + wgs84.file()))
        .contains("<horizCoordSysName>GCS_WGS_1984</horizCoordSysName>")
        .contains("<cellSizeXDirection>" + wgs84.cellSizeX() + "</cellSizeXDirection>")
        .contains("<westBoundingCoordinate>" + wgs84.bbox().get(0) + "</westBoundingCoordinate>");

    Model ore = ModelFactory.createDefaultModel();
    ore.read(new ByteArrayInputStream(fake.content(r.resourceMapPid().value())), null);
    for (SystemMetadata s : tiffs) {
      Resource tif = ore.listSubjectsWithProperty(ore.createProperty(
          "http://purl.org/dc/terms/identifier"), s.identifier().value()).next();
      assertThat(tif.hasProperty(ore.createProperty("http://www.w3.org/ns/prov#wasGeneratedBy")))
          .as("%s was generated by the run", s.fileName()).isTrue();
      assertThat(tif.listProperties(ore.createProperty("http://www.w3.org/ns/prov#wasDerivedFrom"))
          .toList()).as("%s derives from the sources", s.fileName()).hasSize(record.inputs().size());
    }
  }

  private Path demoRun() {
    System.setProperty("headwater.home", Path.of("..").toAbsolutePath().normalize().toString());
    CliRun run;
    try {
      run = CliRun.of("demo", "--work", tmp.toString());
    } finally {
      System.clearProperty("headwater.home");
    }
    assertThat(run.code()).as(run.err()).isZero();
    List<String> lines = run.out().lines().toList();
    return Path.of(lines.get(lines.size() - 1));
  }

  private static RasterRecord raster(RunRecord record, String output) {
    OutputRecord out = record.outputs().stream().filter(o -> o.name().equals(output)).findFirst()
        .orElseThrow();
    assertThat(out.rasters()).as(output).hasSize(1);
    return out.rasters().get(0);
  }

  private static String entity(String eml, String fileName) {
    int at = eml.indexOf("<entityName>" + fileName + "</entityName>");
    assertThat(at).as(fileName).isPositive();
    return eml.substring(at, eml.indexOf("</spatialRaster>", at));
  }
}
