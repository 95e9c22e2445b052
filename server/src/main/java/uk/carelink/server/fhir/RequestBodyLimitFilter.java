package uk.carelink.server.fhir;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Rejects request bodies larger than the configured limit with 413 and an OperationOutcome, before
 * HAPI parses anything. A declared Content-Length is checked up front; a chunked body is read up to
 * the limit and then replayed to HAPI.
 */
class RequestBodyLimitFilter extends OncePerRequestFilter {

  private final long maxBytes;
  private final OperationOutcomeResponder responder;

  RequestBodyLimitFilter(long maxBytes, OperationOutcomeResponder responder) {
    this.maxBytes = maxBytes;
    this.responder = responder;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long declared = request.getContentLengthLong();
    if (declared > maxBytes) {
      rejectTooLarge(response);
      return;
    }
    boolean chunked = declared < 0 && request.getHeader("Transfer-Encoding") != null;
    if (!chunked) {
      chain.doFilter(request, response);
      return;
    }
    byte[] body = readAtMost(request.getInputStream(), maxBytes + 1);
    if (body.length > maxBytes) {
      rejectTooLarge(response);
      return;
    }
    chain.doFilter(new ReplayedBodyRequest(request, body), response);
  }

  private void rejectTooLarge(HttpServletResponse response) throws IOException {
    responder.respond(
        response,
        HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
        IssueType.TOOLONG,
        "Request body exceeds the limit of "
            + maxBytes
            + " bytes (carelink.fhir.max-request-body). Split the bundle into smaller"
            + " transactions.");
  }

  private static byte[] readAtMost(InputStream in, long limit) throws IOException {
    return in.readNBytes((int) Math.min(limit, Integer.MAX_VALUE - 8));
  }

  /** A request whose body has already been read once and is served again from memory. */
  private static final class ReplayedBodyRequest extends HttpServletRequestWrapper {
    private final byte[] body;

    ReplayedBodyRequest(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
          return in.read(buffer, offset, length);
        }

        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException("Asynchronous reads are not supported");
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      String encoding = getCharacterEncoding();
      Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
      return new BufferedReader(new InputStreamReader(getInputStream(), charset));
    }
  }
}
