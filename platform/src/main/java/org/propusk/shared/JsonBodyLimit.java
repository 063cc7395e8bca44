package org.propusk.shared;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Caps JSON request bodies ({@code propusk.web.max-json-body}): no call needs more, and parsing
 * megabytes per request is an easy way to exhaust memory and processors. The body is never read
 * past the cap, whether its length is announced or it comes in chunks; the read fails with {@link
 * TooLarge}, which the API answers with 413.
 */
@Component
class JsonBodyLimit extends OncePerRequestFilter {

  private final long max;

  JsonBodyLimit(@Value("${propusk.web.max-json-body}") DataSize max) {
    this.max = max.toBytes();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    chain.doFilter(isJson(request) ? new Limited(request, max) : request, response);
  }

  private static boolean isJson(HttpServletRequest request) {
    if (request.getContentType() == null) {
      return false;
    }
    try {
      MediaType type = MediaType.parseMediaType(request.getContentType());
      return type.isCompatibleWith(MediaType.APPLICATION_JSON) || "json".equals(type.getSubtypeSuffix());
    } catch (InvalidMediaTypeException unreadable) {
      return false; // no converter will read it either
    }
  }

  /** Reading a body beyond the cap. */
  static final class TooLarge extends IOException {
    TooLarge() {
      super("request body too large", null);
    }
  }

  private static final class Limited extends HttpServletRequestWrapper {
    private final long max;
    private ServletInputStream stream;

    Limited(HttpServletRequest request, long max) {
      super(request);
      this.max = max;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (stream == null) {
        stream = new CountingStream(super.getInputStream(), getContentLengthLong() > max ? -1 : max);
      }
      return stream;
    }
  }

  /** Counts what is read and fails once more than {@code left} bytes are asked for. */
  private static final class CountingStream extends ServletInputStream {
    private final ServletInputStream body;
    private long left;

    /** {@code left} below zero: the announced length is already too large, so nothing is read. */
    CountingStream(ServletInputStream body, long left) {
      this.body = body;
      this.left = left;
    }

    @Override
    public int read() throws IOException {
      refuseIfSpent();
      int b = body.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      refuseIfSpent();
      int n = body.read(buffer, offset, (int) Math.min(length, left + 1));
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void refuseIfSpent() throws TooLarge {
      if (left < 0) {
        throw new TooLarge();
      }
    }

    private void count(int n) throws TooLarge {
      left -= n;
      refuseIfSpent();
    }

    @Override
    public boolean isFinished() {
      return body.isFinished();
    }

    @Override
    public boolean isReady() {
      return body.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
      body.setReadListener(listener);
    }
  }
}
