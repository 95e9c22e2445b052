package uk.carelink.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.hl7.fhir.utilities.npm.NpmPackage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Acceptance 1 of the profiles issue: the package in the jar is exactly what the FSH sources define
 * (every definition and example, nothing else), built by this build rather than edited by hand, and
 * described consistently.
 */
class PackageMatchesSourcesTest {

  private static final Path MODULE = Path.of("").toAbsolutePath();
  private static final Pattern ENTITY =
      Pattern.compile(
          "^(Profile|Extension|ValueSet|CodeSystem|Instance):\\s*(\\S+)\\s*$"
              + "((?:\\n(?!(?:Profile|Extension|ValueSet|CodeSystem|Instance|Invariant|Alias):).*)*)",
          Pattern.MULTILINE);
  private static final Pattern ID = Pattern.compile("^Id:\\s*(\\S+)", Pattern.MULTILINE);
  private static final Pattern INSTANCE_OF =
      Pattern.compile("^InstanceOf:\\s*(\\S+)", Pattern.MULTILINE);

  private static NpmPackage built;

  @BeforeAll
  static void readBuiltPackage() throws IOException {
    try (InputStream tgz =
        PackageMatchesSourcesTest.class
            .getClassLoader()
            .getResourceAsStream(CareLinkProfiles.PACKAGE_CLASSPATH)) {
      assertThat(tgz).as("package built into the jar").isNotNull();
      built = NpmPackage.fromPackage(tgz);
    }
  }

  @Test
  void thePackageHoldsExactlyTheResourcesTheFshSourcesDefine() throws IOException {
    Set<String> inPackage = new TreeSet<>();
    for (String file : built.list("package")) {
      if (file.endsWith(".json") && !file.equals("package.json") && !file.startsWith(".")) {
        inPackage.add(file.substring(0, file.length() - ".json".length()));
      }
    }

    assertThat(inPackage).isEqualTo(resourcesDefinedInFsh());
  }

  @Test
  void noGeneratedFileIsKeptInTheSourceTree() throws IOException {
    try (Stream<Path> files = Files.walk(MODULE.resolve("input"))) {
      assertThat(files.filter(Files::isRegularFile))
          .allSatisfy(f -> assertThat(f.toString()).endsWith(".fsh"));
    }
    assertThat(MODULE.resolve("fsh-generated")).doesNotExist();
    assertThat(MODULE.resolve("../terminology/fsh-generated")).doesNotExist();
  }

  @Test
  void packageDescriptionAgreesWithTheSushiConfigurationAndTheConstants() throws IOException {
    String config = Files.readString(MODULE.resolve("sushi-config.yaml"), StandardCharsets.UTF_8);

    assertThat(built.name()).isEqualTo(CareLinkProfiles.PACKAGE_NAME);
    assertThat(built.version()).isEqualTo(CareLinkProfiles.PACKAGE_VERSION);
    assertThat(built.canonical()).isEqualTo(CareLinkProfiles.CANONICAL);
    assertThat(config)
        .contains("canonical: " + CareLinkProfiles.CANONICAL)
        .contains("version: " + CareLinkProfiles.PACKAGE_VERSION);
  }

  @Test
  void everyProfileConstantNamesAProfileInThePackage() throws IOException {
    for (var field : CareLinkProfiles.class.getFields()) {
      String value;
      try {
        value = (String) field.get(null);
      } catch (IllegalAccessException e) {
        throw new AssertionError(e);
      }
      if (value.startsWith(CareLinkProfiles.CANONICAL + "/StructureDefinition/")) {
        String id = value.substring(value.lastIndexOf('/') + 1);
        assertThat(built.list("package"))
            .as(field.getName())
            .contains("StructureDefinition-" + id + ".json");
      }
    }
  }

  /** {@code Type-id} of each resource the FSH files define, as SUSHI names its output files. */
  private static Set<String> resourcesDefinedInFsh() throws IOException {
    Set<String> expected = new TreeSet<>();
    try (Stream<Path> files =
        Stream.concat(
            Files.walk(MODULE.resolve("input/fsh")),
            Files.walk(MODULE.resolve("../terminology")))) {
      for (Path fsh : files.filter(f -> f.toString().endsWith(".fsh")).toList()) {
        String text = Files.readString(fsh, StandardCharsets.UTF_8);
        Matcher entity = ENTITY.matcher(text);
        while (entity.find()) {
          String keyword = entity.group(1);
          String body = entity.group(3);
          Matcher id = ID.matcher(body);
          String resourceId = id.find() ? id.group(1) : entity.group(2);
          String type =
              switch (keyword) {
                case "Profile", "Extension" -> "StructureDefinition";
                case "Instance" -> instanceType(body);
                default -> keyword;
              };
          expected.add(type + "-" + resourceId);
        }
      }
    }
    return expected;
  }

  /** An instance of a CareLink profile is of the resource type at the root of its parents. */
  private static String instanceType(String body) throws IOException {
    Matcher of = INSTANCE_OF.matcher(body);
    if (!of.find()) {
      throw new IllegalStateException("Instance without InstanceOf: " + body);
    }
    String profiles = readAllFsh();
    String type = of.group(1);
    while (true) {
      Matcher parent =
          Pattern.compile(
                  "^(?:Profile):\\s*" + Pattern.quote(type) + "\\s*\\nParent:\\s*(\\S+)",
                  Pattern.MULTILINE)
              .matcher(profiles);
      if (!parent.find()) {
        return type;
      }
      type = parent.group(1);
    }
  }

  private static String readAllFsh() throws IOException {
    try (Stream<Path> files = Files.walk(MODULE.resolve("input/fsh"))) {
      StringBuilder all = new StringBuilder();
      for (Path fsh : files.filter(f -> f.toString().endsWith(".fsh")).toList()) {
        all.append(Files.readString(fsh, StandardCharsets.UTF_8)).append('\n');
      }
      return all.toString();
    }
  }
}
