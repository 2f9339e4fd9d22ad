package org.headwater.publish.validate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.headwater.publish.PublishException;

/**
 * Finds the local copy of the official XML schemas that every generated document is validated
 * against. Headwater does not ship the schemas; the folder holds DataONE's {@code d1_schemas}
 * ({@code dataone/dataoneTypes_v2.0.xsd}, {@code dataoneTypes.xsd}, {@code
 * objectFormatListV2.xml}) and NCEAS's EML 2.2.0 ({@code eml-2.2.0/eml.xsd}).
 *
 * <p>Lookup order: the explicit directory ({@code --schemas DIR}); the {@value #ENV} environment
 * variable; the {@value #PROPERTY} system property; then {@code shared/schemas} beside any folder
 * from the checkout ({@code headwater.home}, set by the launcher) and from the working directory
 * upwards (the checkout's {@code ../shared/schemas}). When none has the
 * files, {@link #locate} fails with a message saying what to do: validation is never skipped.
 */
public final class SchemaCache {
  public static final String ENV = "HEADWATER_SCHEMAS";
  public static final String PROPERTY = "headwater.schemas";
  static final String SYSMETA_XSD = "dataone/dataoneTypes_v2.0.xsd";
  static final String EML_XSD = "eml-2.2.0/eml.xsd";
  static final String FORMATS = "dataone/objectFormatListV2.xml";

  private SchemaCache() {}

  /** The schema folder; throws {@link PublishException.SchemasNotFound} when there is none. */
  public static Path locate(Path explicit, Map<String, String> env) {
    if (explicit != null) {
      return require(explicit, "--schemas");
    }
    String fromEnv = env.get(ENV);
    if (fromEnv != null && !fromEnv.isBlank()) {
      return require(Path.of(fromEnv), ENV);
    }
    String fromProp = System.getProperty(PROPERTY);
    if (fromProp != null && !fromProp.isBlank()) {
      return require(Path.of(fromProp), "-D" + PROPERTY);
    }
    String home = System.getProperty("headwater.home");
    for (Path start : home == null
        ? java.util.List.of(Path.of("").toAbsolutePath())
        : java.util.List.of(Path.of(home).toAbsolutePath(), Path.of("").toAbsolutePath())) {
      for (Path d = start; d != null; d = d.getParent()) {
        Path candidate = d.resolve("shared").resolve("schemas");
        if (complete(candidate)) {
          return candidate.normalize();
        }
      }
    }
    throw new PublishException.SchemasNotFound(
        "no XML schema cache found, and Headwater never uploads unvalidated documents. Set "
            + ENV
            + "=DIR or pass --schemas DIR, where DIR holds dataone/ (DataONE d1_schemas:"
            + " dataoneTypes.xsd, dataoneTypes_v2.0.xsd, objectFormatListV2.xml) and eml-2.2.0/"
            + " (EML 2.2.0 schemas, eml.xsd); a checkout looks in ../shared/schemas");
  }

  private static Path require(Path dir, String source) {
    if (!complete(dir)) {
      throw new PublishException.SchemasNotFound(
          source + " points at " + dir.toAbsolutePath() + ", which lacks " + SYSMETA_XSD + ", "
              + EML_XSD + " or " + FORMATS
              + ": point it at a folder with DataONE's d1_schemas in dataone/ and EML 2.2.0 in"
              + " eml-2.2.0/");
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
