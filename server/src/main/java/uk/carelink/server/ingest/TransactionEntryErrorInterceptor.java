package uk.carelink.server.ingest;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.UnclassifiedServerFailureException;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.StringType;
import org.springframework.stereotype.Component;
import uk.carelink.server.fhir.CareLinkInterceptor;
import uk.carelink.server.fhir.TransactionEntryInProgress;

/**
 * Makes a failed transaction say which entry failed. HAPI's own messages name the problem (e.g. an
 * unresolvable reference) but not the entry, which a care home system pushing 500 entries needs to
 * fix its data. The entry being stored is remembered per request; if the transaction then fails,
 * the error is re-issued with {@code Bundle.entry[n]} as its location. An error that carries its
 * own OperationOutcome (profile validation: one issue per problem, each with a FHIRPath) keeps
 * every issue, its path re-rooted at {@code Bundle.entry[n].resource}.
 */
@Component
public class TransactionEntryErrorInterceptor implements CareLinkInterceptor {

  @Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_CREATED)
  public void beforeCreate(IBaseResource resource, RequestDetails request) {
    rememberEntry(resource, request);
  }

  @Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_UPDATED)
  public void beforeUpdate(IBaseResource previous, IBaseResource resource, RequestDetails request) {
    rememberEntry(resource, request);
  }

  @Hook(Pointcut.SERVER_PRE_PROCESS_OUTGOING_EXCEPTION)
  public BaseServerResponseException locateFailedEntry(RequestDetails request, Throwable failure) {
    if (request == null
        || request.getRestOperationType() != RestOperationTypeEnum.TRANSACTION
        || !(request.getResource() instanceof Bundle bundle)) {
      return null;
    }
    // An entry stored before the one that failed may have failed a check that ran beside storage.
    Optional<TransactionEntryInProgress.EarlierFailure> earlier =
        TransactionEntryInProgress.earlierFailure(request);
    BaseServerResponseException error;
    if (earlier.isPresent()) {
      error = earlier.get().failure();
    } else if (failure instanceof BaseServerResponseException reported) {
      error = reported;
    } else {
      return null;
    }
    IBaseResource atFault =
        earlier
            .map(TransactionEntryInProgress.EarlierFailure::entry)
            .orElseGet(() -> TransactionEntryInProgress.of(request).orElse(null));
    int index = indexOf(atFault, bundle);
    if (index < 0) {
      return earlier.isPresent() ? error : null;
    }
    Bundle.BundleEntryComponent entry = bundle.getEntry().get(index);
    String where = "Bundle.entry[" + index + "]";
    String what = entry.getResource() == null ? "" : " (" + entry.getResource().fhirType() + ")";
    String fullUrl = entry.hasFullUrl() ? " fullUrl " + entry.getFullUrl() : "";
    String message = where + what + fullUrl + ": " + error.getMessage();

    OperationOutcome outcome = new OperationOutcome();
    if (error.getOperationOutcome() instanceof OperationOutcome detailed && detailed.hasIssue()) {
      // Keep each issue (e.g. profile validation errors) and re-root its FHIRPath at the entry.
      for (OperationOutcome.OperationOutcomeIssueComponent issue : detailed.getIssue()) {
        OperationOutcome.OperationOutcomeIssueComponent located = issue.copy();
        located.setExpression(
            issue.getExpression().stream()
                .map(path -> new StringType(inEntry(where, path.getValue())))
                .toList());
        if (!located.hasExpression()) {
          located.addExpression(where);
        }
        located.setDiagnostics(where + what + ": " + issue.getDiagnostics());
        outcome.addIssue(located);
      }
    } else {
      outcome
          .addIssue()
          .setSeverity(IssueSeverity.ERROR)
          .setCode(IssueType.PROCESSING)
          .setDiagnostics(message)
          .setExpression(List.of(new StringType(where)));
    }
    BaseServerResponseException located =
        new UnclassifiedServerFailureException(error.getStatusCode(), message);
    located.setOperationOutcome(outcome);
    return located;
  }

  /**
   * {@code Patient.identifier[0]} in entry 2 becomes {@code
   * Bundle.entry[2].resource.identifier[0]}.
   */
  static String inEntry(String entry, String path) {
    if (path == null || path.isBlank()) {
      return entry;
    }
    int dot = path.indexOf('.');
    return dot < 0 ? entry + ".resource" : entry + ".resource" + path.substring(dot);
  }

  /**
   * Entries are stored through sub-requests that share the parent request's user data but not its
   * bundle, so the resource is remembered here and located in the bundle only if the transaction
   * fails.
   */
  private static void rememberEntry(IBaseResource resource, RequestDetails request) {
    TransactionEntryInProgress.remember(request, resource);
  }

  private static int indexOf(IBaseResource resource, Bundle bundle) {
    List<Bundle.BundleEntryComponent> entries = bundle.getEntry();
    for (int i = 0; resource != null && i < entries.size(); i++) {
      // HAPI stores the request bundle's own resource objects, so identity finds the entry.
      if (entries.get(i).getResource() == resource) {
        return i;
      }
    }
    return -1;
  }
}
