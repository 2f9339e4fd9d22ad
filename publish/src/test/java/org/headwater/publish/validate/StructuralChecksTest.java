package org.headwater.publish.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.headwater.publish.PublishException;
import org.headwater.publish.sysmeta.AccessRule;
import org.headwater.publish.sysmeta.Checksum;
import org.headwater.publish.sysmeta.FormatIds;
import org.headwater.publish.sysmeta.Pid;
import org.headwater.publish.sysmeta.SystemMetadata;
import org.headwater.publish.sysmeta.SystemMetadataXml;
import org.headwater.publish.testing.Fixtures;
import org.junit.jupiter.api.Test;

/** The checks that run without the XSDs (and with them). Needs no schema files. */
class StructuralChecksTest {
  private final DocumentValidator v = DocumentValidator.withoutXsd();

  private static byte[] sysmeta(String formatId) {
    return SystemMetadataXml.write(SystemMetadata.forUpload(Pid.of("urn:uuid:1"), formatId, 3,
        Checksum.sha256("ab"), Fixtures.ORCID, Fixtures.ORCID, List.of(AccessRule.publicRead()),
        "text/csv", "a.csv"));
  }

  private static byte[] eml(String datasetBody) {
    return ("<eml:eml xmlns:eml=\"https://eml.ecoinformatics.org/eml-2.2.0\" packageId=\"doi:10.5072/x\""
        + " system=\"https://doi.org\"><dataset>" + datasetBody + "</dataset></eml:eml>")
        .getBytes(StandardCharsets.UTF_8);
  }

  private static final String PARTIES =
      "<title>T</title><creator><individualName><surName>L</surName></individualName></creator>"
          + "<contact><references>p1</references></contact>";

  @Test
  void passesWhatHeadwaterWrites() {
    assertThat(v.validatesXsd()).isFalse();
    v.validateSystemMetadata(sysmeta(FormatIds.NETCDF4), "sysmeta");
    v.validateEml(eml("<title>T</title><creator id=\"p1\"><individualName><surName>L</surName>"
        + "</individualName></creator><contact><references>p1</references></contact>"), "EML");
  }

  @Test
  void rejectsSystemMetadataWithoutARequiredElement() {
    String xml = new String(sysmeta(FormatIds.CSV), StandardCharsets.UTF_8)
        .replaceFirst("<rightsHolder>[^<]*</rightsHolder>", "");
    assertThatThrownBy(() -> v.validateSystemMetadata(xml.getBytes(StandardCharsets.UTF_8), "sm"))
        .isInstanceOf(PublishException.InvalidDocument.class)
        .hasMessage("sm is invalid: the required element <rightsHolder> is missing or empty");
  }

  @Test
  void rejectsRequiredElementsOutOfOrder() {
    String xml = new String(sysmeta(FormatIds.CSV), StandardCharsets.UTF_8)
        .replaceFirst("(<formatId>[^<]*</formatId>)\\s*(<size>[^<]*</size>)", "$2$1");
    assertThatThrownBy(() -> v.validateSystemMetadata(xml.getBytes(StandardCharsets.UTF_8), "sm"))
        .hasMessageContaining("<size> is out of schema order");
  }

  @Test
  void rejectsAFormatIdHeadwaterDoesNotKnowToBeRegistered() {
    assertThatThrownBy(() -> v.validateSystemMetadata(sysmeta("application/x-zarr"), "zarr"))
        .hasMessageContaining("formatId 'application/x-zarr' is not registered");
  }

  @Test
  void rejectsTheWrongRootOrNamespace() {
    byte[] v1 = new String(sysmeta(FormatIds.CSV), StandardCharsets.UTF_8)
        .replace("http://ns.dataone.org/service/types/v2.0", "http://ns.dataone.org/service/types/v1")
        .getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> v.validateSystemMetadata(v1, "sm")).hasMessageContaining("not {http://ns.dataone.org/service/types/v2.0}systemMetadata");
    assertThatThrownBy(() -> v.validateEml("<eml/>".getBytes(StandardCharsets.UTF_8), "EML"))
        .hasMessageContaining("not {https://eml.ecoinformatics.org/eml-2.2.0}eml");
  }

  @Test
  void rejectsEmlWithoutContactOrWithDuplicateIdsOrDanglingReferences() {
    assertThatThrownBy(() -> v.validateEml(eml("<title>T</title><creator/>"), "EML"))
        .hasMessage("EML is invalid: <dataset> has no <contact>");
    assertThatThrownBy(() -> v.validateEml(eml(PARTIES.replace("<creator>", "<creator id=\"a\">")
        .replace("<title>", "<title id=\"a\">")), "EML"))
        .hasMessage("EML is invalid: the id 'a' is used more than once");
    assertThatThrownBy(() -> v.validateEml(eml(PARTIES), "EML"))
        .hasMessage("EML is invalid: <references>p1</references> names no element id");
  }

  @Test
  void rejectsMalformedXml() {
    assertThatThrownBy(() -> v.validateEml("<eml:eml".getBytes(StandardCharsets.UTF_8), "EML"))
        .isInstanceOf(PublishException.InvalidDocument.class).hasMessageContaining("not well-formed");
  }
}
