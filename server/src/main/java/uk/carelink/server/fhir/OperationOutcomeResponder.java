package uk.carelink.server.fhir;

import ca.uhn.fhir.context.FhirContext;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.springframework.stereotype.Component;

/**
 * Writes an OperationOutcome response from code that runs outside HAPI's request handling (servlet
 * filters), so that every error a FHIR client sees has the same shape.
 */
@Component
public class OperationOutcomeResponder {

  private final FhirContext fhirContext;

  public OperationOutcomeResponder(FhirContext fhirContext) {
    this.fhirContext = fhirContext;
  }

  public void respond(HttpServletResponse response, int status, IssueType type, String diagnostics)
      throws IOException {
    OperationOutcome outcome = new OperationOutcome();
    outcome.addIssue().setSeverity(IssueSeverity.ERROR).setCode(type).setDiagnostics(diagnostics);
    response.setStatus(status);
    response.setContentType("application/fhir+json;charset=UTF-8");
    try (Writer writer = response.getWriter()) {
      fhirContext.newJsonParser().encodeResourceToWriter(outcome, writer);
    }
  }
}
