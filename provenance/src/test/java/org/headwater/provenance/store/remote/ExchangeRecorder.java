package org.headwater.provenance.store.remote;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A servlet filter in front of the test's Fuseki server ({@code FusekiServer.Builder.addFilter},
 * as {@code LineageServer} installs its own token filter) that records every request it answers:
 * method, path with query string, and a copy of the response body as written by Fuseki.
 */
final class ExchangeRecorder implements Filter {
  /**
   * One request and the body the server sent back. Recorded when the request arrives, and the
   * body copied before each write reaches the socket: whatever the client has received is here.
   */
  record Exchange(String method, String uri, ByteArrayOutputStream copy) {
    byte[] body() {
      return copy.toByteArray();
    }

    /** The body as ISO-8859-1 text: IRIs are plain bytes in every RDF format, RDF Thrift included. */
    String text() {
      return new String(body(), StandardCharsets.ISO_8859_1);
    }
  }

  private final List<Exchange> exchanges = new CopyOnWriteArrayList<>();

  /** The exchanges since the last call, and forgets them. */
  List<Exchange> take() {
    List<Exchange> taken = List.copyOf(exchanges);
    exchanges.clear();
    return taken;
  }

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest http = (HttpServletRequest) req;
    Copying copying = new Copying((HttpServletResponse) res);
    String query = http.getQueryString();
    exchanges.add(new Exchange(http.getMethod(), http.getRequestURI() + (query == null ? "" : "?" + query),
        copying.copy));
    try {
      chain.doFilter(req, copying);
    } finally {
      copying.flushWriter();
    }
  }

  /** A response whose body is also copied into {@link #copy}. */
  private static final class Copying extends HttpServletResponseWrapper {
    final ByteArrayOutputStream copy = new ByteArrayOutputStream();
    private ServletOutputStream tee;
    private PrintWriter writer;

    Copying(HttpServletResponse response) {
      super(response);
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
      if (tee == null) {
        ServletOutputStream out = super.getOutputStream();
        tee = new ServletOutputStream() {
          @Override
          public boolean isReady() {
            return out.isReady();
          }

          @Override
          public void setWriteListener(WriteListener listener) {
            out.setWriteListener(listener);
          }

          @Override
          public void write(int b) throws IOException {
            copy.write(b);
            out.write(b);
          }

          @Override
          public void write(byte[] b, int off, int len) throws IOException {
            copy.write(b, off, len);
            out.write(b, off, len);
          }

          @Override
          public void flush() throws IOException {
            out.flush();
          }

          @Override
          public void close() throws IOException {
            out.close();
          }
        };
      }
      return tee;
    }

    @Override
    public PrintWriter getWriter() throws IOException {
      if (writer == null) {
        writer = new PrintWriter(new OutputStreamWriter(getOutputStream(), getCharacterEncoding()));
      }
      return writer;
    }

    @Override
    public void flushBuffer() throws IOException {
      flushWriter();
      super.flushBuffer();
    }

    void flushWriter() {
      if (writer != null) {
        writer.flush();
      }
    }
  }
}
