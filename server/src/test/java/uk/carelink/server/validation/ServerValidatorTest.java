package uk.carelink.server.validation;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.validation.SingleValidationMessage;
import java.io.IOException;
import java.util.List;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.utilities.json.parser.JsonParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import uk.carelink.profiles.CareLinkProfiles;

/**
 * The server's validator on the package: every example passes, every invalid case fails for the
 * reason intended, and every profile has both.
 */
class ServerValidatorTest {

  static ProfilePackage profiles;
  static ProfileValidator validator;

  @BeforeAll
  static void load() throws IOException {
    PackageExamplesTest.loadPackage();
    profiles = PackageExamplesTest.profiles;
    validator = PackageExamplesTest.validator;
  }

  static Stream<InvalidCases> invalidCases() {
    return InvalidCases.all();
  }

  @Test
  void aReusedValidatorKeepsNothingOfTheResourcesItValidated() {
    Observation example =
        profiles.examples().stream()
            .filter(Observation.class::isInstance)
            .map(Observation.class::cast)
            .filter(o -> o.getCode().hasCoding())
            .findFirst()
            .orElseThrow();
    for (int i = 0; i < 5; i++) {
      Observation observation = example.copy();
      // A text that differs from the coding's display: the HL7 validator records such pairs.
      observation.getCode().setText("as the home's system calls it, " + i);
      validator.errors(observation, claimed(observation));
    }
    assertThat(validator.heldCodeTextPairs()).isZero();
    // Every coding the validator saw, with the element tree of its resource, for a check of SNOMED
    // CT codes this server does not run.
    assertThat(validator.heldObservedCodings()).isZero();
  }

  @Test
  void threadsThatValidateInTurnShareOneReusedValidator() throws Exception {
    Observation example =
        profiles.examples().stream()
            .filter(Observation.class::isInstance)
            .map(Observation.class::cast)
            .findFirst()
            .orElseThrow();
    validator.errors(example, claimed(example));
    int idleBefore = validator.idleValidators();
    for (int i = 0; i < 5; i++) {
      Thread thread = new Thread(() -> validator.errors(example, claimed(example)));
      thread.start();
      thread.join();
    }
    // Five threads, one after another: each borrowed the validator the last one gave back.
    assertThat(idleBefore).isPositive();
    assertThat(validator.idleValidators()).isEqualTo(idleBefore);
  }

  @Test
  void aResourceOfAnUnknownTypeIsRejectedEveryTimeItIsParsed() throws IOException {
    // The parser keeps the type definitions it found; a name it did not find is never kept.
    for (int i = 0; i < 2; i++) {
      List<SingleValidationMessage> errors =
          validator.errors(
              JsonParser.parseObject("{\"resourceType\": \"CareHomeBanana\"}"), List.of());

      assertThat(errors)
          .extracting(SingleValidationMessage::getMessage)
          .anySatisfy(message -> assertThat(message).contains("CareHomeBanana"));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidCases")
  void invalidCaseIsRejectedForTheIntendedReason(InvalidCases invalid) {
    Resource instance = invalid.instance(profiles.examples());

    List<SingleValidationMessage> errors = validator.errors(instance, claimed(instance));

    assertThat(errors)
        .extracting(m -> m.getLocationString() + ": " + m.getMessage())
        .anySatisfy(message -> assertThat(message).contains(invalid.expectedReason()));
  }

  @Test
  void everyProfileHasAnInvalidCase() {
    List<String> covered =
        InvalidCases.all()
            .flatMap(c -> claimed(c.instance(profiles.examples())).stream())
            .distinct()
            .toList();

    assertThat(covered)
        .containsAll(profiles.profilesByType().values().stream().flatMap(List::stream).toList());
  }

  @Test
  void aResourceIsCheckedAgainstAProfileItDoesNotClaimWhenAsked() {
    org.hl7.fhir.r4.model.Patient resident =
        (org.hl7.fhir.r4.model.Patient)
            profiles.examples().stream()
                .filter(e -> e.getIdPart().equals("example-resident"))
                .findFirst()
                .orElseThrow()
                .copy();
    resident.getMeta().getProfile().clear();
    resident.setManagingOrganization(null);

    assertThat(validator.errors(resident, List.of(CareLinkProfiles.RESIDENT)))
        .extracting(SingleValidationMessage::getMessage)
        .anySatisfy(m -> assertThat(m).contains("Patient.managingOrganization: minimum required"));
  }

  @Test
  void containedResourcesAreValidatedAsSent() {
    // The validator's encoding does not look for references to contain; contained resources that
    // came with the resource are written and validated as always.
    String json =
        """
        {"resourceType": "Observation", "status": "final",
         "contained": [{"resourceType": "Practitioner", "id": "nurse", "telecom": [{"value": "0113 496 0000"}]}],
         "code": {"text": "weight"}, "performer": [{"reference": "#nurse"}]}
        """;
    Observation observation =
        ca.uhn.fhir.context.FhirContext.forR4Cached()
            .newJsonParser()
            .parseResource(Observation.class, json);

    assertThat(validator.encoded(observation).getJsonArray("contained").size()).isEqualTo(1);
    assertThat(validator.errors(observation, List.of()))
        .extracting(m -> m.getLocationString() + ": " + m.getMessage())
        .anySatisfy(m -> assertThat(m).contains("contained[0]").contains("cpt-2"));
  }

  static List<String> claimed(Resource resource) {
    return resource.getMeta().getProfile().stream().map(p -> p.getValue()).toList();
  }
}
