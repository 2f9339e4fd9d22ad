package org.headwater.publish.fake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.headwater.publish.sysmeta.AccessRule;
import org.headwater.publish.sysmeta.Checksum;
import org.headwater.publish.sysmeta.FormatIds;
import org.headwater.publish.sysmeta.Pid;
import org.headwater.publish.sysmeta.SystemMetadata;
import org.headwater.publish.sysmeta.SystemMetadataXml;
import org.headwater.publish.testing.Fixtures;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * The fake node answers on the wire as Metacat does; each test names the Metacat class it holds the
 * fake to. Plain OkHttp requests, not Headwater's client, so the client's reading plays no part.
 */
class MetacatBehaviourIT {
  private static final byte[] CSV = "x,y\n1,2\n".getBytes(StandardCharsets.UTF_8);
  private final OkHttpClient http = new OkHttpClient();
  /** Started per test; without the schemas the test is skipped before it exists. */
  @AutoClose private final FakeMemberNode node;
  private final String token = Fixtures.token();

  MetacatBehaviourIT() throws IOException {
    node = new FakeMemberNode(Fixtures.schemas());
  }

  private record Answer(int status, okhttp3.Headers headers, byte[] body) {
    Element error() throws Exception {
      var f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      return f.newDocumentBuilder().parse(new java.io.ByteArrayInputStream(body)).getDocumentElement();
    }
  }

  private Answer send(Request.Builder b, String bearer) throws IOException {
    if (bearer != null) {
      b.header("Authorization", "Bearer " + bearer);
    }
    try (Response r = http.newCall(b.build()).execute()) {
      return new Answer(r.code(), r.headers(), r.body() == null ? new byte[0] : r.body().bytes());
    }
  }

  private String url(String call, String pid) {
    return node.baseUrl() + "/v2/" + call + (pid == null ? "" : "/" + pid.replace("/", "%2F"));
  }

  private static SystemMetadata sysmeta(String pid, byte[] bytes) {
    return SystemMetadata.forUpload(Pid.of(pid), FormatIds.CSV, bytes.length, Checksum.sha256Of(bytes),
        Fixtures.ORCID, Fixtures.ORCID, List.of(AccessRule.publicRead()), "text/csv", "a.csv");
  }

  private static RequestBody parts(String pidField, SystemMetadata sm, byte[] bytes) {
    return new MultipartBody.Builder().setType(MultipartBody.FORM)
        .addFormDataPart(pidField, sm.identifier().value())
        .addFormDataPart("sysmeta", "sysmeta.xml", RequestBody.create(SystemMetadataXml.write(sm),
            MediaType.get("text/xml")))
        .addFormDataPart("object", "a.csv", RequestBody.create(bytes, MediaType.get("text/csv"))).build();
  }

  private Answer create(SystemMetadata sm, byte[] bytes, String bearer) throws IOException {
    return send(new Request.Builder().url(url("object", null)).post(parts("pid", sm, bytes)), bearer);
  }

  private Answer update(String old, SystemMetadata sm, byte[] bytes) throws IOException {
    return send(new Request.Builder().url(url("object", old)).put(parts("newPid", sm, bytes)), token);
  }

  private static void assertError(Answer a, int status, String name, String detail) throws Exception {
    assertThat(a.status()).isEqualTo(status);
    assertThat(a.headers().get("Content-Type")).isEqualTo("text/xml");
    Element e = a.error();
    assertThat(e.getLocalName()).isEqualTo("error");
    assertThat(e.getNamespaceURI()).isNull();
    assertThat(e.getAttribute("name")).isEqualTo(name);
    assertThat(e.getAttribute("errorCode")).isEqualTo(String.valueOf(status));
    assertThat(e.getAttribute("detailCode")).isEqualTo(detail);
    assertThat(e.getElementsByTagName("description").item(0).getTextContent()).isNotBlank();
  }

  @Test
  void headOfAMissingObjectIs404WithFullyQualifiedExceptionHeadersAndNoBody() throws Exception {
    // MNResourceHandler.describeObject
    Answer a = send(new Request.Builder().url(url("object", "urn:none")).head(), null);
    assertThat(a.status()).isEqualTo(404);
    assertThat(a.body()).isEmpty();
    assertThat(a.headers().get("DataONE-Exception-Name")).isEqualTo("org.dataone.service.exceptions.NotFound");
    assertThat(a.headers().get("DataONE-Exception-DetailCode")).isEqualTo("1420");
    assertThat(a.headers().get("DataONE-Exception-Description")).contains("urn:none");
    assertThat(a.headers().get("DataONE-Exception-PID")).isEqualTo("urn:none");
  }

