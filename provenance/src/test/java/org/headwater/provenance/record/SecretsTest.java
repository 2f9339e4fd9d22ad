package org.headwater.provenance.record;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What a kept error message may say about a URL: everything but its secrets. */
class SecretsTest {
  @Test
  void userInfoIsRedactedAndTheRestOfTheUrlKept() {
    assertThat(Secrets.redact("cannot fetch https://alice:s3cr3t@data.example.org/a.nc after 2 attempts"))
        .isEqualTo("cannot fetch https://<redacted>@data.example.org/a.nc after 2 attempts");
    assertThat(Secrets.redact("HTTP 401 for https://ghp_abc123@host.example/x.nc?v=1: not authorized"))
        .isEqualTo("HTTP 401 for https://<redacted>@host.example/x.nc?v=1: not authorized");
  }

  @Test
  void credentialLikeQueryValuesAreRedactedOthersKept() {
    String presigned = "HTTP 403 for https://bucket.s3.example/speed.nc?X-Amz-Algorithm=AWS4-HMAC-SHA256"
        + "&X-Amz-Credential=AKIAEXAMPLE%2F20240501&X-Amz-Signature=deadbeef&version=2; check the URL";
    assertThat(Secrets.redact(presigned)).isEqualTo("HTTP 403 for https://bucket.s3.example/speed.nc?"
        + "X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=<redacted>&X-Amz-Signature=<redacted>&version=2;"
        + " check the URL");
    assertThat(Secrets.redact("no such file http://h/f.nc?access_token=t0ps3cret and http://h/g.nc?apikey=k&x=1"))
        .isEqualTo("no such file http://h/f.nc?access_token=<redacted> and http://h/g.nc?apikey=<redacted>&x=1")
        .doesNotContain("t0ps3cret");
  }

  @Test
  void punctuationAfterAUrlStaysAfterIt() {
    assertThat(Secrets.redact("HTTP 401 for http://h:8080/a.nc?token=abc: not authorized; (see http://u:p@h/x)."))
        .isEqualTo("HTTP 401 for http://h:8080/a.nc?token=<redacted>: not authorized; (see http://<redacted>@h/x).");
  }

  @Test
  void textWithoutSecretsIsUnchanged() {
    String plain = "checksum mismatch for file:/data/m0.nc: expected aaaa, found bbbb; see https://doi.org/10.1/x";
    assertThat(Secrets.redact(plain)).isEqualTo(plain);
    assertThat(Secrets.redact("no URL here")).isEqualTo("no URL here");
    assertThat(Secrets.redact(null)).isNull();
  }
}
