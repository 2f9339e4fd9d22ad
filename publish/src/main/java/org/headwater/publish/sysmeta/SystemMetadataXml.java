package org.headwater.publish.sysmeta;

import static org.headwater.publish.internal.XmlIn.child;
import static org.headwater.publish.internal.XmlIn.childText;
import static org.headwater.publish.internal.XmlIn.children;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.headwater.publish.internal.XmlIn;
import org.headwater.publish.internal.XmlOut;
import org.w3c.dom.Element;

/**
 * Writes and reads SystemMetadata v2 XML. Elements are written in the order the schema requires:
 * the v1 sequence (serialVersion ... authoritativeMemberNode), then v2's seriesId, mediaType,
 * fileName.
 */
public final class SystemMetadataXml {
  public static final String NS_V2 = "http://ns.dataone.org/service/types/v2.0";
  public static final String NS_V1 = "http://ns.dataone.org/service/types/v1";

  private SystemMetadataXml() {}

  /** The {@code <d1:systemMetadata>} document. */
  public static byte[] write(SystemMetadata sm) {
    XmlOut x = new XmlOut().root("d1", "systemMetadata", NS_V2);
    x.leaf("serialVersion", sm.serialVersion());
    x.leaf("identifier", sm.identifier().value());
    x.leaf("formatId", sm.formatId());
    x.leaf("size", sm.size());
    x.start("checksum").attr("algorithm", sm.checksum().algorithm());
    x.text(sm.checksum().value()).end();
    x.leaf("submitter", sm.submitter());
    x.leaf("rightsHolder", sm.rightsHolder());
    if (!sm.accessPolicy().isEmpty()) {
      x.start("accessPolicy");
      for (AccessRule rule : sm.accessPolicy()) {
        x.start("allow");
        rule.subjects().forEach(s -> x.leaf("subject", s));
        rule.permissions().forEach(p -> x.leaf("permission", p));
        x.end();
      }
      x.end();
    }
    x.leaf("obsoletes", value(sm.obsoletes()));
    x.leaf("obsoletedBy", value(sm.obsoletedBy()));
    x.leaf("archived", sm.archived());
    x.leaf("dateUploaded", sm.dateUploaded());
    x.leaf("dateSysMetadataModified", sm.dateSysMetadataModified());
    x.leaf("authoritativeMemberNode", sm.authoritativeMemberNode());
    x.leaf("seriesId", value(sm.seriesId()));
    if (sm.mediaType() != null) {
      x.start("mediaType").attr("name", sm.mediaType()).end();
    }
    x.leaf("fileName", sm.fileName());
    return x.toBytes();
  }

  /** Parses v1 or v2 system metadata; throws {@link IllegalArgumentException} if it is not. */
  public static SystemMetadata read(byte[] xml) {
    Element root = XmlIn.parse(xml).getDocumentElement();
    if (!"systemMetadata".equals(XmlIn.localName(root))) {
      throw new IllegalArgumentException(
          "expected <systemMetadata>, found <" + XmlIn.localName(root) + ">");
    }
    Element cs = child(root, "checksum");
    if (cs == null) {
      throw new IllegalArgumentException("system metadata has no <checksum>");
    }
    List<AccessRule> rules = new ArrayList<>();
    Element ap = child(root, "accessPolicy");
    if (ap != null) {
      for (Element allow : children(ap, "allow")) {
        rules.add(new AccessRule(texts(allow, "subject"), texts(allow, "permission")));
      }
    }
    Element media = child(root, "mediaType");
    String serial = childText(root, "serialVersion");
    String archived = childText(root, "archived");
    return new SystemMetadata(
        serial == null ? null : Long.valueOf(serial),
        Pid.of(childText(root, "identifier")),
        childText(root, "formatId"),
        Long.parseLong(childText(root, "size")),
        new Checksum(cs.getAttribute("algorithm"), cs.getTextContent()),
        childText(root, "submitter"),
        childText(root, "rightsHolder"),
        rules,
        pid(childText(root, "obsoletes")),
        pid(childText(root, "obsoletedBy")),
        archived == null ? null : Boolean.valueOf(archived),
        instant(childText(root, "dateUploaded")),
        instant(childText(root, "dateSysMetadataModified")),
        childText(root, "authoritativeMemberNode"),
        pid(childText(root, "seriesId")),
        media == null ? null : media.getAttribute("name"),
        childText(root, "fileName"));
  }

  private static List<String> texts(Element parent, String local) {
    return children(parent, local).stream().map(e -> e.getTextContent().strip()).toList();
  }

  private static String value(Pid pid) {
    return pid == null ? null : pid.value();
  }

  private static Pid pid(String text) {
    return text == null || text.isBlank() ? null : Pid.of(text);
  }

  private static Instant instant(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      try {
        return OffsetDateTime.parse(text).toInstant();
      } catch (DateTimeParseException e2) {
        return null; // Metacat sometimes omits the zone; the date is informational only
      }
    }
  }
}
