package org.headwater.pipeline.steps;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/**
 * A small arithmetic expression over named values, parsed once and evaluated per row; no script
 * engine, so a recipe can compute but never run code.
 *
 * <p>Grammar: numbers; names ({@code mass}, or any text in backquotes: {@code `Mass (Gt)`}); {@code
 * + - * / %}, {@code ^} (power), unary minus and parentheses; comparisons {@code < <= > >= == !=}
 * (1 or 0); {@code and}, {@code or}, {@code not}; functions {@code abs sqrt exp log log10 floor
 * ceil round isnan} of one argument and {@code min max} of two. Missing values are NaN: they
 * propagate through arithmetic, and a comparison with NaN is false.
 */
public final class Expression {
  /** A compiled expression: values are given in the order of {@link #names()}. */
  interface Node {
    double eval(double[] values);
  }

  private final String text;
  private final List<String> names;
  private final Node root;

  private Expression(String text, List<String> names, Node root) {
    this.text = text;
    this.names = List.copyOf(names);
    this.root = root;
  }

  /**
   * Parses an expression.
   *
   * @throws IllegalArgumentException naming the position and what was expected
   */
  public static Expression parse(String text) {
    Parser p = new Parser(text);
    Node n = p.or();
    p.skip();
    if (p.pos < text.length()) {
      throw p.error("an operator or the end");
    }
    return new Expression(text, new ArrayList<>(p.names), n);
  }

  /** The names the expression uses, in first-use order. */
  public List<String> names() {
    return names;
  }

  /** Evaluates with values given in the order of {@link #names()}. */
  public double eval(double... values) {
    return root.eval(values);
  }

  /** Whether a value counts as true (not zero and not NaN). */
  public static boolean truthy(double x) {
    return x != 0 && !Double.isNaN(x);
  }

  @Override
  public String toString() {
    return text;
  }

  private static final class Parser {
    final String s;
    int pos;
    final Set<String> names = new LinkedHashSet<>();

    Parser(String s) {
      this.s = s;
    }

    Node or() {
      Node left = and();
      while (word("or")) {
        Node a = left;
        Node b = and();
        left = v -> truthy(a.eval(v)) || truthy(b.eval(v)) ? 1 : 0;
      }
      return left;
    }

    Node and() {
      Node left = not();
      while (word("and")) {
        Node a = left;
        Node b = not();
        left = v -> truthy(a.eval(v)) && truthy(b.eval(v)) ? 1 : 0;
      }
      return left;
    }

    Node not() {
      if (word("not")) {
        Node a = not();
        return v -> truthy(a.eval(v)) ? 0 : 1;
      }
      return comparison();
    }

    Node comparison() {
      Node a = sum();
      for (String op : List.of("<=", ">=", "==", "!=", "<", ">")) {
        if (symbol(op)) {
          Node b = sum();
          DoubleBinaryOperator f = switch (op) {
            case "<=" -> (x, y) -> x <= y ? 1 : 0;
            case ">=" -> (x, y) -> x >= y ? 1 : 0;
            case "==" -> (x, y) -> x == y ? 1 : 0;
            case "!=" -> (x, y) -> !Double.isNaN(x) && !Double.isNaN(y) && x != y ? 1 : 0;
            case "<" -> (x, y) -> x < y ? 1 : 0;
            default -> (x, y) -> x > y ? 1 : 0;
          };
          return v -> f.applyAsDouble(a.eval(v), b.eval(v));
        }
      }
      return a;
    }

    Node sum() {
      Node left = product();
      while (true) {
        if (symbol("+")) {
          Node a = left;
          Node b = product();
          left = v -> a.eval(v) + b.eval(v);
        } else if (symbol("-")) {
          Node a = left;
          Node b = product();
          left = v -> a.eval(v) - b.eval(v);
        } else {
          return left;
        }
      }
    }

    Node product() {
      Node left = unary();
      while (true) {
        if (!peek("**") && symbol("*")) {
          Node a = left;
          Node b = unary();
          left = v -> a.eval(v) * b.eval(v);
        } else if (symbol("/")) {
          Node a = left;
          Node b = unary();
          left = v -> a.eval(v) / b.eval(v);
        } else if (symbol("%")) {
          Node a = left;
          Node b = unary();
          left = v -> a.eval(v) % b.eval(v);
        } else {
          return left;
        }
      }
    }

