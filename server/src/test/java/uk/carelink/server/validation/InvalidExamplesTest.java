package uk.carelink.server.validation;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.validation.SingleValidationMessage;
import java.io.IOException;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.*;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Probe. */
class InvalidExamplesTest {

  static ProfilePackage profiles;
  static ProfileValidator validator;

  @BeforeAll
  static void load() throws IOException {
    PackageExamplesTest.loadPackage();
    profiles = PackageExamplesTest.profiles;
    validator = PackageExamplesTest.validator;
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("example-resident", (Consumer<Resource>) r -> ((Patient) r).getIdentifierFirstRep().setValue("9999772764")),
        Arguments.of("example-resident", (Consumer<Resource>) r -> ((Patient) r).setBirthDate(null)),
        Arguments.of("example-resident-chi", (Consumer<Resource>) r -> ((Patient) r).getIdentifierFirstRep().setValue("1503360015")),
        Arguments.of("example-weight", (Consumer<Resource>) r -> ((Observation) r).getValueQuantity().setCode("[lb_av]").setUnit("lb")),
        Arguments.of("example-fall", (Consumer<Resource>) r -> ((Observation) r).getComponent().get(0).getValueCodeableConcept().getCodingFirstRep().setCode("catastrophic")),
        Arguments.of("example-must", (Consumer<Resource>) r -> ((Observation) r).setValue(new IntegerType(7))),
        Arguments.of("example-stay", (Consumer<Resource>) r -> ((EpisodeOfCare) r).getPeriod().setStart(null)),
        Arguments.of("example-carehome", (Consumer<Resource>) r -> ((Organization) r).getIdentifierFirstRep().setValue("2-12")),
        Arguments.of("example-medication-refused", (Consumer<Resource>) r -> ((MedicationAdministration) r).setStatusReason(List.of())),
        Arguments.of("example-ae-attendance", (Consumer<Resource>) r -> ((Encounter) r).getClass_().setCode("AMB")),
        Arguments.of("example-resident-consent", (Consumer<Resource>) r -> ((Consent) r).getProvision().getPurposeFirstRep().setCode("XYZ")),
        Arguments.of("example-ingest-provenance", (Consumer<Resource>) r -> ((Provenance) r).getAgentFirstRep().setWho(new Reference("Patient/x")))
        );
  }

  @ParameterizedTest
  @MethodSource("cases")
  void rejected(String id, Consumer<Resource> mutation) {
    Resource example = profiles.examples().stream().filter(e -> e.getIdPart().equals(id)).findFirst().orElseThrow().copy();
    mutation.accept(example);
    List<String> claimed = example.getMeta().getProfile().stream().map(p -> p.getValue()).toList();
    List<SingleValidationMessage> errors = validator.errors(example, claimed);
    errors.forEach(m -> System.out.println("PROBE " + id + " | " + m.getLocationString() + " | " + m.getMessageId() + " | " + m.getMessage()));
    assertThat(errors).isNotEmpty();
  }
}
