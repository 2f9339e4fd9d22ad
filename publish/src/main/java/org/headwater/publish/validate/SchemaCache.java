package org.headwater.publish.validate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.headwater.publish.PublishException;

/**
 * Finds the local copy of the official XML schemas that generated documents are validated
 * against. Headwater does not ship the schemas: {@code headwater schemas fetch} downloads the
 * {@link PinnedSchemas} into the user cache, or the user names a folder laid out the same way
 * ({@code dataone/} with DataONE's d1_schemas and {@code objectFormatListV2.xml}, {@code
 * eml-2.2.0/} with EML 2.2.0).
 *
 * <p>Lookup order: the explicit directory ({@code --schemas DIR}); the {@value #ENV} environment
 * variable; the {@value #PROPERTY} system property; then the user cache ({@code
 * $XDG_CACHE_HOME/headwater/schemas}, default {@code ~/.cache/headwater/schemas}) when every
 * pinned file is there with its pinned digest. A folder the user names but that lacks the files
 * is an error; no folder at all is {@link Optional#empty()}.
 */
public final class SchemaCache {
  public static final String ENV = "HEADWATER_SCHEMAS";
  public static final String PROPERTY = "headwater.schemas";
  /** The command that fills the user cache, as error messages name it. */
  public static final String FETCH_COMMAND = "headwater schemas fetch";
  static final String SYSMETA_XSD = "dataone/dataoneTypes_v2.0.xsd";
  static final String EML_XSD = "eml-2.2.0/eml.xsd";
  static final String FORMATS = "dataone/objectFormatListV2.xml";

  private SchemaCache() {}

  /** The user cache folder: {@code $XDG_CACHE_HOME/headwater/schemas}, else under {@code ~/.cache}. */
  public static Path userCache(Map<String, String> env) {
    String xdg = env.get("XDG_CACHE_HOME");
    Path base = xdg != null && !xdg.isBlank()
        ? Path.of(xdg)
        : Path.of(System.getProperty("user.home"), ".cache");
    return base.resolve("headwater").resolve("schemas").toAbsolutePath().normalize();
  }

  /**
   * The schema folder to use, or empty when none is named and the user cache is incomplete.
   *
   * @throws PublishException.SchemasNotFound when a folder the user named lacks the schemas
   */
  public static Optional<Path> find(Path explicit, Map<String, String> env) {
    if (explicit != null) {
      return Optional.of(require(explicit, "--schemas"));
    }
    String fromEnv = env.get(ENV);
    if (fromEnv != null && !fromEnv.isBlank()) {
      return Optional.of(require(Path.of(fromEnv), ENV));
    }
    String fromProp = System.getProperty(PROPERTY);
    if (fromProp != null && !fromProp.isBlank()) {
      return Optional.of(require(Path.of(fromProp), "-D" + PROPERTY));
    }
    Path cache = userCache(env);
    return PinnedSchemas.allIn(cache) ? Optional.of(cache) : Optional.empty();
  }

  /** Like {@link #find}, but no folder is an error that says how to get one. */
  public static Path locate(Path explicit, Map<String, String> env) {
    return find(explicit, env).orElseThrow(() -> new PublishException.SchemasNotFound(
        "no XML schemas to validate against in " + userCache(env) + ": run '" + FETCH_COMMAND
            + "', or pass --schemas DIR (or set " + ENV + "=DIR) naming a folder with DataONE's"
            + " d1_schemas in dataone/ and EML 2.2.0 in eml-2.2.0/"));
  }

  private static Path require(Path dir, String source) {
    if (!complete(dir)) {
      throw new PublishException.SchemasNotFound(
          source + " points at " + dir.toAbsolutePath() + ", which lacks " + SYSMETA_XSD + ", "
              + EML_XSD + " or " + FORMATS
              + ": point it at a folder with DataONE's d1_schemas in dataone/ and EML 2.2.0 in"
              + " eml-2.2.0/, or run '" + FETCH_COMMAND + "' and drop the setting");
    }
    return dir.toAbsolutePath().normalize();
  }

  static boolean complete(Path dir) {
    return Files.isRegularFile(dir.resolve(SYSMETA_XSD))
        && Files.isRegularFile(dir.resolve("dataone/dataoneTypes.xsd"))
        && Files.isRegularFile(dir.resolve(EML_XSD))
        && Files.isRegularFile(dir.resolve(FORMATS));
  }
}
