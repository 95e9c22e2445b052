package uk.carelink.server.validation;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.hl7.fhir.common.hapi.validation.support.NpmPackageValidationSupport;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.hl7.fhir.r4.model.StructureDefinition.TypeDerivationRule;
import org.hl7.fhir.r4.model.ValueSet;
import org.hl7.fhir.utilities.npm.NpmPackage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CareLink FHIR package (built from FSH in profiles/), loaded once into memory at start-up: the
 * validator reads profiles and terminology from here, never from the network or the database.
 */
public final class ProfilePackage {

  private static final Logger log = LoggerFactory.getLogger(ProfilePackage.class);

  private static final Set<String> TERMINOLOGY =
      Set.of("CodeSystem", "ValueSet", "ConceptMap", "NamingSystem");

  private final NpmPackageValidationSupport support;
  private final String name;
  private final String contentHash;
  private final List<Resource> resources;
  private final Map<String, List<String>> profilesByType;

  private ProfilePackage(
      NpmPackageValidationSupport support,
      String name,
      String contentHash,
      List<Resource> resources,
      Map<String, List<String>> profilesByType) {
    this.support = support;
    this.name = name;
    this.contentHash = contentHash;
    this.resources = resources;
    this.profilesByType = profilesByType;
  }

  /** Reads the package from a stream (the packaged .tgz). */
  public static ProfilePackage load(FhirContext context, InputStream tgz) throws IOException {
    long start = System.nanoTime();
    byte[] bytes = tgz.readAllBytes();
    NpmPackage npm = NpmPackage.fromPackage(new java.io.ByteArrayInputStream(bytes));
    NpmPackageValidationSupport support = new NpmPackageValidationSupport(context);
    List<Resource> resources = new ArrayList<>();
    IParser parser = context.newJsonParser();
    for (String file : npm.list("package")) {
      if (!file.endsWith(".json") || file.equals("package.json") || file.startsWith(".")) {
        continue;
      }
      try (InputStream in = npm.load("package", file)) {
        Resource resource = (Resource) parser.parseResource(in);
        resources.add(resource);
        if (resource instanceof StructureDefinition
            || resource instanceof CodeSystem
            || resource instanceof ValueSet) {
          support.addResource(resource);
        }
      }
    }
    int count = resources.size();
    Map<String, List<String>> byType = new TreeMap<>();
    for (IBaseResource resource : support.fetchAllStructureDefinitions()) {
      StructureDefinition sd = (StructureDefinition) resource;
      if (sd.getDerivation() == TypeDerivationRule.CONSTRAINT
          && sd.getKind() == StructureDefinition.StructureDefinitionKind.RESOURCE
          && !sd.getAbstract()) {
        byType.computeIfAbsent(sd.getType(), t -> new ArrayList<>()).add(sd.getUrl());
      }
    }
    byType.replaceAll((type, urls) -> List.copyOf(new TreeSet<>(urls)));
    String name = npm.name() + "#" + npm.version();
    String contentHash = sha256(bytes).substring(0, 16);
    log.info(
        "Loaded FHIR package {} ({} resources, {} profiles) in {} ms",
        name,
        count,
        byType.values().stream().mapToInt(List::size).sum(),
        (System.nanoTime() - start) / 1_000_000);
    return new ProfilePackage(
        support, name, contentHash, List.copyOf(resources), Map.copyOf(byType));
  }

  private static String sha256(byte[] bytes) {
    try {
      return java.util.HexFormat.of()
          .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Validation support serving every resource in the package. */
  public NpmPackageValidationSupport validationSupport() {
    return support;
  }

  /** {@code name#version}. */
  public String name() {
    return name;
  }

  /** First 16 hex digits of the SHA-256 of the .tgz: changes whenever any content changes. */
  public String contentHash() {
    return contentHash;
  }

  /** Instantiable profiles (constraints on resources, not abstract) by resource type. */
  public Map<String, List<String>> profilesByType() {
    return profilesByType;
  }

  public boolean hasProfile(String url) {
    return support.fetchStructureDefinition(url) != null;
  }

  /** CodeSystems, ValueSets, ConceptMaps and NamingSystems of the package. */
  public List<Resource> terminology() {
    return resources.stream().filter(r -> TERMINOLOGY.contains(r.fhirType())).toList();
  }

  /** The example instances (every resource that is not a definition). */
  public List<Resource> examples() {
    return resources.stream()
        .filter(r -> !TERMINOLOGY.contains(r.fhirType()))
        .filter(r -> !(r instanceof StructureDefinition))
        .toList();
  }
}
