package org.headwater.publish.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/** Safe DOM parsing (no DTDs, no external entities) and small child-element helpers. */
public final class XmlIn {
  private XmlIn() {}

  /** Parses namespace-aware; throws {@link IllegalArgumentException} on malformed input. */
  public static Document parse(byte[] xml) {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setXIncludeAware(false);
      f.setExpandEntityReferences(false);
      DocumentBuilder b = f.newDocumentBuilder();
      b.setErrorHandler(null);
      return b.parse(new ByteArrayInputStream(xml));
    } catch (ParserConfigurationException | SAXException | IOException e) {
      throw new IllegalArgumentException("not well-formed XML: " + e.getMessage(), e);
    }
  }

  /** Direct child elements named {@code local} (any namespace). */
  public static List<Element> children(Element parent, String local) {
    List<Element> out = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && local.equals(localName(e))) {
        out.add(e);
      }
    }
    return out;
  }

  /** The first direct child named {@code local}, or null. */
  public static Element child(Element parent, String local) {
    List<Element> c = children(parent, local);
    return c.isEmpty() ? null : c.get(0);
  }

  /** The trimmed text of the first child named {@code local}, or null. */
  public static String childText(Element parent, String local) {
    Element c = child(parent, local);
    return c == null ? null : c.getTextContent().strip();
  }

  /** Follows a path of child names; null when any step is missing. */
  public static Element path(Element start, String... locals) {
    Element e = start;
    for (String l : locals) {
      if (e == null) {
        return null;
      }
      e = child(e, l);
    }
    return e;
  }

  public static String localName(Element e) {
    return e.getLocalName() != null ? e.getLocalName() : e.getTagName();
  }
}
