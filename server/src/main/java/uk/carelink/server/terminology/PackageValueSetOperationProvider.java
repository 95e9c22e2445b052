package uk.carelink.server.terminology;

import ca.uhn.fhir.context.support.IValidationSupport.ValueSetExpansionOutcome;
import ca.uhn.fhir.context.support.ValidationSupportContext;
import ca.uhn.fhir.context.support.ValueSetExpansionOptions;
import ca.uhn.fhir.jpa.provider.ValueSetOperationProvider;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import jakarta.servlet.http.HttpServletRequest;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.instance.model.api.IPrimitiveType;

/**
 * HAPI's ValueSet operations, with {@code $expand?url=} answered in memory for the ValueSets of the
 * CareLink package. HAPI's database expansion needs Hibernate Search, which this server does not
 * run (and the package's ValueSets are small and already cached by the validator). Every other
 * request, and {@code $validate-code}, goes to HAPI as before.
 */
public class PackageValueSetOperationProvider extends ValueSetOperationProvider {

  private final ValidationSupportChain packageTerminology;

  public PackageValueSetOperationProvider(ValidationSupportChain packageTerminology) {
    this.packageTerminology = packageTerminology;
  }

  @Override
  public IBaseResource expand(
      HttpServletRequest servletRequest,
      IIdType id,
      IBaseResource valueSet,
      IPrimitiveType<String> url,
      IPrimitiveType<String> valueSetVersion,
      IPrimitiveType<String> filter,
      IPrimitiveType<String> context,
      IPrimitiveType<String> contextDirection,
      IPrimitiveType<Integer> offset,
      IPrimitiveType<Integer> count,
      IPrimitiveType<String> displayLanguage,
      IPrimitiveType<Boolean> includeHierarchy,
      RequestDetails request) {
    boolean byUrlOnly = id == null && valueSet == null && url != null && url.hasValue();
    if (!byUrlOnly || packageTerminology.fetchValueSet(url.getValue()) == null) {
      return super.expand(
          servletRequest,
          id,
          valueSet,
          url,
          valueSetVersion,
          filter,
          context,
          contextDirection,
          offset,
          count,
          displayLanguage,
          includeHierarchy,
          request);
    }
    ValueSetExpansionOptions options = new ValueSetExpansionOptions();
    if (offset != null && offset.getValue() != null) {
      options.setOffset(offset.getValue());
    }
    if (count != null && count.getValue() != null) {
      options.setCount(count.getValue());
    }
    if (filter != null && filter.hasValue()) {
      options.setFilter(filter.getValue());
    }
    ValueSetExpansionOutcome outcome =
        packageTerminology.expandValueSet(
            new ValidationSupportContext(packageTerminology), options, url.getValue());
    if (outcome == null || outcome.getValueSet() == null) {
      throw new InvalidRequestException(
          "Cannot expand " + url.getValue() + (outcome == null ? "" : ": " + outcome.getError()));
    }
    return outcome.getValueSet();
  }
}
