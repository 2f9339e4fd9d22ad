package org.headwater.web.http;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.util.Map;

/**
 * Renders the pages' jte templates ({@code web/src/main/jte}), compiled to Java classes at build
 * time by the jte Maven plugin. Every {@code ${…}} is HTML-escaped for where it stands (text,
 * attribute); only the lineage SVG is written as is ({@code $unsafe}), and picture.SvgPicture escapes
 * every label it draws.
 */
public final class Templates {
  private static final TemplateEngine ENGINE = TemplateEngine.createPrecompiled(
      null, ContentType.Html, Templates.class.getClassLoader(), "org.headwater.web.templates");

  private Templates() {}

  /** The page {@code name} (e.g. {@code dataset.jte}) with {@code params}. */
  public static String render(String name, Map<String, Object> params) {
    StringOutput out = new StringOutput(16 * 1024);
    ENGINE.render(name, params, out);
    return out.toString();
  }
}
