package uk.carelink.server.consent;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.jpa.api.config.JpaStorageSettings;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.IdType;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.carelink.server.consent.ConsentFixture.Decision;
import uk.carelink.server.consent.ConsentFixture.Person;
import uk.carelink.server.support.CareHomeRecords;
import uk.carelink.server.support.FhirApiTest;

/**
 * Search results are decided before paging from HAPI's indexes, exactly as the loaded resources
 * would be; where a Consent names codes (which the indexes do not give), the results are loaded.
 */
class SearchResultScreeningTest extends FhirApiTest {

  private static final List<String> TYPES =
      List.of(
          "Patient",
          "Observation",
          "EpisodeOfCare",
          "Encounter",
          "MedicationAdministration",
          "Consent",
          "Organization",
          "Location",
          "AuditEvent",
          "Provenance");

  @Autowired JdbcTemplate jdbc;
  @Autowired DaoRegistry daos;
  @Autowired ConsentProperties properties;
  @Autowired JpaStorageSettings storageSettings;
  @Autowired MeterRegistry meters;

  @Test
  void theIndexesDescribeEveryStoredResourceAsLoadingItDoesOrLeaveItOut() {
    IndexedFactsReader reader =
        new IndexedFactsReader(
            jdbc,
            fhirContext,
            properties.controllerIdentifierSystems(),
            storageSettings.getTagStorageMode());
    Map<Long, IBaseResource> stored = new HashMap<>();
    for (String type : TYPES) {
      jdbc.query(
          "select res_id, fhir_id from hfj_resource where res_type = ? and res_deleted_at is null"
              + " order by res_id limit 300",
          row -> {
            stored.put(
                row.getLong(1),
                daos.getResourceDao(type)
                    .read(new IdType(type, row.getString(2)), new SystemRequestDetails()));
          },
          type);
    }
    assertThat(stored).hasSizeGreaterThan(100);

    Map<Long, IndexedFactsReader.Indexed> indexed = reader.read(new ArrayList<>(stored.keySet()));
    List<String> leftOut = new ArrayList<>();
    stored.forEach(
        (pid, resource) -> {
          ResourceFacts loaded =
              ResourceFacts.of(resource, fhirContext, properties.controllerIdentifierSystems());
          IndexedFactsReader.Indexed described = indexed.get(pid);
          if (described == null) {
            leftOut.add(loaded.resourceType() + "/" + loaded.id());
            assertThat(mayBeLeftOut(loaded)).as("left out: %s", loaded).isTrue();
            return;
          }
          ResourceFacts facts = described.facts();
          assertThat(described.versionedId())
              .isEqualTo(resource.getIdElement().toUnqualified().getValue());
          assertThat(facts.resourceType()).isEqualTo(loaded.resourceType());
          assertThat(facts.id()).isEqualTo(loaded.id());
          assertThat(facts.controller())
              .as("controller of %s", loaded)
              .isEqualTo(loaded.controller());
          assertThat(facts.patientIds()).as("people of %s", loaded).isEqualTo(loaded.patientIds());
          assertThat(keys(facts.labels()))
              .as("labels of %s", loaded)
              .isEqualTo(keys(loaded.labels()));
        });
    // The sandbox world's care records are all described: deciding on them loads nothing.
    assertThat(leftOut)
        .as("left out")
        .noneMatch(
            id -> id.matches("(Patient|Observation|MedicationAdministration|EpisodeOfCare)/ch.*"));
  }

  @Test
  void aConsentThatNamesCodesIsDecidedOnTheLoadedResources() {
    ConsentFixture fixture = new ConsentFixture(this::fhirAs, fhirContext);
    Person plain = fixture.person(Decision.NONE, false);
    double indexesBefore = decided("indexes");
    double loadedBefore = decided("loaded");
    assertThat(observationsSeenByGp(plain))
        .containsExactlyInAnyOrderElementsOf(plain.observationIds());
    assertThat(decided("indexes") - indexesBefore).isEqualTo(2);
    assertThat(decided("loaded") - loadedBefore).isZero();

    Person noWeights = fixture.person(Decision.NONE, false);
    String must = noWeights.tag() + "-must";
    fixture.put(
        "carehome-a", must, CareHomeRecords.mustScore("Patient/" + noWeights.residentId(), 1));
    Consent refusal = ConsentFixture.residentConsent(noWeights.residentId(), Decision.REFUSE_GP);
    // The resident refuses the GP their weights only.
    refusal.getProvision().addCode(ConsentFixture.concept("http://loinc.org", "29463-7"));
    fixture.put("carehome-a", noWeights.tag() + "-no-weights", refusal);

    indexesBefore = decided("indexes");
    loadedBefore = decided("loaded");
    assertThat(observationsSeenByGp(noWeights)).containsExactly(must);
    assertThat(decided("loaded") - loadedBefore).isEqualTo(3);
    assertThat(decided("indexes") - indexesBefore).isZero();
  }

  private List<String> observationsSeenByGp(Person person) {
    return searchIds(
        fhirAs("gp-practice").queryParam("subject", "Patient/" + person.residentId()),
        "/Observation");
  }

  private double decided(String how) {
    return meters.get("carelink.consent.screened.results").tag("decided", how).counter().count();
  }

  /** What the reader leaves out: what it cannot tell exactly from the tables. */
  private boolean mayBeLeftOut(ResourceFacts loaded) {
    String type = loaded.resourceType();
    if (DataController.inLabels(loaded.labels(), properties.controllerIdentifierSystems()).size()
        > 1) {
      return true;
    }
    if (ResourceFacts.PATIENT_ELEMENT.containsKey(type)) {
      return loaded.patientIds().size() != 1;
    }
    return !"Patient".equals(type) && !ResourceFacts.aboutNoOne(fhirContext, type);
  }

  private static Set<String> keys(List<Coding> labels) {
    return labels.stream().map(Provision::key).collect(Collectors.toSet());
  }
}