  @Test
  void errorsCarryAnErrorDocumentWithTheShortName() throws Exception {
    // D1ResourceHandler.serializeException + BaseException.serializeXML
    Answer a = send(new Request.Builder().url(url("meta", "urn:none")), token);
    assertError(a, 404, "NotFound", "1420");
    assertThat(a.error().getAttribute("identifier")).isEqualTo("urn:none");
  }

  @Test
  void describeAnswersMetacatsHeaders() throws Exception {
    assertThat(create(sysmeta("urn:d", CSV), CSV, token).status()).isEqualTo(200);
    Answer a = send(new Request.Builder().url(url("object", "urn:d")).head(), null);
    assertThat(a.status()).isEqualTo(200);
    assertThat(a.headers().get("DataONE-ObjectFormat")).isEqualTo(FormatIds.CSV);
    assertThat(a.headers().get("DataONE-Checksum")).isEqualTo("SHA-256," + Checksum.sha256Of(CSV).value());
    assertThat(a.headers().get("Content-Length")).isEqualTo(String.valueOf(CSV.length));
    assertThat(a.headers().get("DataONE-SerialVersion")).isEqualTo("0");
  }

  @Test
  void createWithAPidInUseIs409IdentifierNotUnique() throws Exception {
    // D1NodeService.objectExists
    assertThat(create(sysmeta("urn:a", CSV), CSV, token).status()).isEqualTo(200);
    assertError(create(sysmeta("urn:a", CSV), CSV, token), 409, "IdentifierNotUnique", "1120");
    assertThat(node.objectCount()).isEqualTo(1);
  }

  @Test
  void checksumOrSizeNotMatchingTheBytesIsInvalidSystemMetadata() throws Exception {
    // Storage.storeObject
    byte[] other = "x,y\n9,9\n".getBytes(StandardCharsets.UTF_8);
    assertError(create(sysmeta("urn:c", CSV), other, token), 400, "InvalidSystemMetadata", "0000");
    byte[] longer = "x,y\n1,2\n3,4\n".getBytes(StandardCharsets.UTF_8);
    SystemMetadata sm = sysmeta("urn:c", CSV);
    SystemMetadata wrongSize = new SystemMetadata(null, sm.identifier(), sm.formatId(), longer.length,
        Checksum.sha256Of(CSV), sm.submitter(), sm.rightsHolder(), sm.accessPolicy(), null, null, null, null,
        null, null, null, sm.mediaType(), sm.fileName());
    assertError(create(wrongSize, CSV, token), 400, "InvalidSystemMetadata", "0000");
    assertThat(node.objectCount()).isZero();
  }

  @Test
  void missingExpiredOrMalformedTokensAreInvalidTokenOnWrites() throws Exception {
    // D1ResourceHandler.handle (no session) + MNodeService.create "1110"
    String expired = Fixtures.jwt(Fixtures.ORCID, Instant.now().minusSeconds(60));
    for (String bearer : new String[] {null, expired, "not-a-jwt"}) {
      assertError(create(sysmeta("urn:t", CSV), CSV, bearer), 401, "InvalidToken", "1110");
    }
    assertThat(node.objectCount()).isZero();
  }

  @Test
  void archiveWithoutASessionIsNotAuthorized() throws Exception {
    // MNodeService.archive: isAuthorized fails for the public session -> NotAuthorized "1320"
    assertThat(create(sysmeta("urn:n", CSV), CSV, token).status()).isEqualTo(200);
    assertError(send(new Request.Builder().url(url("archive", "urn:n")).put(RequestBody.create(new byte[0])),
        null), 401, "NotAuthorized", "1320");
  }

