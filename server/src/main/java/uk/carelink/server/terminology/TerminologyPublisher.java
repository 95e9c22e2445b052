package uk.carelink.server.terminology;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirResourceDao;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.TokenParam;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import uk.carelink.server.validation.ProfilePackage;
import uk.carelink.server.validation.ValidationProperties;

/**
 * Stores the package's CodeSystems, ValueSets, ConceptMaps and NamingSystems in the database at
 * start-up, under their package ids, so HAPI's terminology operations ({@code $validate-code},
 * {@code $lookup}, {@code $translate}) answer from them. Each stored resource is tagged with the
 * package's content hash; when every one is already there with this hash, start-up only counts them
 * (a few queries) instead of storing again.
 */
@Component
public class TerminologyPublisher implements ApplicationRunner {

  static final String TAG_SYSTEM = "https://carelink.example.org/fhir/package-content";

  private static final Logger log = LoggerFactory.getLogger(TerminologyPublisher.class);

  private final ProfilePackage profiles;
  private final DaoRegistry daos;
  private final ValidationProperties properties;

  public TerminologyPublisher(
      ProfilePackage profiles, DaoRegistry daos, ValidationProperties properties) {
    this.profiles = profiles;
    this.daos = daos;
    this.properties = properties;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (!properties.publishTerminology()) {
      return;
    }
    long start = System.nanoTime();
    String tag = profiles.name() + "#" + profiles.contentHash();
    List<Resource> terminology = profiles.terminology();
    if (alreadyPublished(terminology, tag)) {
      log.info(
          "Terminology of {} already stored ({} resources), checked in {} ms",
          tag,
          terminology.size(),
          (System.nanoTime() - start) / 1_000_000);
      return;
    }
    for (Resource resource : terminology) {
      Resource copy = resource.copy();
      copy.getMeta().addTag(TAG_SYSTEM, tag, null);
      dao(copy.fhirType()).update(copy, new SystemRequestDetails());
    }
    log.info(
        "Stored terminology of {}: {} resources in {} ms",
        tag,
        terminology.size(),
        (System.nanoTime() - start) / 1_000_000);
  }

  private boolean alreadyPublished(List<Resource> terminology, String tag) {
    Map<String, Long> expected =
        terminology.stream()
            .collect(Collectors.groupingBy(Resource::fhirType, Collectors.counting()));
    for (Map.Entry<String, Long> type : expected.entrySet()) {
      SearchParameterMap withTag = SearchParameterMap.newSynchronous();
      withTag.add("_tag", new TokenParam(TAG_SYSTEM, tag));
      Integer stored = dao(type.getKey()).search(withTag, new SystemRequestDetails()).size();
      if (stored == null || stored.longValue() != type.getValue()) {
        return false;
      }
    }
    return true;
  }

  @SuppressWarnings("unchecked")
  private IFhirResourceDao<Resource> dao(String type) {
    return (IFhirResourceDao<Resource>) daos.getResourceDao(type);
  }
}
