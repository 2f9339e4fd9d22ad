package org.headwater.publish.fake;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.w3c.dom.ls.LSInput;
import org.xml.sax.SAXException;

/**
 * The fake node's own XSD validation (independent of the code under test): DataONE v2 with the v1
 * import mapped to the local file, and EML 2.2.0.
 */
final class FakeValidator {
  private final Schema sysmeta;
  private final Schema eml;

  FakeValidator(Path schemas) {
    try {
      SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
      Map<String, Path> local = Map.of(
          "http://ns.dataone.org/service/types/v1", schemas.resolve("dataone/dataoneTypes.xsd"),
          "http://ns.dataone.org/service/types/v1.1", schemas.resolve("dataone/dataoneTypes_v1.1.xsd"));
      f.setResourceResolver((type, ns, publicId, systemId, base) -> {
        Path p = systemId == null ? null : local.get(systemId);
        if (p == null) {
          return null;
        }
        LSInput in = lsImpl().createLSInput();
        in.setSystemId(p.toUri().toString());
        return in;
      });
      sysmeta = f.newSchema(schemas.resolve("dataone/dataoneTypes_v2.0.xsd").toFile());
      eml = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
          .newSchema(schemas.resolve("eml-2.2.0/eml.xsd").toFile());
    } catch (SAXException e) {
      throw new IllegalStateException(e);
    }
  }

  private static org.w3c.dom.ls.DOMImplementationLS lsImpl() {
    try {
      return (org.w3c.dom.ls.DOMImplementationLS)
          javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder().getDOMImplementation();
    } catch (javax.xml.parsers.ParserConfigurationException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Null when valid, else the validator's message. */
  String sysmetaError(byte[] xml) {
    return error(sysmeta, xml);
  }

  String emlError(byte[] xml) {
    return error(eml, xml);
  }

  private static String error(Schema s, byte[] xml) {
    try {
      s.newValidator().validate(new StreamSource(new ByteArrayInputStream(xml)));
      return null;
    } catch (SAXException | IOException e) {
      return e.getMessage();
    }
  }
}
