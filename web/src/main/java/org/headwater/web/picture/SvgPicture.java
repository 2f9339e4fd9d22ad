package org.headwater.web.picture;

/**
 * Writes a {@link Layout} as SVG: each box a shape for its kind, its label one {@code <text>} a
 * line, and a link ({@code <a xlink:href>}, {@code target="_top"}) to its page with the label as
 * tooltip; arrows are curves from the right side of a box to the left side of the one derived
 * from it. Every text and attribute is escaped here, so the page may put the SVG in as it is.
 */
final class SvgPicture {
  private SvgPicture() {}

  static String of(Layout layout) {
    StringBuilder sb = new StringBuilder();
    sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\"")
        .append(" width=\"").append(n(layout.width())).append("pt\" height=\"").append(n(layout.height()))
        .append("pt\" viewBox=\"0 0 ").append(n(layout.width())).append(' ').append(n(layout.height()))
        .append("\" font-family=\"Helvetica,Arial,sans-serif\" font-size=\"10\">\n");
    sb.append("<g class=\"graph\">\n<title>lineage</title>\n");
    for (Layout.Arrow a : layout.arrows()) {
      arrow(sb, a);
    }
    for (Layout.Placed p : layout.boxes()) {
      box(sb, p);
    }
    return sb.append("</g>\n</svg>\n").toString();
  }

  private static void arrow(StringBuilder sb, Layout.Arrow a) {
    double x = a.from().x() + a.from().w();
    double y = a.from().y() + a.from().h() / 2;
    StringBuilder d = new StringBuilder("M" + n(x) + "," + n(y));
    for (double[] gap : a.via()) {
      d.append(curve(x, y, gap[0], gap[2])).append(" L").append(n(gap[1])).append(',').append(n(gap[2]));
      x = gap[1];
      y = gap[2];
    }
    double x2 = a.to().x() - 1;
    double y2 = a.to().y() + a.to().h() / 2;
    d.append(curve(x, y, x2 - 7, y2));
    sb.append("<g class=\"edge\"><title>").append(esc(a.from().node().id())).append("&#45;&gt;")
        .append(esc(a.to().node().id())).append("</title><path fill=\"none\" stroke=\"#555555\" d=\"")
        .append(d).append("\"/><polygon fill=\"#555555\" stroke=\"#555555\" points=\"")
        .append(n(x2)).append(',').append(n(y2)).append(' ').append(n(x2 - 8)).append(',').append(n(y2 - 3.5))
        .append(' ').append(n(x2 - 8)).append(',').append(n(y2 + 3.5)).append("\"/></g>\n");
  }

  /** A curve leaving and arriving level, from the current point to (x2, y2). */
  private static String curve(double x1, double y1, double x2, double y2) {
    double bend = Math.max(20, Math.abs(x2 - x1) / 2);
    return " C" + n(x1 + bend) + "," + n(y1) + " " + n(x2 - bend) + "," + n(y2) + " " + n(x2) + "," + n(y2);
  }

  private static void box(StringBuilder sb, Layout.Placed p) {
    PictureNode b = p.node();
    sb.append("<g id=\"").append(esc(b.id())).append("\" class=\"node ").append(esc(b.kind())).append("\">");
    sb.append("<title>").append(esc(b.id())).append("</title>");
    if (b.href() != null) {
      sb.append("<a xlink:href=\"").append(esc(b.href())).append("\" xlink:title=\"").append(esc(b.label()))
          .append("\" target=\"_top\">");
    }
    shape(sb, b, p.x(), p.y(), p.w(), p.h());
    String[] lines = b.label().split("\n", -1);
    double cx = p.x() + p.w() / 2;
    for (int i = 0; i < lines.length; i++) {
      double y = p.y() + Layout.PAD + (i + 1) * Layout.LINE - 3;
      sb.append("<text text-anchor=\"middle\" x=\"").append(n(cx)).append("\" y=\"").append(n(y)).append("\">")
          .append(esc(lines[i])).append("</text>");
    }
    if (b.href() != null) {
      sb.append("</a>");
    }
    sb.append("</g>\n");
  }

  /** A shape for each kind, as Graphviz's cylinder, note, folder, box3d and doubleoctagon look. */
  private static void shape(StringBuilder sb, PictureNode b, double x, double y, double w, double h) {
    String style = " fill=\"" + LineagePicture.fill(b.kind()) + "\" stroke=\"#000000\" stroke-width=\""
        + (b.target() ? "2.5" : "1") + "\"";
    double r = x + w;
    double bottom = y + h;
    String d = switch (b.kind()) {
      case "dataset" -> "M" + n(x) + "," + n(y + 4) + " A" + n(w / 2) + ",4 0 0 1 " + n(r) + "," + n(y + 4)
          + " L" + n(r) + "," + n(bottom - 4) + " A" + n(w / 2) + ",4 0 0 1 " + n(x) + "," + n(bottom - 4) + " Z M"
          + n(x) + "," + n(y + 4) + " A" + n(w / 2) + ",4 0 0 0 " + n(r) + "," + n(y + 4);
      case "source" -> "M" + n(x) + "," + n(y) + " L" + n(r - 8) + "," + n(y) + " L" + n(r) + "," + n(y + 8)
          + " L" + n(r) + "," + n(bottom) + " L" + n(x) + "," + n(bottom) + " Z M" + n(r - 8) + "," + n(y) + " L"
          + n(r - 8) + "," + n(y + 8) + " L" + n(r) + "," + n(y + 8);
      case "group" -> "M" + n(x) + "," + n(y) + " L" + n(x + 24) + "," + n(y) + " L" + n(x + 28) + "," + n(y + 4)
          + " L" + n(r) + "," + n(y + 4) + " L" + n(r) + "," + n(bottom) + " L" + n(x) + "," + n(bottom) + " Z";
      case "output" -> "M" + n(x) + "," + n(y + 4) + " L" + n(x + 4) + "," + n(y) + " L" + n(r) + "," + n(y)
          + " L" + n(r) + "," + n(bottom - 4) + " L" + n(r - 4) + "," + n(bottom) + " L" + n(x) + "," + n(bottom)
          + " Z M" + n(x) + "," + n(y + 4) + " L" + n(r - 4) + "," + n(y + 4) + " L" + n(r) + "," + n(y) + " M"
          + n(r - 4) + "," + n(y + 4) + " L" + n(r - 4) + "," + n(bottom);
      case "published" -> octagon(x, y, w, h, 0) + " " + octagon(x, y, w, h, 3);
      default -> "M" + n(x) + "," + n(y) + " H" + n(r) + " V" + n(bottom) + " H" + n(x) + " Z";
    };
    sb.append("<path").append(style).append(" d=\"").append(d).append("\"/>");
  }

  private static String octagon(double x, double y, double w, double h, double in) {
    double c = 6;
    double l = x + in;
    double t = y + in;
    double r = x + w - in;
    double b = y + h - in;
    return "M" + n(l + c) + "," + n(t) + " L" + n(r - c) + "," + n(t) + " L" + n(r) + "," + n(t + c) + " L" + n(r)
        + "," + n(b - c) + " L" + n(r - c) + "," + n(b) + " L" + n(l + c) + "," + n(b) + " L" + n(l) + ","
        + n(b - c) + " L" + n(l) + "," + n(t + c) + " Z";
  }

  /** {@code v} with one decimal (String.format is too slow for the thousands of numbers here). */
  static String n(double v) {
    long tenths = Math.round(v * 10);
    String sign = tenths < 0 ? "-" : "";
    tenths = Math.abs(tenths);
    return sign + (tenths / 10) + "." + (tenths % 10);
  }

  static String esc(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        case '\n' -> out.append("&#10;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
