package uk.carelink.server.validation;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.util.List;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.utilities.validation.ValidationMessage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.carelink.profiles.CareLinkProfiles;

/**
 * A weight validated against the CareLink weight profile is walked against that profile alone; a
 * weight validated against anything else still gets the core profile the validator implies.
 */
class RestatedImpliedProfilesTest {

  private static final String CORE_BODY_WEIGHT =
      "http://hl7.org/fhir/StructureDefinition/bodyweight";

  static ReusedInstanceValidators validators;
  static String weight;

  @BeforeAll
  static void load() throws IOException {
    PackageExamplesTest.loadPackage();
    validators = new ReusedInstanceValidators(PackageExamplesTest.validator.validationSupport());
    Observation example =
        PackageExamplesTest.profiles.examples().stream()
            .filter(r -> r.getIdPart().equals("example-weight"))
            .map(Observation.class::cast)
            .findFirst()
            .orElseThrow();
    weight = FhirContext.forR4Cached().newJsonParser().encodeResourceToString(example);
  }

  @Test
  void aWeightValidatedAgainstTheCareLinkProfileIsNotWalkedAgainstCoreBodyWeight() {
    List<ValidationMessage> messages =
        validators.validate(weight, List.of(CareLinkProfiles.BODY_WEIGHT));

    assertThat(messages).noneMatch(RestatedImpliedProfilesTest::signpostsCoreBodyWeight);
    assertThat(messages).noneMatch(m -> m.getLevel() == ValidationMessage.IssueSeverity.ERROR);
  }

  @Test
  void aWeightValidatedAgainstNoCareLinkProfileIsStillCheckedAgainstCoreBodyWeight() {
    String withoutUnit = weight.replace("\"unit\":\"kg\",", "");
    assertThat(withoutUnit).isNotEqualTo(weight);

    List<ValidationMessage> messages = validators.validate(withoutUnit, List.of());

    assertThat(messages).anyMatch(RestatedImpliedProfilesTest::signpostsCoreBodyWeight);
    assertThat(messages)
        .anyMatch(
            m ->
                m.getLevel() == ValidationMessage.IssueSeverity.ERROR
                    && m.getMessage().contains("unit")
                    && m.getMessage().contains(CORE_BODY_WEIGHT));
  }

  private static boolean signpostsCoreBodyWeight(ValidationMessage message) {
    return message.isSignpost() && message.getMessage().contains(CORE_BODY_WEIGHT);
  }
}
