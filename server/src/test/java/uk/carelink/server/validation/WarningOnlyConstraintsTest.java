package uk.carelink.server.validation;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import java.util.List;
import java.util.stream.Stream;
import org.hl7.fhir.common.hapi.validation.validator.WorkerContextValidationSupportAdapter;
import org.hl7.fhir.r4.model.CanonicalType;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r5.model.ElementDefinition.ConstraintSeverity;
import org.hl7.fhir.r5.model.ElementDefinition.ElementDefinitionConstraintComponent;
import org.hl7.fhir.r5.model.StructureDefinition;
import org.hl7.fhir.utilities.validation.ValidationMessage;
import org.hl7.fhir.utilities.validation.ValidationMessage.IssueSeverity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The validator's own copies of the definitions leave out the invariants that can only warn, and it
 * still reports exactly the errors that HAPI's stock validator reports, evaluating every invariant,
 * on the same definitions.
 */
class WarningOnlyConstraintsTest extends ComparedWithStockValidator {

  private static final String CORE = "http://hl7.org/fhir/StructureDefinition/";

  @Test
  void theValidatorsCopiesKeepOnlyInvariantsThatCanFail() {
    DefaultProfileValidationSupport core =
        new DefaultProfileValidationSupport(FhirContext.forR4Cached());
    RememberingWorkerContext context = new RememberingWorkerContext(core);

    for (String type : List.of("Patient", "Observation", "Condition")) {
      StructureDefinition own = context.fetchResource(StructureDefinition.class, CORE + type);
      StructureDefinition shared =
          new WorkerContextValidationSupportAdapter(core)
              .fetchResource(StructureDefinition.class, CORE + type);

      assertThat(constraints(own)).isNotEmpty().noneMatch(WarningOnlyConstraints::cannotFail);
      assertThat(keys(own)).contains("dom-2", "dom-3", "dom-4", "dom-5").doesNotContain("dom-6");
      // HAPI's $validate reads the shared definitions: narrative is still recommended there.
      assertThat(keys(shared)).contains("dom-6");
    }
    // con-3 is an error-free best practice of Condition (warning, best practice).
    assertThat(keys(context.fetchResource(StructureDefinition.class, CORE + "Condition")))
        .doesNotContain("con-3");
  }

  @Test
  void anErrorSeverityInvariantMarkedBestPracticeCannotFailEither() {
    ElementDefinitionConstraintComponent constraint =
        new ElementDefinitionConstraintComponent().setKey("x-1");
    constraint.setSeverity(ConstraintSeverity.ERROR);
    assertThat(WarningOnlyConstraints.cannotFail(constraint)).isFalse();

    constraint.addExtension(
        WarningOnlyConstraints.BEST_PRACTICE, new org.hl7.fhir.r5.model.BooleanType(true));
    assertThat(WarningOnlyConstraints.cannotFail(constraint)).isTrue();
  }

  static Stream<InvalidCases> invalidCases() {
    return InvalidCases.all();
  }

  /**
   * Every invalid case (one per profile at least) is rejected with the stock validator's errors.
   */
  @ParameterizedTest
  @MethodSource("invalidCases")
  void reportsTheErrorsOfAValidatorThatEvaluatesEveryInvariant(InvalidCases invalid) {
    Resource resource = invalid.instance(PackageExamplesTest.profiles.examples());
    ((DomainResource) resource).setText(null);
    String json = PackageExamplesTest.CONTEXT.newJsonParser().encodeResourceToString(resource);
    List<String> profiles =
        resource.getMeta().getProfile().stream().map(CanonicalType::getValue).toList();

    List<SingleValidationMessage> reference = stock.validateWithResult(json).getMessages();
    List<String> ours =
        validators.validate(json, profiles).stream()
            .filter(m -> m.getLevel() == IssueSeverity.ERROR || m.getLevel() == IssueSeverity.FATAL)
            .map(WarningOnlyConstraintsTest::describe)
            .distinct()
            .sorted()
            .toList();

    assertThat(ours)
        .isNotEmpty()
        .isEqualTo(
            reference.stream()
                .filter(m -> m.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal())
                .map(WarningOnlyConstraintsTest::describe)
                .distinct()
                .sorted()
                .toList());
    // Without narrative the stock validator recommends one (dom-6), which the copies leave out.
    assertThat(reference).anyMatch(m -> m.getMessage().contains("dom-6"));
  }

  private static Stream<ElementDefinitionConstraintComponent> constraintStream(
      StructureDefinition definition) {
    return definition.getSnapshot().getElement().stream().flatMap(e -> e.getConstraint().stream());
  }

  private static List<ElementDefinitionConstraintComponent> constraints(
      StructureDefinition definition) {
    return constraintStream(definition).toList();
  }

  private static List<String> keys(StructureDefinition definition) {
    return constraintStream(definition).map(ElementDefinitionConstraintComponent::getKey).toList();
  }

  private static String describe(ValidationMessage message) {
    return message.getLocation() + " " + message.getMessage();
  }

  private static String describe(SingleValidationMessage message) {
    return message.getLocationString() + " " + message.getMessage();
  }
}
