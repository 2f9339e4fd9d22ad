package org.headwater.web.picture;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each box of a lineage picture goes. Time flows left to right: a box's column is the length
 * of the longest chain of derivations leading to it, so every arrow points right. Within a column
 * boxes are ordered by the mean row of their neighbours (a few sweeps each way, the barycenter
 * heuristic of layered drawing) to keep arrows from crossing; an arrow that skips columns gets a
 * place of its own in each column it crosses, so it runs between boxes, not under them. These graphs are small after the
 * members of one source are grouped (tens of boxes), so this is well under a millisecond.
 *
 * @param boxes the placed boxes, in the order given
 * @param arrows the arrows, from a source box to a derived box
 * @param width the picture's width in px
 * @param height the picture's height in px
 */
public record Layout(List<Placed> boxes, List<Arrow> arrows, double width, double height) {
  static final double CHAR = 6.2; // px per character of 10 px Helvetica (a generous average)
  static final double LINE = 13;
  static final double PAD = 8;
  static final double COLUMN_GAP = 56;
  static final double ROW_GAP = 14;
  static final double MARGIN = 8;
  private static final int SWEEPS = 4;

  /** A box with its column, its place in the column and its rectangle. */
  public record Placed(PictureNode node, int column, int row, double x, double y, double w, double h) {}

  /**
   * An arrow from one placed box to another; {@code via} holds, for each column it crosses, the
   * {x left, x right, y} of the gap kept free for it there, so it never runs under a box.
   */
  public record Arrow(Placed from, Placed to, List<double[]> via) {}

  /** A place kept in a column for an arrow that crosses it. */
  private static final class Gap {}

  /** Lays out {@code nodes} (in a stable order) with {@code arrows} as pairs of them. */
  public static Layout of(List<PictureNode> nodes, List<List<PictureNode>> arrows) {
    Map<PictureNode, Integer> column = columns(nodes, arrows);
    int columns = column.values().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
    List<List<Object>> cols = new ArrayList<>();
    for (int c = 0; c < columns; c++) {
      cols.add(new ArrayList<>());
    }
    nodes.forEach(n -> cols.get(column.get(n)).add(n));
    List<List<Object>> chains = new ArrayList<>(); // each arrow: its box, its gaps, its box
    List<List<Object>> segments = new ArrayList<>();
    for (List<PictureNode> a : arrows) {
      List<Object> chain = new ArrayList<>(List.of(a.get(0)));
      for (int c = column.get(a.get(0)) + 1; c < column.get(a.get(1)); c++) {
        Gap g = new Gap();
        cols.get(c).add(g);
        chain.add(g);
      }
      chain.add(a.get(1));
      for (int i = 1; i < chain.size(); i++) {
        segments.add(List.of(chain.get(i - 1), chain.get(i)));
      }
      chains.add(chain);
    }
    order(cols, segments);
    double[] colWidth = new double[columns];
    double[] colHeight = new double[columns];
    for (int c = 0; c < columns; c++) {
      for (Object n : cols.get(c)) {
        colWidth[c] = Math.max(colWidth[c], width(n));
        colHeight[c] += height(n) + (colHeight[c] == 0 ? 0 : ROW_GAP);
      }
    }
    double tallest = 0;
    for (double h : colHeight) {
      tallest = Math.max(tallest, h);
    }
    Map<Object, Placed> placed = new IdentityHashMap<>();
    Map<Object, double[]> gaps = new IdentityHashMap<>();
    double x = MARGIN;
    for (int c = 0; c < columns; c++) {
      double y = MARGIN + (tallest - colHeight[c]) / 2;
      int row = 0;
      for (Object n : cols.get(c)) {
        if (n instanceof PictureNode b) {
          double w = width(b);
          placed.put(b, new Placed(b, c, row, x + (colWidth[c] - w) / 2, y, w, height(b)));
        } else {
          gaps.put(n, new double[] {x, x + colWidth[c], y + height(n) / 2});
        }
        row++;
        y += height(n) + ROW_GAP;
      }
      x += colWidth[c] + COLUMN_GAP;
    }
    List<Arrow> drawn = chains.stream().map(ch -> new Arrow(placed.get(ch.get(0)), placed.get(ch.get(ch.size() - 1)),
        ch.subList(1, ch.size() - 1).stream().map(gaps::get).toList())).toList();
    double width = columns == 0 ? 2 * MARGIN : x - COLUMN_GAP + MARGIN;
    return new Layout(nodes.stream().map(placed::get).toList(), drawn, width, tallest + 2 * MARGIN);
  }

  /**
   * Column = longest chain of arrows into a box. A cycle (which lineage should not have) stops the
   * relaxation after as many passes as there are boxes, so it cannot loop.
   */
  static Map<PictureNode, Integer> columns(List<PictureNode> nodes, List<List<PictureNode>> arrows) {
    Map<PictureNode, Integer> column = new IdentityHashMap<>();
    nodes.forEach(n -> column.put(n, 0));
    for (int pass = 0; pass < nodes.size(); pass++) {
      boolean changed = false;
      for (List<PictureNode> a : arrows) {
        int to = column.get(a.get(0)) + 1;
        if (column.get(a.get(1)) < to) {
          column.put(a.get(1), to);
          changed = true;
        }
      }
      if (!changed) {
        break;
      }
    }
    return column;
  }

  private static void order(List<List<Object>> cols, List<List<Object>> segments) {
    Map<Object, Double> pos = new IdentityHashMap<>();
    Map<Object, List<Object>> before = new IdentityHashMap<>();
    Map<Object, List<Object>> after = new IdentityHashMap<>();
    for (List<Object> s : segments) {
      after.computeIfAbsent(s.get(0), k -> new ArrayList<>()).add(s.get(1));
      before.computeIfAbsent(s.get(1), k -> new ArrayList<>()).add(s.get(0));
    }
    cols.forEach(col -> renumber(col, pos));
    for (int sweep = 0; sweep < SWEEPS; sweep++) {
      for (int c = 1; c < cols.size(); c++) {
        sortBy(cols.get(c), pos, before);
      }
      for (int c = cols.size() - 2; c >= 0; c--) {
        sortBy(cols.get(c), pos, after);
      }
    }
  }

  /** Sorts a column by the mean position of its {@code neighbours}; a box without any stays put. */
  private static void sortBy(List<Object> col, Map<Object, Double> pos, Map<Object, List<Object>> neighbours) {
    Map<Object, Double> key = new IdentityHashMap<>();
    for (Object n : col) {
      List<Object> others = neighbours.getOrDefault(n, List.of());
      double sum = 0;
      for (Object o : others) {
        sum += pos.get(o);
      }
      key.put(n, others.isEmpty() ? pos.get(n) : sum / others.size());
    }
    col.sort(Comparator.comparingDouble(key::get)); // stable: ties keep their order
    renumber(col, pos);
  }

  /** Positions as fractions of the column, so columns of different lengths compare. */
  private static void renumber(List<Object> col, Map<Object, Double> pos) {
    for (int i = 0; i < col.size(); i++) {
      pos.put(col.get(i), (i + 0.5) / col.size());
    }
  }

  static double width(Object o) {
    if (!(o instanceof PictureNode n)) {
      return 0;
    }
    int longest = 0;
    for (String line : n.label().split("\n", -1)) {
      longest = Math.max(longest, line.length());
    }
    return Math.ceil(longest * CHAR + 2 * PAD);
  }

  static double height(Object o) {
    if (!(o instanceof PictureNode n)) {
      return LINE;
    }
    return n.label().split("\n", -1).length * LINE + 2 * PAD;
  }
}
