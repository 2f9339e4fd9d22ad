package org.headwater.publish.validate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.headwater.publish.PublishException;
import org.headwater.publish.internal.XmlIn;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Headwater's own checks of the documents it generates. They run with or without the official
 * XSDs: without them they are all there is (the root element and its namespace, the elements a
 * member node requires, formatIds Headwater knows to be registered); with them they add what XSD
 * cannot say (EML {@code id}s unique, every {@code references} resolving).
 */
final class StructuralChecks {
  static final String SYSMETA_NS = "http://ns.dataone.org/service/types/v2.0";
  static final String EML_NS = "https://eml.ecoinformatics.org/eml-2.2.0";

  /** The elements DataONE's v2 SystemMetadata requires (minOccurs 1), in schema order. */
  private static final List<String> SYSMETA_REQUIRED =
      List.of("identifier", "formatId", "size", "checksum", "rightsHolder");

  private StructuralChecks() {}

  static Element systemMetadata(byte[] xml, String what) {
    Element root = root(xml, what, "systemMetadata", SYSMETA_NS);
    int last = -1;
    for (String name : SYSMETA_REQUIRED) {
      Element e = XmlIn.child(root, name);
      if (e == null || e.getTextContent().isBlank()) {
        throw invalid(what, "the required element <" + name + "> is missing or empty");
      }
      int at = position(root, e);
      if (at < last) {
        throw invalid(what, "<" + name + "> is out of schema order (expected "
            + String.join(", ", SYSMETA_REQUIRED) + ")");
      }
      last = at;
    }
    if (!XmlIn.childText(root, "size").matches("[0-9]+")) {
      throw invalid(what, "<size> is not a non-negative integer: " + XmlIn.childText(root, "size"));
    }
    if (XmlIn.child(root, "checksum").getAttribute("algorithm").isBlank()) {
      throw invalid(what, "<checksum> has no algorithm attribute");
    }
    return root;
  }

  static void eml(byte[] xml, String what) {
    Element root = root(xml, what, "eml", EML_NS);
    for (String attr : List.of("packageId", "system")) {
      if (root.getAttribute(attr).isBlank()) {
        throw invalid(what, "<eml:eml> has no " + attr + " attribute");
      }
    }
    Element dataset = XmlIn.child(root, "dataset");
    if (dataset == null) {
      throw invalid(what, "<eml:eml> has no <dataset>");
    }
    for (String name : List.of("title", "creator", "contact")) {
      if (XmlIn.child(dataset, name) == null) {
        throw invalid(what, "<dataset> has no <" + name + ">");
      }
    }
    Set<String> ids = new HashSet<>();
    List<String> references = new ArrayList<>();
    walk(root, ids, references, what);
    for (String ref : references) {
      if (!ids.contains(ref)) {
        throw invalid(what, "<references>" + ref + "</references> names no element id");
      }
    }
  }

  private static void walk(Element e, Set<String> ids, List<String> refs, String what) {
    if (e.hasAttribute("id") && !ids.add(e.getAttribute("id"))) {
      throw invalid(what, "the id '" + e.getAttribute("id") + "' is used more than once");
    }
    if ("references".equals(XmlIn.localName(e))) {
      refs.add(e.getTextContent().strip());
    }
    NodeList kids = e.getChildNodes();
    for (int i = 0; i < kids.getLength(); i++) {
      if (kids.item(i) instanceof Element k) {
        walk(k, ids, refs, what);
      }
    }
  }

  private static Element root(byte[] xml, String what, String local, String ns) {
    Element root;
    try {
      root = XmlIn.parse(xml).getDocumentElement();
    } catch (IllegalArgumentException e) {
      throw new PublishException.InvalidDocument(what, e.getMessage(), e);
    }
    if (!local.equals(XmlIn.localName(root)) || !ns.equals(root.getNamespaceURI())) {
      throw invalid(what, "the root element is {" + root.getNamespaceURI() + "}"
          + XmlIn.localName(root) + ", not {" + ns + "}" + local);
    }
    return root;
  }

  private static int position(Element parent, Element child) {
    int i = 0;
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling(), i++) {
      if (n == child) {
        return i;
      }
    }
    return -1;
  }

  private static PublishException.InvalidDocument invalid(String what, String message) {
    return new PublishException.InvalidDocument(what, message, null);
  }
}
