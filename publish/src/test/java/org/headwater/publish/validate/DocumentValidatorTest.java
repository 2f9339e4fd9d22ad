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

class DocumentValidatorTest {
  private final DocumentValidator v = new DocumentValidator(Fixtures.schemas());

  private static SystemMetadata sm(String formatId) {
    return SystemMetadata.forUpload(Pid.of("urn:uuid:1"), formatId, 3, Checksum.sha256("ab"), "<me & you>",
        Fixtures.ORCID, List.of(AccessRule.publicRead(), AccessRule.parse("CN=admins,DC=dataone,DC=org=write+changePermission")),
        "text/csv", "a&b.csv").withObsoletes(Pid.of("urn:uuid:0"));
  }

  @Test
  void writesSystemMetadataInSchemaOrderAndReadsItBack() {
    byte[] xml = SystemMetadataXml.write(sm(FormatIds.CSV));
    v.validateSystemMetadata(xml, "sysmeta");
    assertThat(SystemMetadataXml.read(xml)).isEqualTo(sm(FormatIds.CSV));
    String s = new String(xml, StandardCharsets.UTF_8);
    assertThat(s).contains("&lt;me &amp; you&gt;", "<fileName>a&amp;b.csv</fileName>");
    assertThat(s.indexOf("<obsoletes>")).isLessThan(s.indexOf("<mediaType")).isGreaterThan(s.indexOf("<accessPolicy>"));
  }

  @Test
  void rejectsElementsOutOfOrder() {
    String xml = new String(SystemMetadataXml.write(sm(FormatIds.CSV)), StandardCharsets.UTF_8);
    String swapped = xml.replaceFirst("(<formatId>[^<]*</formatId>)\\s*(<size>[^<]*</size>)", "$2$1");
    assertThatThrownBy(() -> v.validateSystemMetadata(swapped.getBytes(StandardCharsets.UTF_8), "swapped"))
        .isInstanceOf(PublishException.InvalidDocument.class).hasMessageContaining("swapped is invalid");
  }

  @Test
  void rejectsFormatIdsDataOneDoesNotRegister() {
    assertThatThrownBy(() -> v.validateSystemMetadata(SystemMetadataXml.write(sm("application/x-zarr")), "zarr"))
        .isInstanceOf(PublishException.InvalidDocument.class).hasMessageContaining("not registered");
  }

  @Test
  void rejectsInvalidEml() {
    byte[] eml = "<eml:eml xmlns:eml=\"https://eml.ecoinformatics.org/eml-2.2.0\" packageId=\"x\" system=\"y\"><dataset/></eml:eml>"
        .getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> v.validateEml(eml, "EML")).isInstanceOf(PublishException.InvalidDocument.class);
  }
}
