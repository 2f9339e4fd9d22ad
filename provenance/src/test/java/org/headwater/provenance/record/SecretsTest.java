package org.headwater.provenance.record;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What a kept error message or recorded URL may say about a URL: everything but its secrets. */
class SecretsTest {
  @Test
  void userInfoIsRedactedAndTheRestOfTheUrlKept() {
    assertThat(Secrets.redact("cannot fetch https://alice:s3cr3t@data.example.org/a.nc after 2 attempts"))
        .isEqualTo("cannot fetch https://REDACTED@data.example.org/a.nc after 2 attempts");
    assertThat(Secrets.redact("HTTP 401 for https://ghp_abc123@host.example/x.nc?v=1: not authorized"))
        .isEqualTo("HTTP 401 for https://REDACTED@host.example/x.nc?v=1: not authorized");
  }

  @Test
  void credentialLikeQueryValuesAreRedactedOthersKept() {
    String presigned = "HTTP 403 for https://bucket.s3.example/speed.nc?X-Amz-Algorithm=AWS4-HMAC-SHA256"
        + "&X-Amz-Credential=AKIAEXAMPLE%2F20240501&X-Amz-Signature=deadbeef&version=2; check the URL";
    assertThat(Secrets.redact(presigned)).isEqualTo("HTTP 403 for https://bucket.s3.example/speed.nc?"
        + "X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=REDACTED&X-Amz-Signature=REDACTED&version=2;"
        + " check the URL");
    assertThat(Secrets.redact("no such file http://h/f.nc?access_token=t0ps3cret and http://h/g.nc?apikey=k&x=1"))
        .isEqualTo("no such file http://h/f.nc?access_token=REDACTED and http://h/g.nc?apikey=REDACTED&x=1")
        .doesNotContain("t0ps3cret");
  }

  @Test
  void punctuationAfterAUrlStaysAfterIt() {
    assertThat(Secrets.redact("HTTP 401 for http://h:8080/a.nc?token=abc: not authorized; (see http://u:p@h/x)."))
        .isEqualTo("HTTP 401 for http://h:8080/a.nc?token=REDACTED: not authorized; (see http://REDACTED@h/x).");
  }

  @Test
  void aRedactedUrlIsStillAnIriAndSaysItWasRedacted() {
    String url = Secrets.redact("https://u:p@h.example/a.nc?X-Amz-Signature=abc&access_token=t0k&v=1");
    assertThat(java.net.URI.create(url)).as("parses as a URI (and so as PROV's dcat:downloadURL IRI)")
        .hasHost("h.example").hasQuery("X-Amz-Signature=REDACTED&access_token=REDACTED&v=1");
    assertThat(org.apache.jena.irix.IRIx.create(url).isAbsolute()).isTrue();
    assertThat(Secrets.redacted(url)).isTrue();
    assertThat(Secrets.redacted(Secrets.redact("https://h.example/a.nc?token=x"))).isTrue();
    assertThat(Secrets.redacted("https://h.example/a.nc?v=1")).isFalse();
    assertThat(Secrets.redacted("https://h.example/REDACTED.nc")).as("a file that is named so").isFalse();
    assertThat(Secrets.redact(url)).as("redacting twice changes nothing").isEqualTo(url);
  }

  @Test
  void textWithoutSecretsIsUnchanged() {
    String plain = "checksum mismatch for file:/data/m0.nc: expected aaaa, found bbbb; see https://doi.org/10.1/x";
    assertThat(Secrets.redact(plain)).isEqualTo(plain);
    assertThat(Secrets.redact("no URL here")).isEqualTo("no URL here");
    assertThat(Secrets.redact(null)).isNull();
  }
}