    Node unary() {
      if (symbol("-")) {
        Node a = unary();
        return v -> -a.eval(v);
      }
      if (symbol("+")) {
        return unary();
      }
      Node base = atom();
      if (symbol("^") || symbol("**")) {
        Node e = unary();
        return v -> Math.pow(base.eval(v), e.eval(v));
      }
      return base;
    }

    Node atom() {
      skip();
      if (pos >= s.length()) {
        throw error("a number, a name or '('");
      }
      char c = s.charAt(pos);
      if (symbol("(")) {
        Node n = or();
        expect(")");
        return n;
      }
      if (c == '`') {
        int end = s.indexOf('`', pos + 1);
        if (end < 0) {
          throw error("a closing backquote");
        }
        String name = s.substring(pos + 1, end);
        pos = end + 1;
        return variable(name);
      }
      if (Character.isDigit(c) || c == '.') {
        int start = pos;
        while (pos < s.length() && (Character.isDigit(s.charAt(pos)) || s.charAt(pos) == '.')) {
          pos++;
        }
        if (pos < s.length() && (s.charAt(pos) == 'e' || s.charAt(pos) == 'E')) {
          pos++;
          if (pos < s.length() && (s.charAt(pos) == '+' || s.charAt(pos) == '-')) {
            pos++;
          }
          while (pos < s.length() && Character.isDigit(s.charAt(pos))) {
            pos++;
          }
        }
        try {
          double x = Double.parseDouble(s.substring(start, pos));
          return v -> x;
        } catch (NumberFormatException e) {
          pos = start;
          throw error("a number");
        }
      }
      if (Character.isLetter(c) || c == '_') {
        int start = pos;
        while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '_')) {
          pos++;
        }
        String name = s.substring(start, pos);
        if (symbol("(")) {
          return function(name, start);
        }
        if (List.of("and", "or", "not").contains(name)) {
          pos = start;
          throw error("a value, not '" + name + "'");
        }
        return variable(name);
      }
      throw error("a number, a name or '('");
    }

    Node function(String name, int at) {
      Node a = or();
      if (name.equals("min") || name.equals("max")) {
        expect(",");
        Node b = or();
        expect(")");
        return name.equals("min") ? v -> Math.min(a.eval(v), b.eval(v))
            : v -> Math.max(a.eval(v), b.eval(v));
      }
      expect(")");
      DoubleUnaryOperator f = switch (name) {
        case "abs" -> Math::abs;
        case "sqrt" -> Math::sqrt;
        case "exp" -> Math::exp;
        case "log" -> Math::log;
        case "log10" -> Math::log10;
        case "floor" -> Math::floor;
        case "ceil" -> Math::ceil;
        case "round" -> x -> Double.isNaN(x) ? x : Math.floor(x + 0.5);
        case "isnan" -> x -> Double.isNaN(x) ? 1 : 0;
        default -> {
          pos = at;
          throw error("a known function (abs sqrt exp log log10 floor ceil round isnan min max),"
              + " not '" + name + "'");
        }
      };
      return v -> f.applyAsDouble(a.eval(v));
    }

    Node variable(String name) {
      names.add(name);
      int i = new ArrayList<>(names).indexOf(name);
      return v -> v[i];
    }

    void expect(String sym) {
      if (!symbol(sym)) {
        throw error("'" + sym + "'");
      }
    }

    boolean peek(String sym) {
      skip();
      return s.startsWith(sym, pos);
    }

    boolean symbol(String sym) {
      skip();
      if (s.startsWith(sym, pos)) {
        pos += sym.length();
        return true;
      }
      return false;
    }

    boolean word(String w) {
      skip();
      int end = pos + w.length();
      if (s.startsWith(w, pos) && (end >= s.length() || !Character.isLetterOrDigit(s.charAt(end)))) {
        pos = end;
        return true;
      }
      return false;
    }

    void skip() {
      while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
        pos++;
      }
    }

    IllegalArgumentException error(String expected) {
      return new IllegalArgumentException(
          "expression '" + s + "': expected " + expected + " at position " + (pos + 1));
    }
  }
}
