package uk.carelink.server.validation;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import ca.uhn.fhir.validation.SingleValidationMessage;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.springframework.stereotype.Component;
import uk.carelink.server.fhir.CareLinkInterceptor;

/**
 * Validates every resource written through the API (create, update, each transaction entry) against
 * the profiles {@link ProfileSelector} picks, and rejects the write with 422 and an
 * OperationOutcome listing each error with its FHIRPath location. Hooked at storage time so that
 * transaction entries are checked one by one after their references are resolved; a failure rolls
 * the whole transaction back, and {@code TransactionEntryErrorInterceptor} adds the entry index. A
 * resource the same request has already validated against the same profiles ({@link
 * AlreadyValidated}, e.g. by {@code $ingest}) is not validated again.
 */
@Component
public class ProfileValidatingInterceptor implements CareLinkInterceptor {

  /** After TransactionEntryErrorInterceptor has remembered the entry being stored (order 0). */
  private static final int AFTER_ENTRY_TRACKING = 100;

  private final ProfileSelector selector;
  private final ProfileValidator validator;
  private final ValidationProperties properties;

  public ProfileValidatingInterceptor(
      ProfileSelector selector, ProfileValidator validator, ValidationProperties properties) {
    this.selector = selector;
    this.validator = validator;
    this.properties = properties;
  }

  @Hook(value = Pointcut.STORAGE_PRESTORAGE_RESOURCE_CREATED, order = AFTER_ENTRY_TRACKING)
  public void beforeCreate(IBaseResource resource, RequestDetails request) {
    validate(resource, request);
  }

  @Hook(value = Pointcut.STORAGE_PRESTORAGE_RESOURCE_UPDATED, order = AFTER_ENTRY_TRACKING)
  public void beforeUpdate(IBaseResource previous, IBaseResource resource, RequestDetails request) {
    validate(resource, request);
  }

  private void validate(IBaseResource resource, RequestDetails request) {
    if (!properties.enabled()) {
      return;
    }
    Set<String> profiles = selector.select(resource, request);
    if (profiles.isEmpty() || AlreadyValidated.covers(request, resource, profiles)) {
      return;
    }
    List<SingleValidationMessage> errors = validator.errors(resource, profiles);
    if (!errors.isEmpty()) {
      throw rejection(resource, profiles, errors);
    }
  }

  private static UnprocessableEntityException rejection(
      IBaseResource resource, Set<String> profiles, List<SingleValidationMessage> errors) {
    OperationOutcome outcome = new OperationOutcome();
    for (SingleValidationMessage error : errors) {
      OperationOutcome.OperationOutcomeIssueComponent issue =
          outcome
              .addIssue()
              .setSeverity(
                  error.getSeverity() == ca.uhn.fhir.validation.ResultSeverityEnum.FATAL
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
