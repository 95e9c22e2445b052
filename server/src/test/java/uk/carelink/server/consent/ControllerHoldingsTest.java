package uk.carelink.server.consent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.carelink.server.support.FhirApiTest;

/**
 * The controllers' holdings that decide whether a search is narrowed are never less than what
 * HAPI's tables hold, and a new holder counts from the very next request: narrowing is then applied
 * again, and the results stay decided one by one.
 */
class ControllerHoldingsTest extends FhirApiTest {

  private static final String CQC = "https://carelink.example.org/Id/cqc-location-id";
  private static final String ODS = "https://fhir.nhs.uk/Id/ods-organization-code";

  /** Every type's controllers as HAPI's tables have them, and the types with uncontrolled data. */
  private static final String HELD =
      "select r.res_type, d.tag_system, d.tag_code from hfj_resource r"
          + " join hfj_res_tag t on t.res_id = r.res_id join hfj_tag_def d on d.tag_id = t.tag_id"
          + " where d.tag_type = 2 and d.tag_system = any(?)"
          + " union select r.res_type, '', '' from hfj_resource r where not exists ("
          + "select 1 from hfj_res_tag t join hfj_tag_def d on d.tag_id = t.tag_id"
          + " where t.res_id = r.res_id and d.tag_type = 2 and d.tag_system = any(?))";

  @Autowired JdbcTemplate jdbc;
  @Autowired AccessSnapshots snapshots;
  @Autowired ConsentProperties properties;

  @Test
  void theHoldingsCoverEverythingHapiHolds() {
    String[] systems = properties.controllerIdentifierSystems().toArray(String[]::new);
    Set<ControllerHoldings.Holding> held = new HashSet<>();
    jdbc.query(
        HELD,
        statement -> {
          statement.setArray(1, statement.getConnection().createArrayOf("text", systems));
          statement.setArray(2, statement.getConnection().createArrayOf("text", systems));
        },
        row -> {
          held.add(
              new ControllerHoldings.Holding(row.getString(1), row.getString(2), row.getString(3)));
        });
    Set<ControllerHoldings.Holding> recorded = new HashSet<>();
    snapshots.current().holdings().byType().values().forEach(recorded::addAll);

    assertThat(held).isNotEmpty();
    assertThat(recorded).containsAll(held);
    // HAPI's golden records have no controller: Patient searches are always narrowed.
    assertThat(recorded).contains(ControllerHoldings.Holding.of("Patient", Optional.empty()));
  }

  @Test
  void aNewHolderOfATypeNarrowsItsSearchesFromTheNextRequest() {
    // The GP practice may see Encounters of its own and of the hospital (their agreement).
    Set<DataController> gpMaySee =
        Set.of(new DataController(ODS, "S12345"), new DataController(ODS, "X1H01"));
    String id = "holding-enc-" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
    // The service desk records an Encounter for a care home, whose agreements share no Encounters.
    Encounter visit = new Encounter();
    visit.setStatus(Encounter.EncounterStatus.FINISHED);
    visit.setClass_(
        new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "AMB", "ambulatory"));
    visit.setSubject(new Reference("Patient/ch1-b01-1"));
    visit.getMeta().addSecurity(new Coding(CQC, "1-101000001", null));
    visit.setId(id);
    fhir().body(json(visit)).put("/Encounter/" + id).then().statusCode(201);

    ControllerHoldings.Snapshot holdings = snapshots.current().holdings();
    assertThat(holdings.byType().get("Encounter"))
        .contains(new ControllerHoldings.Holding("Encounter", CQC, "1-101000001"));
    assertThat(holdings.onlyHeldBy("Encounter", gpMaySee)).isFalse();

    // The GP practice's search (narrowed or not) never shows it; the service desk's does.
    assertThat(searchIds(fhirAs("gp-practice"), "/Encounter?_id=" + id)).isEmpty();
    assertThat(searchIds(fhirAs("hospital"), "/Encounter?_id=" + id)).isEmpty();
    assertThat(searchIds(fhir(), "/Encounter?_id=" + id)).containsExactly(id);
  }
}
