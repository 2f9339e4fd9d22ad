package org.headwater.publish.dataone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.headwater.publish.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuthTokenTest {
  @TempDir Path tmp;

  @Test
  void decodesSubjectAndExpiryLocally() {
    Instant exp = Instant.parse("2030-01-01T00:00:00Z");
    AuthToken t = AuthToken.parse(Fixtures.jwt(Fixtures.ORCID, exp) + "\n");
    assertThat(t.subject()).isEqualTo(Fixtures.ORCID);
    assertThat(t.expires()).isEqualTo(exp);
    assertThat(t.bearer()).doesNotEndWith("\n");
  }

  @Test
  void refusesAnExpiredTokenWithoutPrintingItAndSaysWhereToGetOne() {
    String jwt = Fixtures.jwt(Fixtures.ORCID, Instant.parse("2020-01-01T00:00:00Z"));
    assertThatThrownBy(() -> AuthToken.parse(jwt).requireUnexpired(Instant.now()))
        .isInstanceOf(DataOneException.InvalidToken.class)
        .hasMessageContaining("expired at 2020-01-01T00:00:00Z")
        .hasMessageContaining("profile, then Settings, Authentication Token")
        .hasMessageNotContaining(jwt.substring(jwt.lastIndexOf('.') + 1));
  }

  @Test
  void toStringRedactsTheSecret() {
    String jwt = Fixtures.token();
    assertThat(AuthToken.parse(jwt).toString()).contains(Fixtures.ORCID, "<redacted>")
        .doesNotContain(jwt.substring(jwt.lastIndexOf('.') + 1));
  }

  @Test
  void readsTheTokenFileBeforeTheEnvironment() throws Exception {
    String fromFile = Fixtures.jwt("https://orcid.org/file", Instant.now().plusSeconds(60));
    Path f = Files.writeString(tmp.resolve("token"), fromFile);
    Map<String, String> env = Map.of(AuthToken.ENV, Fixtures.jwt("https://orcid.org/env", Instant.now().plusSeconds(60)));
    assertThat(AuthToken.resolve(f, env).subject()).isEqualTo("https://orcid.org/file");
    assertThat(AuthToken.resolve(null, env).subject()).isEqualTo("https://orcid.org/env");
    assertThat(AuthToken.resolve(null, Map.of())).isNull();
  }

  @Test
  void acceptsOpaqueTokensAndRejectsBrokenJwts() {
    assertThat(AuthToken.parse("opaque-session-id").subject()).isNull();
    assertThatThrownBy(() -> AuthToken.parse("a.%%%.c")).isInstanceOf(DataOneException.InvalidToken.class)
        .hasMessageNotContaining("%%%");
    assertThatThrownBy(() -> AuthToken.parse(" ")).isInstanceOf(DataOneException.InvalidToken.class);
  }
}
