package uk.carelink.server.validation;

import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

/** The 422 answer to a write that does not conform: one issue per error, each with its FHIRPath. */
final class ProfileRejection {

  private ProfileRejection() {}

  static UnprocessableEntityException of(
      IBaseResource resource, Set<String> profiles, List<SingleValidationMessage> errors) {
    OperationOutcome outcome = new OperationOutcome();
    for (SingleValidationMessage error : errors) {
      OperationOutcome.OperationOutcomeIssueComponent issue =
          outcome
              .addIssue()
              .setSeverity(
                  error.getSeverity() == ResultSeverityEnum.FATAL
                      ? IssueSeverity.FATAL
                      : IssueSeverity.ERROR)
              .setCode(IssueType.PROCESSING)
              .setDiagnostics(error.getMessage());
      if (error.getLocationString() != null) {
        issue.addExpression(error.getLocationString());
      }
      if (error.getMessageId() != null) {
        issue.getDetails().setText(error.getMessageId());
      }
    }
    String summary =
        resource.fhirType()
            + " does not conform to "
            + String.join(", ", profiles)
            + ": "
            + errors.get(0).getLocationString()
            + ": "
            + errors.get(0).getMessage()
            + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : "");
    UnprocessableEntityException rejection = new UnprocessableEntityException(summary);
    rejection.setOperationOutcome(outcome);
    return rejection;
  }
}
