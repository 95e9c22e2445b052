package uk.carelink.server.security;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.IPreResourceShowDetails;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.exceptions.AuthenticationException;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.StringType;
import org.springframework.stereotype.Component;
import uk.carelink.server.fhir.AccessControlInterceptor;

/**
 * Enforces SMART scopes inside HAPI, where the interaction and resource type are known: before a
 * request is handled, every permission it needs ({@link RequiredScopes}) must be granted, else 403
 * with an OperationOutcome naming the missing scope (and the {@code Bundle.entry[n]} that needs it:
 * one refused entry refuses the whole transaction or batch). Resources about to be returned
 * (including {@code _include}d ones) must be of a type the party may read or search.
 *
 * <p>In-process requests ({@link SystemRequestDetails}, e.g. the sandbox loader writing as a party)
 * are trusted: they do not come from a token.
 */
@Component
public class SmartScopeInterceptor implements AccessControlInterceptor {

  @Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLED)
  public void checkRequest(RequestDetails request, RestOperationTypeEnum operation) {
    if (request instanceof SystemRequestDetails || operation == RestOperationTypeEnum.METADATA) {
      return;
    }
    Grants grants = Grants.of(requireParty(request));
    if (operation == RestOperationTypeEnum.GET_PAGE) {
      // The page continues a search whose own scope check passed; the search id is unguessable.
      if (!grants.allowAnySearch()) {
        throw forbidden("Paging through search results needs a search scope", "");
      }
      return;
    }
    for (ScopeNeed need : RequiredScopes.of(request, operation)) {
      if (!grants.allow(need)) {
        String where = need.where().isEmpty() ? "" : need.where() + ": ";
        throw forbidden(
            where
                + "the token's scopes do not allow "
                + describe(need)
                + " (needs a scope such as "
                + need.scopeHint()
                + ")",
            need.where());
      }
    }
  }

  /**
   * Checks every entry of a transaction that the server builds itself for a request (e.g. {@code
   * $ingest}) as if the party had posted it: each entry needs its own scopes. Trusted in-process
   * requests pass.
   */
  public static void checkEntries(RequestDetails request, Bundle bundle) {
    if (request instanceof SystemRequestDetails) {
      return;
    }
    Grants grants = Grants.of(requireParty(request));
    List<Bundle.BundleEntryComponent> entries = bundle.getEntry();
    for (int i = 0; i < entries.size(); i++) {
      for (ScopeNeed need : RequiredScopes.ofEntry(entries.get(i))) {
        if (!grants.allow(need)) {
          String where = "Bundle.entry[" + i + "]";
          throw forbidden(
              where
                  + ": the token's scopes do not allow "
                  + describe(need)
                  + " (needs a scope such as "
                  + need.scopeHint()
                  + ")",
              where);
        }
      }
    }
  }

  @Hook(Pointcut.STORAGE_PRESHOW_RESOURCES)
  public void checkShownResources(IPreResourceShowDetails shown, RequestDetails request) {
    if (request == null || request instanceof SystemRequestDetails) {
      return;
    }
    Grants grants = Grants.of(requireParty(request));
    for (IBaseResource resource : shown) {
      if (resource == null || "OperationOutcome".equals(resource.fhirType())) {
        continue;
      }
      String type = resource.fhirType();
      if (!grants.allow(ScopeNeed.of(type, Interaction.READ))
          && !grants.allow(ScopeNeed.of(type, Interaction.SEARCH))) {
        throw forbidden(
            "the answer would include "
                + type
                + " resources, which the token's scopes do not allow reading (e.g. system/"
                + type
                + ".r)",
            "");
      }
    }
  }

  private static Party requireParty(RequestDetails request) {
    // Spring Security lets no unauthenticated request through to /fhir except the metadata; this
    // is the fail-closed backstop should that ever change.
    return Party.from(request)
        .orElseThrow(() -> new AuthenticationException("No authenticated party for this request"));
  }

  private static String describe(ScopeNeed need) {
    String interaction = need.interaction().name().toLowerCase(java.util.Locale.ROOT);
    return SmartScope.ANY_TYPE.equals(need.resourceType())
        ? interaction + " on every resource type"
        : interaction + " on " + need.resourceType();
  }

  private static ForbiddenOperationException forbidden(String message, String where) {
    OperationOutcome outcome = new OperationOutcome();
    OperationOutcome.OperationOutcomeIssueComponent issue =
        outcome
            .addIssue()
            .setSeverity(IssueSeverity.ERROR)
            .setCode(IssueType.FORBIDDEN)
            .setDiagnostics(message);
    if (!where.isEmpty()) {
      issue.setExpression(List.of(new StringType(where)));
    }
    return new ForbiddenOperationException(message, outcome);
  }
}
