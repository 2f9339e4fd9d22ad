package org.headwater.publish.validate;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.headwater.publish.PublishException;
import org.headwater.publish.internal.XmlIn;
import org.headwater.publish.sysmeta.FormatIds;
import org.w3c.dom.Element;
import org.w3c.dom.ls.LSInput;
import org.w3c.dom.ls.LSResourceResolver;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Validates generated SystemMetadata and EML against the official XSDs from a {@link SchemaCache}
 * folder, offline: the DataONE v2 schema's imports of {@code http://ns.dataone.org/service/types/v1}
 * (and v1.1) are resolved to the local files, and any other remote schema is refused. Headwater's
 * own {@link StructuralChecks} run first, always; {@link #withoutXsd()} runs only those, for when
 * the schemas cannot be had and the user chose to go on (the caller says so).
 */
public final class DocumentValidator {
  private static final Map<Path, Schema> COMPILED = new ConcurrentHashMap<>();
  private static final Map<String, String> CATALOG =
      Map.of(
          "http://ns.dataone.org/service/types/v1", "dataone/dataoneTypes.xsd",
          "http://ns.dataone.org/service/types/v1.1", "dataone/dataoneTypes_v1.1.xsd",
          "http://ns.dataone.org/service/types/v2.0", "dataone/dataoneTypes_v2.0.xsd");

  private final Path dir;
  private final Set<String> registeredFormats;

  private DocumentValidator() {
    this.dir = null;
    this.registeredFormats = FormatIds.ALL;
  }

  /** A validator that runs Headwater's structural checks only, without the XSDs. */
  public static DocumentValidator withoutXsd() {
    return new DocumentValidator();
  }

  /** Validates against the official XSDs in {@code schemaDir} as well. */
  public DocumentValidator(Path schemaDir) {
    if (!SchemaCache.complete(schemaDir)) {
      throw new PublishException.SchemasNotFound(
          "schema folder " + schemaDir + " is incomplete; see SchemaCache for what it must hold");
    }
    this.dir = schemaDir.toAbsolutePath().normalize();
    this.registeredFormats = readFormats(dir.resolve(SchemaCache.FORMATS));
  }

  /** Whether documents are validated against the official XSDs (else structural checks only). */
  public boolean validatesXsd() {
    return dir != null;
  }

  /** Validates SystemMetadata v2 and checks its formatId is registered with DataONE. */
  public void validateSystemMetadata(byte[] xml, String what) {
    Element root = StructuralChecks.systemMetadata(xml, what);
    if (dir != null) {
      validate(schema(SchemaCache.SYSMETA_XSD), xml, what);
    }
    requireRegisteredFormat(XmlIn.childText(root, "formatId"), what);
  }

  /** Validates an EML 2.2.0 document. */
  public void validateEml(byte[] xml, String what) {
    StructuralChecks.eml(xml, what);
    if (dir != null) {
      validate(schema(SchemaCache.EML_XSD), xml, what);
    }
  }

  /**
   * Throws unless {@code formatId} is in DataONE's objectFormatListV2.xml (without the schemas:
   * unless it is one of the formatIds Headwater writes).
   */
  public void requireRegisteredFormat(String formatId, String what) {
    if (!registeredFormats.contains(formatId)) {
      throw new PublishException.InvalidDocument(
          what, "formatId '" + formatId + "' is not registered with DataONE", null);
    }
  }

  private Schema schema(String relative) {
    Path file = dir.resolve(relative);
    return COMPILED.computeIfAbsent(file, this::compile);
  }

  private Schema compile(Path file) {
    SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
    try {
      f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file");
      f.setResourceResolver(new LocalResolver());
      return f.newSchema(file.toFile());
    } catch (SAXException e) {
      throw new PublishException.SchemasNotFound(
          "cannot compile schema " + file + ": " + e.getMessage());
    }
  }

  private static void validate(Schema schema, byte[] xml, String what) {
    Validator v = schema.newValidator();
    try {
      v.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      v.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      v.validate(new StreamSource(new ByteArrayInputStream(xml)));
    } catch (SAXParseException e) {
      throw new PublishException.InvalidDocument(
          what, "line " + e.getLineNumber() + ": " + e.getMessage(), e);
    } catch (SAXException | IOException e) {
      throw new PublishException.InvalidDocument(what, e.getMessage(), e);
    }
  }

  private static Set<String> readFormats(Path file) {
    try {
      Element root = XmlIn.parse(java.nio.file.Files.readAllBytes(file)).getDocumentElement();
      Set<String> ids = new HashSet<>();
      for (Element f : XmlIn.children(root, "objectFormat")) {
        ids.add(XmlIn.childText(f, "formatId"));
      }
      return Set.copyOf(ids);
    } catch (IOException e) {
      throw new PublishException.SchemasNotFound("cannot read " + file + ": " + e.getMessage());
    }
  }

  /** Maps DataONE's namespace URLs to local files; refuses other remote schemas. */
  private final class LocalResolver implements LSResourceResolver {
    @Override
    public LSInput resolveResource(
        String type, String ns, String publicId, String systemId, String baseUri) {
      String local = systemId == null ? null : CATALOG.get(systemId);
      if (local == null && systemId == null && ns != null) {
        local = CATALOG.get(ns);
      }
      if (local != null) {
        return new FileInput(dir.resolve(local));
      }
      if (systemId != null && (systemId.startsWith("http:") || systemId.startsWith("https:"))) {
        throw new PublishException.SchemasNotFound(
            "schema import of " + systemId + " has no local copy; validation never uses the"
                + " network");
      }
      return null; // relative includes resolve against the local file
    }
  }

  private record FileInput(Path file) implements LSInput {
    @Override
    public String getSystemId() {
      return file.toUri().toString();
    }

    @Override
    public Reader getCharacterStream() {
      return null;
    }

    @Override
    public InputStream getByteStream() {
      return null; // the parser opens getSystemId()
    }

    @Override
    public String getStringData() {
      return null;
    }

    @Override
    public String getPublicId() {
      return null;
    }

    @Override
    public String getBaseURI() {
      return null;
    }

    @Override
    public String getEncoding() {
      return null;
    }

    @Override
    public boolean getCertifiedText() {
      return false;
    }

    // Setters are part of LSInput; this input is immutable.
    @Override
    public void setCharacterStream(Reader r) {}

    @Override
    public void setByteStream(InputStream s) {}

    @Override
    public void setStringData(String s) {}

    @Override
    public void setSystemId(String s) {}

    @Override
    public void setPublicId(String s) {}

    @Override
    public void setBaseURI(String s) {}

    @Override
    public void setEncoding(String s) {}

    @Override
    public void setCertifiedText(boolean b) {}
  }
}
