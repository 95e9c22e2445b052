package uk.carelink.server.validation;

import org.hl7.fhir.r5.model.BooleanType;
import org.hl7.fhir.r5.model.ElementDefinition;
import org.hl7.fhir.r5.model.ElementDefinition.ConstraintSeverity;
import org.hl7.fhir.r5.model.ElementDefinition.ElementDefinitionConstraintComponent;
import org.hl7.fhir.r5.model.Extension;
import org.hl7.fhir.r5.model.StructureDefinition;
import org.hl7.fhir.r5.utils.validation.constants.BestPracticeWarningLevel;

/**
 * Invariants that can never make a write fail, left out of the validator's own copies of the
 * definitions so that it does not evaluate them. A write is rejected only on errors ({@link
 * ProfileValidator#errors}); the validator reports a failed warning-severity invariant as a
 * warning, which the server drops, and a failed best-practice invariant not at all ({@link
 * ReusedInstanceValidators#BEST_PRACTICE} is {@link BestPracticeWarningLevel#Ignore}), yet
 * evaluates both first. The costliest is dom-6, "a resource should have narrative": {@code
 * org.hl7.fhir.validation} 6.7.x rewrites it as {@code (%rootResource != $this) or
 * text.`div`.exists()}, which compares the whole resource with itself element by element on every
 * resource it validates (bench/README.md, 2026-12-07). HAPI's {@code $validate} reads the shared
 * definitions, not these copies, so it still reports them.
 */
final class WarningOnlyConstraints {

  /** The core extension that marks an invariant as a best-practice recommendation. */
  static final String BEST_PRACTICE =
      "http://hl7.org/fhir/StructureDefinition/elementdefinition-bestpractice";

  private WarningOnlyConstraints() {}

  /** Removes, in place, every invariant of the definition's snapshot that cannot yield an error. */
  static StructureDefinition removeFrom(StructureDefinition definition) {
    for (ElementDefinition element : definition.getSnapshot().getElement()) {
      element.getConstraint().removeIf(WarningOnlyConstraints::cannotFail);
    }
    return definition;
  }

  /**
   * Whether the validator, as this server sets it up, reports the invariant as nothing worse than a
   * warning.
   */
  static boolean cannotFail(ElementDefinitionConstraintComponent constraint) {
    return constraint.getSeverity() != ConstraintSeverity.ERROR
        || (ReusedInstanceValidators.BEST_PRACTICE != BestPracticeWarningLevel.Error
            && isBestPractice(constraint));
  }

  private static boolean isBestPractice(ElementDefinitionConstraintComponent constraint) {
    Extension marker = constraint.getExtensionByUrl(BEST_PRACTICE);
    return marker != null && marker.getValue() instanceof BooleanType flag && flag.booleanValue();
  }
}
