package uk.carelink.server.fhir;

import ca.uhn.fhir.rest.server.RestfulServer;
import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServlet;
import java.io.IOException;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The servlet at {@code /fhir}: hands every request to HAPI's RestfulServer (see FhirRestServer).
 */
class DeferredFhirServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  private final transient ObjectProvider<FhirRestServer> server;
  private transient RestfulServer delegate;

  DeferredFhirServlet(ObjectProvider<FhirRestServer> server) {
    this.server = server;
  }

  @Override
  public void init(ServletConfig config) throws ServletException {
    super.init(config);
    delegate = server.getObject().servlet();
    delegate.init(config);
  }

  @Override
  public void service(ServletRequest request, ServletResponse response)
      throws ServletException, IOException {
    delegate.service(request, response);
  }

  @Override
  public void destroy() {
    if (delegate != null) {
      delegate.destroy();
    }
  }
}
