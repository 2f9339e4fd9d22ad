package org.headwater.pipeline.csv;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/** Splits CSV text into records (RFC 4180 quoting), reading gzip transparently. */
final class CsvParser {
  private CsvParser() {}

  /** Reads every record of a file; comment lines and blank lines are skipped. */
  static List<List<String>> read(Path file, char delimiter, String comment) throws IOException {
    try (InputStream raw = new BufferedInputStream(Files.newInputStream(file))) {
      raw.mark(2);
      int b1 = raw.read();
      int b2 = raw.read();
      raw.reset();
      InputStream in = b1 == 0x1f && b2 == 0x8b ? new GZIPInputStream(raw) : raw;
      try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
        return parse(r, delimiter, comment);
      }
    }
  }

  static List<List<String>> parse(Reader in, char delimiter, String comment) throws IOException {
    Reader r = in.markSupported() ? in : new java.io.BufferedReader(in);
    List<List<String>> out = new ArrayList<>();
    List<String> record = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean lineStart = true;
    boolean wasQuoted = false;
    int c;
    while ((c = r.read()) != -1) {
      if (quoted) {
        if (c == '"') {
          r.mark(1);
          int next = r.read();
          if (next == '"') {
            field.append('"');
          } else {
            quoted = false;
            if (next != -1) {
              r.reset();
            }
          }
        } else {
          field.append((char) c);
        }
        continue;
      }
      if (lineStart && comment != null && !comment.isEmpty() && c == comment.charAt(0)) {
        while (c != -1 && c != '\n') {
          c = r.read();
        }
        continue;
      }
      lineStart = false;
      if (c == '"' && field.length() == 0) {
        quoted = true;
        wasQuoted = true;
      } else if (c == delimiter) {
        record.add(field.toString());
        field.setLength(0);
        wasQuoted = false;
      } else if (c == '\n' || c == '\r') {
        if (c == '\r') {
          r.mark(1);
          if (r.read() != '\n') {
            r.reset();
          }
        }
        finish(out, record, field, wasQuoted);
        record = new ArrayList<>();
        wasQuoted = false;
        lineStart = true;
      } else {
        field.append((char) c);
      }
    }
    finish(out, record, field, wasQuoted);
    return out;
  }

  private static void finish(
      List<List<String>> out, List<String> record, StringBuilder field, boolean wasQuoted) {
    if (record.isEmpty() && field.length() == 0 && !wasQuoted) {
      return;
    }
    record.add(field.toString());
    field.setLength(0);
    out.add(record);
  }
}
