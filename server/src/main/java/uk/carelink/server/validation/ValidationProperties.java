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
 */
@ConfigurationProperties("carelink.validation")
public record ValidationProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("classpath:fhir-package/carelink.fhir.tgz") String packageLocation,
    Map<String, List<String>> defaultProfiles,
    @DefaultValue("true") boolean publishTerminology) {

  public ValidationProperties {
    defaultProfiles = defaultProfiles == null ? Map.of() : Map.copyOf(defaultProfiles);
  }
}
