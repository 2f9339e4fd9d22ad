package org.headwater.publish.internal;

import java.nio.charset.StandardCharsets;
import org.headwater.publish.dataone.DataOneException;
import org.w3c.dom.Element;

/** Turns DataONE error bodies and {@code DataONE-Exception-*} headers into typed exceptions. */
public final class ErrorBodies {
  private ErrorBodies() {}

  /** Parses {@code <error name= errorCode= detailCode=><description>}; falls back to the status. */
  public static DataOneException parse(int status, byte[] body, String pid) {
    if (body != null && body.length > 0) {
      try {
        Element root = XmlIn.parse(body).getDocumentElement();
        if ("error".equals(XmlIn.localName(root)) && root.hasAttribute("name")) {
          int code = parseInt(root.getAttribute("errorCode"), status);
          String idAttr = root.getAttribute("identifier");
          return DataOneException.of(
              root.getAttribute("name"),
              code,
              root.getAttribute("detailCode"),
              pid != null ? pid : (idAttr.isEmpty() ? null : idAttr),
              XmlIn.childText(root, "description"));
        }
      } catch (IllegalArgumentException notXml) {
        // fall through: a proxy's HTML page or plain text
      }
    }
    return DataOneException.of(nameFor(status), status, "", pid, snippet(status, body));
  }

  /** For HEAD responses, which carry the error in headers. */
  public static DataOneException fromHeaders(
      int status, String name, String detail, String description, String pid) {
    return DataOneException.of(
        name == null ? nameFor(status) : name, status, detail, pid,
        description == null ? "HTTP " + status : description);
  }

  /** The DataONE exception a bare HTTP status most likely means. */
  public static String nameFor(int status) {
    return switch (status) {
      case 400 -> "InvalidRequest";
      case 401 -> "InvalidToken";
      case 403 -> "NotAuthorized";
      case 404 -> "NotFound";
      case 409 -> "IdentifierNotUnique";
      case 413 -> "InsufficientResources";
      case 501 -> "NotImplemented";
      default -> "ServiceFailure";
    };
  }

  private static String snippet(int status, byte[] body) {
    String text = body == null ? "" : new String(body, StandardCharsets.UTF_8).strip();
    if (text.length() > 200) {
      text = text.substring(0, 200) + "...";
    }
    return "HTTP " + status + (text.isEmpty() ? "" : ": " + text);
  }

  private static int parseInt(String s, int fallback) {
    try {
      return Integer.parseInt(s.strip());
    } catch (NumberFormatException e) {
      return fallback;
    }
  }
}
