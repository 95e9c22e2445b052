package uk.carelink.server.linkage;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.FhirVersionEnum;
import ca.uhn.fhir.fhirpath.IFhirPath;

/**
 * The FHIR context given to HAPI MDM's rule matcher: an R4 context whose FHIRPath evaluator is
 * reused per thread and keeps what it parsed. MDM's field matchers ask their context for a new
 * evaluator for every comparison of two records and then parse the rule's expression from its text
 * ({@code MdmResourceFieldMatcher.match}): a new FHIRPathEngine and a parse of the long NHS and CHI
 * number check-digit expressions for every candidate, about half of MDM's CPU in the validation
 * bench's JFR profile. Same expressions, same engine, same results; only the repetition is gone.
 */
final class ReusedFhirPathContext extends FhirContext {

  private final ThreadLocal<ReusedFhirPath> perThread =
      ThreadLocal.withInitial(() -> new ReusedFhirPath(super.newFhirPath()));

  ReusedFhirPathContext() {
    super(FhirVersionEnum.R4);
  }

  @Override
  public IFhirPath newFhirPath() {
    return perThread.get();
  }
}
