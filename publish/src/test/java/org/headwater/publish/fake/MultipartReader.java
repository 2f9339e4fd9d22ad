package org.headwater.publish.fake;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A streaming multipart/form-data parser: part bodies go to a sink, never into memory. */
final class MultipartReader {
  private static final Pattern NAME = Pattern.compile("name=\"([^\"]*)\"");
  private static final Pattern FILENAME = Pattern.compile("filename=\"([^\"]*)\"");

  private final InputStream in;
  private final byte[] delim;
  private final byte[] buf = new byte[1 << 17];
  private int pos;
  private int lim;
  private boolean done;

  MultipartReader(InputStream in, String boundary) throws IOException {
    this.in = in;
    this.delim = ("\r\n--" + boundary).getBytes(StandardCharsets.US_ASCII);
    buf[0] = '\r';
    buf[1] = '\n';
    lim = 2;
    copyBody(OutputStream.nullOutputStream()); // the preamble
  }

  static String boundary(String contentType) {
    Matcher m = Pattern.compile("boundary=\"?([^\";]+)\"?").matcher(contentType == null ? "" : contentType);
    if (!m.find()) {
      throw new IllegalArgumentException("not multipart: " + contentType);
    }
    return m.group(1);
  }

  /** The next part's name and file name, or null after the last part. */
  String[] next() throws IOException {
    if (done) {
      return null;
    }
    ensure(2);
    if (buf[pos] == '-' && buf[pos + 1] == '-') {
      done = true;
      return null;
    }
    pos += 2; // CRLF after the boundary
    String name = null;
    String fileName = null;
    for (String line; !(line = line()).isEmpty(); ) {
      if (line.toLowerCase(Locale.ROOT).startsWith("content-disposition")) {
        Matcher n = NAME.matcher(line);
        name = n.find() ? n.group(1) : null;
        Matcher f = FILENAME.matcher(line);
        fileName = f.find() ? f.group(1) : null;
      }
    }
    return new String[] {name, fileName};
  }

  /** Streams the current part's body to {@code out}, up to the next boundary. */
  void copyBody(OutputStream out) throws IOException {
    while (true) {
      int idx = indexOf();
      if (idx >= 0) {
        out.write(buf, pos, idx - pos);
        pos = idx + delim.length;
        return;
      }
      int safe = Math.max(pos, lim - (delim.length - 1));
      out.write(buf, pos, safe - pos);
      pos = safe;
      if (!fill()) {
        throw new EOFException("multipart body ended before its closing boundary");
      }
    }
  }

  private int indexOf() {
    outer:
    for (int i = pos; i <= lim - delim.length; i++) {
      if (buf[i] != '\r') {
        continue;
      }
      for (int k = 1; k < delim.length; k++) {
        if (buf[i + k] != delim[k]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private String line() throws IOException {
    StringBuilder sb = new StringBuilder();
    while (true) {
      ensure(2);
      if (buf[pos] == '\r' && buf[pos + 1] == '\n') {
        pos += 2;
        return sb.toString();
      }
      sb.append((char) (buf[pos++] & 0xff));
    }
  }

  private void ensure(int n) throws IOException {
    while (lim - pos < n) {
      if (!fill()) {
        throw new EOFException("multipart body ended early");
      }
    }
  }

  private boolean fill() throws IOException {
    if (pos > 0) {
      System.arraycopy(buf, pos, buf, 0, lim - pos);
      lim -= pos;
      pos = 0;
    }
    int n = in.read(buf, lim, buf.length - lim);
    if (n <= 0) {
      return false;
    }
    lim += n;
    return true;
  }
}
