package org.headwater.publish;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.headwater.publish.dataone.AuthToken;
import org.headwater.publish.sysmeta.AccessRule;

/**
 * What {@code headwater publish} was asked to do. Build with {@link #builder(Path, String)}.
 *
 * @param runDir the run directory ({@code run.json}, {@code recipe.yaml}, {@code outputs/})
 * @param node a Member Node base URL (the client appends {@code /v2/...}) or {@code local:DIR}
 * @param token the authentication token; required for a URL node, ignored for {@code local:}
 * @param doi whether to mint a DOI for the metadata object
 * @param updatePid the metadata or resource map PID/DOI of the version to supersede, or null
 * @param dryRunDir write what would be uploaded here, validated, without contacting the node; or
 *     null
 * @param insecure allow plain {@code http://} to a non-loopback node
 * @param access the access policy; default {@code public} may read
 * @param rightsHolder the rights holder; default the token's subject (else the first creator's
 *     ORCID)
 * @param schemasDir the XML schema cache, or null to look it up (see {@code SchemaCache})
 * @param env environment variables ({@code HEADWATER_SCHEMAS}); default the process environment
 * @param progress receives one line per verified object; default ignores them
 * @param skipXsd go on with Headwater's structural checks only when the XML schemas cannot be had
 * @param notices receives one-line notices the user should see (schemas fetched, XSD validation
 *     skipped); default ignores them
 */
public record PublishRequest(
    Path runDir,
    String node,
    AuthToken token,
    boolean doi,
    String updatePid,
    Path dryRunDir,
    boolean insecure,
    List<AccessRule> access,
    String rightsHolder,
    Path schemasDir,
    Map<String, String> env,
    Consumer<String> progress,
    boolean skipXsd,
    Consumer<String> notices) {

  public PublishRequest {
    Objects.requireNonNull(runDir, "runDir");
    Objects.requireNonNull(node, "node");
    access = List.copyOf(access == null ? List.of(AccessRule.publicRead()) : access);
    env = env == null ? System.getenv() : Map.copyOf(env);
    progress = progress == null ? line -> {} : progress;
    notices = notices == null ? line -> {} : notices;
  }

  public static Builder builder(Path runDir, String node) {
    return new Builder(runDir, node);
  }

  /** Whether {@link #node} names a local archive folder. */
  public boolean isLocal() {
    return node.startsWith("local:");
  }

  /** Sets the optional fields; each defaults as documented on {@link PublishRequest}. */
  public static final class Builder {
    private final Path runDir;
    private final String node;
    private AuthToken token;
    private boolean doi;
    private String updatePid;
    private Path dryRunDir;
    private boolean insecure;
    private List<AccessRule> access;
    private String rightsHolder;
    private Path schemasDir;
    private Map<String, String> env;
    private Consumer<String> progress;
    private boolean skipXsd;
    private Consumer<String> notices;

    private Builder(Path runDir, String node) {
      this.runDir = runDir;
      this.node = node;
    }

    public Builder token(AuthToken t) {
      this.token = t;
      return this;
    }

    public Builder doi(boolean d) {
      this.doi = d;
      return this;
    }

    public Builder update(String pid) {
      this.updatePid = pid;
      return this;
    }

    public Builder dryRun(Path dir) {
      this.dryRunDir = dir;
      return this;
    }

    public Builder insecure(boolean i) {
      this.insecure = i;
      return this;
    }

    public Builder access(List<AccessRule> rules) {
      this.access = rules;
      return this;
    }

    public Builder rightsHolder(String subject) {
      this.rightsHolder = subject;
      return this;
    }

    public Builder schemas(Path dir) {
      this.schemasDir = dir;
      return this;
    }

    public Builder env(Map<String, String> e) {
      this.env = e;
      return this;
    }

    public Builder progress(Consumer<String> p) {
      this.progress = p;
      return this;
    }

    public Builder skipXsd(boolean skip) {
      this.skipXsd = skip;
      return this;
    }

    public Builder notices(Consumer<String> n) {
      this.notices = n;
      return this;
    }

    public PublishRequest build() {
      return new PublishRequest(runDir, node, token, doi, updatePid, dryRunDir, insecure, access,
          rightsHolder, schemasDir, env, progress, skipXsd, notices);
    }
  }
}
