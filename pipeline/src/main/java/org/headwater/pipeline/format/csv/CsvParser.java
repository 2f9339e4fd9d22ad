package org.headwater.pipeline.format.csv;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.Closeable;
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

/**
 * Splits CSV text into records (RFC 4180 quoting), one record at a time, reading gzip
 * transparently. Comment lines and blank lines are skipped.
 */
final class CsvParser implements Closeable {
  private final Reader r;
  private final char delimiter;
  private final String comment;
  private final StringBuilder field = new StringBuilder();

  private CsvParser(Reader r, char delimiter, String comment) {
    this.r = r.markSupported() ? r : new BufferedReader(r);
    this.delimiter = delimiter;
    this.comment = comment;
  }

  /** Opens a (possibly gzipped) file. */
  static CsvParser open(Path file, char delimiter, String comment) throws IOException {
    InputStream raw = new BufferedInputStream(Files.newInputStream(file));
    try {
      raw.mark(2);
      int b1 = raw.read();
      int b2 = raw.read();
      raw.reset();
      InputStream in = b1 == 0x1f && b2 == 0x8b ? new GZIPInputStream(raw) : raw;
      return new CsvParser(new InputStreamReader(in, StandardCharsets.UTF_8), delimiter, comment);
    } catch (IOException | RuntimeException e) {
      raw.close();
      throw e;
    }
  }

  /** The next record, or null at the end of the text. */
  List<String> next() throws IOException {
    List<String> record = new ArrayList<>();
    field.setLength(0);
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
        if (finish(record, wasQuoted)) {
          return record;
        }
        wasQuoted = false;
        lineStart = true;
      } else {
        field.append((char) c);
      }
    }
    return finish(record, wasQuoted) ? record : null;
  }

  /** Completes a record at a line end; false for a blank line (nothing to return). */
  private boolean finish(List<String> record, boolean wasQuoted) {
    if (record.isEmpty() && field.length() == 0 && !wasQuoted) {
      return false;
    }
    record.add(field.toString());
    field.setLength(0);
    return true;
  }

  @Override
  public void close() throws IOException {
    r.close();
  }
}
