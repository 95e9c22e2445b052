package uk.carelink.server.validation;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r5.elementmodel.Manager.FhirFormat;
import org.hl7.fhir.r5.utils.validation.constants.ReferenceValidationPolicy;
import org.hl7.fhir.utilities.validation.ValidationMessage;
import org.hl7.fhir.utilities.validation.ValidationMessage.IssueSeverity;
import org.hl7.fhir.validation.ValidationEngine;
import org.hl7.fhir.validation.instance.advisor.BasePolicyAdvisorForFullValidation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import uk.carelink.profiles.CareLinkProfiles;

/**
 * Acceptance 2 with the HL7 reference validator ({@code org.hl7.fhir.validation}, the engine of the
 * official validator CLI), offline: FHIR core from the package the profiles build prepared for
 * SUSHI, the CareLink package from its jar, no terminology server. Every example passes with zero
 * errors; every invalid case fails for the reason intended.
 */
class ReferenceValidatorTest {

  /** Written by the profiles module's build (CorePackageWriter), from HAPI's R4 definitions. */
  static final Path CORE_PACKAGE =
      Path.of("..", "profiles", "target", "fhir-home", ".fhir", "packages")
          .resolve("hl7.fhir.r4.core#4.0.1")
          .resolve("package");

  static ValidationEngine engine;
  static ProfilePackage profiles;

  @BeforeAll
  static void startReferenceValidator() throws IOException, URISyntaxException {
    assertThat(CORE_PACKAGE).as("core package built by profiles/").isDirectory();
    Path carelink = Files.createTempFile("carelink-fhir", ".tgz");
    try (var in =
        ReferenceValidatorTest.class
            .getClassLoader()
            .getResourceAsStream(CareLinkProfiles.PACKAGE_CLASSPATH)) {
      Files.copy(in, carelink, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
    // The engine loads FHIR core by package id from the package cache under ${user.home}/.fhir:
    // pointed for this start at the cache the profiles build filled, so nothing is downloaded.
    String home = System.getProperty("user.home");
    System.setProperty("user.home", offlinePackageCache().toString());
    try {
      engine =
          new ValidationEngine.ValidationEngineBuilder()
              .withVersion("4.0.1")
              .withNoTerminologyServer()
              .withCanRunWithoutTerminologyServer(true)
              .withUserAgent("carelink-tests")
              .fromSource("hl7.fhir.r4.core#4.0.1");
    } finally {
      System.setProperty("user.home", home);
    }
    engine.getIgLoader().loadIg(engine.getIgs(), engine.getBinaries(), carelink.toString(), false);
    engine
        .getDefaultInstanceValidatorParameters()
        // As the server: references to other resources are not resolved while validating one.
        .setAssumeValidRestReferences(true)
        // The project's canonical base is still https://carelink.example.org (a placeholder).
        .setAllowExampleUrls(true);
    engine.setPolicyAdvisor(
        new BasePolicyAdvisorForFullValidation(ReferenceValidationPolicy.IGNORE, Set.of()));
    engine.setAnyExtensionsAllowed(true);
    engine.prepare();
    PackageExamplesTest.loadPackage();
    profiles = PackageExamplesTest.profiles;
  }

  /**
   * A package cache holding only FHIR core (linked from the profiles build) and an empty {@code
   * hl7.fhir.xver-extensions}, which the engine asks for when it starts (cross-version extensions;
   * none is used by CareLink) and would otherwise download.
   */
  private static Path offlinePackageCache() throws IOException {
    Path home = Files.createTempDirectory("carelink-fhir-home");
    Path packages = Files.createDirectories(home.resolve(".fhir").resolve("packages"));
    Files.createSymbolicLink(
        packages.resolve("hl7.fhir.r4.core#4.0.1"),
        CORE_PACKAGE.getParent().toAbsolutePath().normalize());
    Path xver = Files.createDirectories(packages.resolve("hl7.fhir.xver-extensions#0.1.0/package"));
    Files.writeString(
        xver.resolve("package.json"),
        "{\"name\":\"hl7.fhir.xver-extensions\",\"version\":\"0.1.0\","
            + "\"fhirVersions\":[\"4.0.1\"],\"type\":\"IG\"}");
    return home;
  }

  static Stream<Resource> examples() throws IOException {
    return PackageExamplesTest.examples();
  }

  static Stream<InvalidCases> invalidCases() {
    return InvalidCases.all();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void exampleHasNoErrorsInTheReferenceValidator(Resource example) throws Exception {
    assertThat(errors(example)).as(example.fhirType() + "/" + example.getIdPart()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidCases")
  void invalidCaseIsRejectedByTheReferenceValidatorForTheIntendedReason(InvalidCases invalid)
      throws Exception {
    List<String> errors = errors(invalid.instance(profiles.examples()));

    assertThat(errors).anySatisfy(e -> assertThat(e).contains(invalid.expectedReason()));
  }

  private static List<String> errors(Resource resource) throws Exception {
    byte[] json =
        FhirContext.forR4Cached()
            .newJsonParser()
            .encodeResourceToString(resource)
            .getBytes(StandardCharsets.UTF_8);
    List<String> profileUrls =
        resource.getMeta().getProfile().stream().map(p -> p.getValue()).toList();
    List<ValidationMessage> messages = new ArrayList<>();
    engine.validate(json, FhirFormat.JSON, profileUrls, messages);
    return messages.stream()
        .filter(m -> m.getLevel() == IssueSeverity.ERROR || m.getLevel() == IssueSeverity.FATAL)
        .map(m -> m.getLocation() + ": " + m.getMessage())
        .toList();
  }
}
