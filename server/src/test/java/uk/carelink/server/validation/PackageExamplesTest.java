package uk.carelink.server.validation;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.SingleValidationMessage;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import uk.carelink.profiles.CareLinkProfiles;

/** Every example in the CareLink package validates with zero errors in the server's validator. */
class PackageExamplesTest {

  static final FhirContext CONTEXT = FhirContext.forR4Cached();
  static ProfilePackage profiles;
  static ProfileValidator validator;

  @BeforeAll
  static void loadPackage() throws IOException {
    profiles = loadProfiles();
    validator =
        new ProfileValidator(
            CONTEXT,
            new DefaultProfileValidationSupport(CONTEXT),
            profiles,
            new SimpleMeterRegistry());
  }

  static ProfilePackage loadProfiles() throws IOException {
    try (InputStream tgz =
        PackageExamplesTest.class
            .getClassLoader()
            .getResourceAsStream(CareLinkProfiles.PACKAGE_CLASSPATH)) {
      return ProfilePackage.load(CONTEXT, tgz);
    }
  }

  static Stream<Resource> examples() throws IOException {
    return loadProfiles().examples().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void exampleValidatesWithoutErrors(Resource example) {
    List<String> claimed = example.getMeta().getProfile().stream().map(p -> p.getValue()).toList();

    List<SingleValidationMessage> errors = validator.errors(example, claimed);

    assertThat(errors)
        .as(example.fhirType() + "/" + example.getIdPart())
        .extracting(m -> m.getLocationString() + ": " + m.getMessage())
        .isEmpty();
  }

  @Test
  void everyProfileHasAtLeastOneExample() throws IOException {
    Set<String> exemplified =
        examples()
            .flatMap(e -> e.getMeta().getProfile().stream().map(p -> p.getValue()))
            .collect(Collectors.toSet());

    assertThat(exemplified)
        .containsAll(profiles.profilesByType().values().stream().flatMap(List::stream).toList());
  }
}
