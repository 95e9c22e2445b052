package uk.carelink.server.terminology;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirResourceDao;
import ca.uhn.fhir.jpa.api.model.DaoMethodOutcome;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
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
 * start-up, under their package ids, so HAPI's terminology operations ({@code $expand}, {@code
 * $validate-code}, {@code $lookup}, {@code $translate}) answer from them. Updating with unchanged
 * content creates no new version, so later starts only compare.
 */
@Component
public class TerminologyPublisher implements ApplicationRunner {

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
    int changed = 0;
    for (Resource resource : profiles.terminology()) {
      @SuppressWarnings("unchecked")
      IFhirResourceDao<Resource> dao =
          (IFhirResourceDao<Resource>) daos.getResourceDao(resource.fhirType());
      DaoMethodOutcome outcome = dao.update(resource.copy(), new SystemRequestDetails());
      if (!outcome.isNop()) {
        changed++;
      }
    }
    log.info(
        "Published terminology of {}: {} resources, {} stored or changed, in {} ms",
        profiles.name(),
        profiles.terminology().size(),
        changed,
        (System.nanoTime() - start) / 1_000_000);
  }
}