  @Test
  void updateOfAnObsoletedObjectIsInvalidRequest() throws Exception {
    // MNodeService.update, "check for previous update"
    assertThat(create(sysmeta("urn:v1", CSV), CSV, token).status()).isEqualTo(200);
    assertThat(update("urn:v1", sysmeta("urn:v2", CSV), CSV).status()).isEqualTo(200);
    Answer again = update("urn:v1", sysmeta("urn:v3", CSV), CSV);
    assertError(again, 400, "InvalidRequest", "1202");
    assertThat(again.error().getTextContent()).contains("already been made obsolete by: urn:v2");
    assertThat(node.sysmeta("urn:v1").obsoletedBy()).isEqualTo(Pid.of("urn:v2"));
    assertThat(node.sysmeta("urn:v3")).isNull();
  }

  @Test
  void createWithObsoletesIsInvalidSystemMetadata() throws Exception {
    // MNodeService.create: "The obsoletes field cannot have a value when creating entries."
    SystemMetadata sm = sysmeta("urn:o", CSV);
    SystemMetadata withObsoletes = new SystemMetadata(null, sm.identifier(), sm.formatId(), sm.size(),
        sm.checksum(), sm.submitter(), sm.rightsHolder(), sm.accessPolicy(), Pid.of("urn:older"), null, null,
        null, null, null, null, sm.mediaType(), sm.fileName());
    assertError(create(withObsoletes, CSV, token), 400, "InvalidSystemMetadata", "1180");
  }

  @Test
  void generateWithSchemeDoiAnswersADataOneIdentifier() throws Exception {
    // MNodeService.generateIdentifier, DOI_SCHEME
    RequestBody form = new MultipartBody.Builder().setType(MultipartBody.FORM).addFormDataPart("scheme", "DOI")
        .build();
    Answer a = send(new Request.Builder().url(url("generate", null)).post(form), token);
    assertThat(a.status()).isEqualTo(200);
    Element id = a.error();
    assertThat(id.getLocalName()).isEqualTo("identifier");
    assertThat(id.getNamespaceURI()).isEqualTo("http://ns.dataone.org/service/types/v1");
    assertThat(id.getTextContent()).startsWith("doi:10.5072/");
    assertError(send(new Request.Builder().url(url("generate", null)).post(form), null), 401, "InvalidToken",
        "2190");
  }

  @Test
  void theNodeSetsSerialVersionDatesSubmitterAndAuthoritativeNodeItself() throws Exception {
    // MNodeService.create overwrites what the client sent
    SystemMetadata sm = sysmeta("urn:s", CSV);
    Instant longAgo = Instant.parse("2001-01-01T00:00:00Z");
    SystemMetadata claimed = new SystemMetadata(7L, sm.identifier(), sm.formatId(), sm.size(), sm.checksum(),
        "http://orcid.org/someone-else", sm.rightsHolder(), sm.accessPolicy(), null, null, Boolean.TRUE,
        longAgo, longAgo, null, null, sm.mediaType(), sm.fileName());
    Instant before = Instant.now().minusSeconds(1);
    assertThat(create(claimed, CSV, token).status()).isEqualTo(200);
    Answer a = send(new Request.Builder().url(url("meta", "urn:s")), null);
    SystemMetadata stored = SystemMetadataXml.read(a.body());
    assertThat(stored.serialVersion()).isZero();
    assertThat(stored.dateUploaded()).isAfter(before);
    assertThat(stored.dateSysMetadataModified()).isAfter(before);
    assertThat(stored.submitter()).isEqualTo(Fixtures.ORCID);
    assertThat(stored.authoritativeMemberNode()).isEqualTo("urn:node:FAKE");
    assertThat(stored.archived()).isFalse();
  }

  @Test
  void updateMayNotChangeTheAuthoritativeNode() throws Exception {
    // MNodeService.update: "They don't match. Clients don't have the permission to change it."
    assertThat(create(sysmeta("urn:m1", CSV), CSV, token).status()).isEqualTo(200);
    SystemMetadata sm = sysmeta("urn:m2", CSV);
    SystemMetadata moved = new SystemMetadata(null, sm.identifier(), sm.formatId(), sm.size(), sm.checksum(),
        sm.submitter(), sm.rightsHolder(), sm.accessPolicy(), Pid.of("urn:m1"), null, null, null, null,
        "urn:node:ELSEWHERE", null, sm.mediaType(), sm.fileName());
    assertError(update("urn:m1", moved, CSV), 400, "InvalidRequest", "1202");
    assertThat(node.sysmeta("urn:m1").obsoletedBy()).isNull();
  }
}
