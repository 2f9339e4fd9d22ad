package org.headwater.publish.eml;

import org.headwater.publish.internal.XmlOut;

/** The licenses ADC accepts, as EML {@code intellectualRights} text plus {@code licensed}. */
record License(String spdx, String name, String url, String text) {
  static License of(String spdx) {
    String id = spdx == null ? "CC-BY-4.0" : spdx.strip();
    return switch (id) {
      case "CC0-1.0" -> new License(id, "Creative Commons Zero v1.0 Universal",
          "https://spdx.org/licenses/CC0-1.0.html",
          "This work is dedicated to the public domain under the Creative Commons Universal 1.0"
              + " Public Domain Dedication (CC0 1.0).");
      case "CC-BY-4.0" -> new License(id, "Creative Commons Attribution 4.0 International",
          "https://spdx.org/licenses/CC-BY-4.0.html",
          "This work is licensed under the Creative Commons Attribution 4.0 International"
              + " License (CC BY 4.0).");
      default -> new License(id, id, "https://spdx.org/licenses/" + id + ".html",
          "This work is licensed under " + id + ".");
    };
  }

  void write(XmlOut x) {
    x.start("intellectualRights").leaf("para", text).end();
    x.start("licensed").leaf("licenseName", name).leaf("url", url).leaf("identifier", spdx).end();
  }
}
