package uk.carelink.profiles.build;

import static java.nio.charset.StandardCharsets.UTF_8;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;

/**
 * Build step: writes the FHIR R4 core package ({@code hl7.fhir.r4.core#4.0.1}) into a SUSHI package
 * cache from HAPI's {@code hapi-fhir-validation-resources-r4}, because the FHIR package registry is
 * not reachable from the build and the core package is not on npm. SUSHI then finds it as if it had
 * downloaded it. The same definitions are what the server's validator uses, so SUSHI and the server
 * agree on the base.
 *
 * <p>Usage: {@code CorePackageWriter <cache>/hl7.fhir.r4.core#4.0.1}. Does nothing if the package
 * is already there.
 */
public final class CorePackageWriter {

  private static final List<String> BUNDLES =
      List.of(
          "/org/hl7/fhir/r4/model/profile/profiles-types.xml",
          "/org/hl7/fhir/r4/model/profile/profiles-resources.xml",
          "/org/hl7/fhir/r4/model/profile/profiles-others.xml",
          "/org/hl7/fhir/r4/model/extension/extension-definitions.xml",
          "/org/hl7/fhir/r4/model/valueset/valuesets.xml",
          "/org/hl7/fhir/r4/model/valueset/v3-codesystems.xml",
          "/org/hl7/fhir/r4/model/valueset/v2-tables.xml");

  private static final String PACKAGE_JSON =
      """
      {
        "name": "hl7.fhir.r4.core",
        "version": "4.0.1",
        "description": "FHIR R4 core definitions, rebuilt from hapi-fhir-validation-resources-r4",
        "type": "Core",
        "fhirVersions": ["4.0.1"],
        "canonical": "http://hl7.org/fhir",
        "url": "http://hl7.org/fhir/R4"
      }
      """;

  private CorePackageWriter() {}

  public static void main(String[] args) throws IOException {
    Path packageRoot = Path.of(args[0]);
    if (Files.exists(packageRoot.resolve("package").resolve("package.json"))) {
      return;
    }
    // Written beside the cache and moved in at the end, so an interrupted build leaves no half
    // package that SUSHI would take for a complete one.
    Path staging =
        Files.createTempDirectory(Files.createDirectories(packageRoot.getParent()), "core-");
    Path dir = Files.createDirectories(staging.resolve("package"));
    FhirContext context = FhirContext.forR4Cached();
    IParser xml = context.newXmlParser();
    IParser json = context.newJsonParser();
    int count = 0;
    for (String name : BUNDLES) {
      for (Bundle.BundleEntryComponent entry : read(xml, name).getEntry()) {
        Resource resource = entry.getResource();
        if (resource != null && resource.hasIdElement()) {
          String file = resource.fhirType() + "-" + resource.getIdElement().getIdPart() + ".json";
          Files.writeString(dir.resolve(file), json.encodeResourceToString(resource), UTF_8);
          count++;
        }
      }
    }
    Files.writeString(dir.resolve("package.json"), PACKAGE_JSON, UTF_8);
    Files.move(staging, packageRoot, StandardCopyOption.ATOMIC_MOVE);
    System.out.println("Wrote " + count + " core resources to " + packageRoot);
  }

  private static Bundle read(IParser xml, String resourceName) throws IOException {
    try (InputStream in = CorePackageWriter.class.getResourceAsStream(resourceName)) {
      if (in == null) {
        throw new IOException(resourceName + " not on the class path");
      }
      try (Reader reader = new InputStreamReader(in, UTF_8)) {
        return xml.parseResource(Bundle.class, reader);
      }
    }
  }
}
