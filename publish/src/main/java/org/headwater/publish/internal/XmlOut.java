package org.headwater.publish.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A thin indenting wrapper over a StAX {@link XMLStreamWriter}: the only way this module writes
 * XML, so user text is always escaped by a real XML writer.
 */
public final class XmlOut {
  private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final XMLStreamWriter w;
  /** One entry per open element: whether it has element children (for indenting). */
  private final java.util.ArrayDeque<boolean[]> open = new java.util.ArrayDeque<>();

  public XmlOut() {
    try {
      w = FACTORY.createXMLStreamWriter(bytes, "UTF-8");
      w.writeStartDocument("UTF-8", "1.0");
    } catch (XMLStreamException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Starts the root element in {@code ns} with {@code prefix} bound (empty for default ns). */
  public XmlOut root(String prefix, String name, String ns) {
    try {
      w.writeCharacters("\n");
      w.writeStartElement(prefix, name, ns);
      open.push(new boolean[1]);
      if (prefix.isEmpty()) {
        w.writeDefaultNamespace(ns);
      } else {
        w.writeNamespace(prefix, ns);
      }
      return this;
    } catch (XMLStreamException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Declares an extra namespace on the current element (call right after a start). */
  public XmlOut namespace(String prefix, String ns) {
    try {
      w.writeNamespace(prefix, ns);
      return this;
    } catch (XMLStreamException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Starts an unqualified child element. */
  public XmlOut start(String name) {
    try {
      newline();
      w.writeStartElement(name);
      open.push(new boolean[1]);
      return this;
    } catch (XMLStreamException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Adds an attribute to the element just started; null values are skipped. */
  public XmlOut attr(String name, Object value) {
    if (value == null) {
      return this;
    }
    try {
      w.writeAttribute(name, value.toString());
      return this;
    } catch (XMLStreamException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Adds a namespaced attribute (e.g. {@code xml:lang}); null values are skipped. */
  public XmlOut attr(String prefix, String ns, String name, Object value) {
    if (value == null) {
      return this;
    }
    try {
      w.writeAttribute(prefix, ns, name, value.toString());
      return this;
    } catch (XMLStreamException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Writes text content in the current element. */
  public XmlOut text(Object value) {
    try {
      w.writeCharacters(value.toString());
      return this;
    } catch (XMLStreamException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Ends the current element. */
  public XmlOut end() {
    try {
      if (open.pop()[0]) {
        indent(open.size());
      }
      w.writeEndElement();
      return this;
    } catch (XMLStreamException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code <name>value</name>}, or nothing when value is null or blank. */
  public XmlOut leaf(String name, Object value) {
    if (value == null || value.toString().isBlank()) {
      return this;
    }
    return start(name).text(value).end();
  }

  /** Finishes the document and returns its UTF-8 bytes. */
  public byte[] toBytes() {
    try {
      while (!open.isEmpty()) {
        end();
      }
      w.writeCharacters("\n");
      w.writeEndDocument();
      w.close();
      return bytes.toByteArray();
    } catch (XMLStreamException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The finished document as text. */
  public String toXmlString() {
    return new String(toBytes(), StandardCharsets.UTF_8);
  }

  private void newline() throws XMLStreamException {
    if (!open.isEmpty()) {
      open.peek()[0] = true;
      indent(open.size());
    }
  }

  private void indent(int level) throws XMLStreamException {
    w.writeCharacters("\n" + "  ".repeat(level));
  }
}
