package uk.carelink.server.validation;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Profile validation of writes ({@code carelink.validation.*}).
 *
 * @param enabled when false, writes are stored without profile validation (benchmark comparison
 *     only); {@code $validate} still works
 * @param packageLocation the CareLink FHIR package (a Spring resource location); by default the one
 *     built from FSH and shipped in the carelink-profiles jar
 * @param defaultProfiles profiles that every write of a resource type is validated against even if
 *     it claims none, e.g. {@code Observation: [...]}; empty by default, so only resources that
 *     claim a profile in {@code meta.profile} are validated
 * @param publishTerminology store the package's CodeSystems, ValueSets, ConceptMaps and
 *     NamingSystems in the database at start-up, so that {@code $expand}, {@code $validate-code},
 *     {@code $lookup} and {@code $translate} answer from them
 * @param careHomePartyValidation validate every write by a care home party against the profile
 *     {@code careHomeProfiles} picks for it, claimed or not ({@link CareHomePartyRule}); when
 *     false, care home writes are validated only against what they claim
 * @param careHomeProfiles the profile for each kind of resource a care home party writes
 * @param concurrent validate each resource written inside a database transaction (every transaction
 *     entry, every single write) on the validation threads while HAPI goes on storing, and wait for
 *     all of them before commit; false validates on the request thread, in turn with storage
 * @param threads how many validation threads the server keeps; 0 (the default) means half the
 *     available processors, at least one
 */
@ConfigurationProperties("carelink.validation")
public record ValidationProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("classpath:fhir-package/carelink.fhir.tgz") String packageLocation,
    Map<String, List<String>> defaultProfiles,
    @DefaultValue("true") boolean publishTerminology,
    @DefaultValue("true") boolean careHomePartyValidation,
    List<CareHomeProfile> careHomeProfiles,
    @DefaultValue("true") boolean concurrent,
    @DefaultValue("0") int threads) {

  public ValidationProperties {
    defaultProfiles = defaultProfiles == null ? Map.of() : Map.copyOf(defaultProfiles);
    careHomeProfiles = careHomeProfiles == null ? List.of() : List.copyOf(careHomeProfiles);
  }

  /**
   * Which profile a care home party's write of one kind must conform to.
   *
   * @param resourceType e.g. {@code Observation}
   * @param codedElement the CodeableConcept that tells this type's profiles apart, e.g. {@code
   *     code} ({@code Observation.code}) or {@code category}; unused without {@code coding}
   * @param coding {@code system|code} that element must carry for this entry to apply ({@code
   *     system|}: any code of that system); null: every resource of the type
   * @param profile canonical URL of a profile in the CareLink package
   */
  public record CareHomeProfile(
      String resourceType,
      @DefaultValue("code") String codedElement,
      String coding,
      String profile) {}
}
