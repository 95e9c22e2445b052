package uk.carelink.server.consent;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.jpa.api.config.JpaStorageSettings;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.carelink.server.support.CareHomeRecords;
import uk.carelink.server.support.FhirApiTest;

/**
 * Who controls a Patient record, read from HAPI's tables for many records at once, is what reading
 * each record says: for every stored Patient, one written, reassigned and deleted through the API,
 * and one that never existed.
 */
class IndexedPatientControllersTest extends FhirApiTest {

  private static final String CQC = "https://carelink.example.org/Id/cqc-location-id";

  @Autowired JdbcTemplate jdbc;
  @Autowired DaoRegistry daos;
  @Autowired ConsentProperties properties;
  @Autowired JpaStorageSettings storageSettings;

  @Test
  void theTablesNameTheControllerReadingTheRecordNames() {
    String suffix = Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 999_999));
    String written = "ipc-written-" + suffix;
    String reassigned = "ipc-reassigned-" + suffix;
    String deleted = "ipc-deleted-" + suffix;
    for (String id : List.of(written, reassigned, deleted)) {
      Patient patient = CareHomeRecords.resident("9990000018", "Organization/org-carehome-a");
      patient.setId(id);
      fhirAs("carehome-a").body(json(patient)).put("/Patient/" + id).then().statusCode(201);
    }
    // The service desk hands one record to the other home, and the first home deletes one.
    Patient handedOver = CareHomeRecords.resident("9990000018", "Organization/org-carehome-b");
    handedOver.setId(reassigned);
    handedOver.getMeta().addSecurity(new Coding(CQC, "1-101000002", null));
    fhir().body(json(handedOver)).put("/Patient/" + reassigned).then().statusCode(200);
    fhirAs("carehome-a").delete("/Patient/" + deleted).then().statusCode(200);

    PatientControllerReader records =
        new PatientControllerReader(daos, properties.controllerIdentifierSystems());
    IndexedPatientControllers tables =
        new IndexedPatientControllers(
            jdbc,
            properties.controllerIdentifierSystems(),
            storageSettings.getTagStorageMode(),
            records);
    List<String> ids =
        new ArrayList<>(
            jdbc.queryForList(
                "select fhir_id from hfj_resource where res_type = 'Patient' order by res_id"
                    + " limit 400",
                String.class));
    ids.add("ipc-never-" + suffix);
    ids.addAll(List.of(written, reassigned, deleted));

    Map<String, Optional<DataController>> read = tables.controllersOf(ids);
    assertThat(read).containsOnlyKeys(ids);
    ids.forEach(
        id ->
            assertThat(read.get(id))
                .as("controller of Patient/%s", id)
                .isEqualTo(records.controllerOf(id)));
    assertThat(read.get(written)).contains(new DataController(CQC, "1-101000001"));
    assertThat(read.get(reassigned)).contains(new DataController(CQC, "1-101000002"));
    assertThat(read.get(deleted)).isEmpty();
    assertThat(read.get("ipc-never-" + suffix)).isEmpty();
    assertThat(read.values().stream().filter(Optional::isPresent).count())
        .as("Patients with a controller")
        .isGreaterThan(20);
  }
}
