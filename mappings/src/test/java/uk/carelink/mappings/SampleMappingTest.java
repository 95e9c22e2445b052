package uk.carelink.mappings;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.carelink.mappings.engine.IngestBundle;
import uk.carelink.mappings.engine.IngestContext;
import uk.carelink.mappings.engine.MappedRow;
import uk.carelink.mappings.engine.MappingEngine;
import uk.carelink.mappings.engine.MappingResult;

/** The samples through the engine alone: what each row becomes, before any server. */
class SampleMappingTest {

  static MappingEngine engine;
  static final IngestContext HOME =
      new IngestContext(
          "https://carelink.example.org/Id/cqc-location-id", "1-101000001", "test", null);
  static final String KEYS = "https://carelink.example.org/Id/source/1-101000001/";

  @BeforeAll
  static void load() {
    engine = MappingEngine.load(FhirContext.forR4Cached());
  }

  @Test
  void theFourFormatsAreFoundFromTheirFolders() {
    assertThat(engine.formatNames())
        .containsExactly("daily-observations", "emar", "incidents", "resident-register");
    assertThat(engine.format("emar").orElseThrow().mappingVersion()).isEqualTo("emar@1.0.0");
  }

  @Test
  void residentRegisterRowsBecomeAResidentAndAStay() {
    List<Resource> resources = resources("resident-register", Samples.RESIDENTS, 24);
    assertThat(resources).hasSize(48);
    Patient first = (Patient) resources.get(0);
    assertThat(first.getIdentifierFirstRep().getSystem()).isEqualTo(KEYS + "resident");
    assertThat(first.getIdentifier())
        .anyMatch(i -> "9999772765".equals(i.getValue()))
        .anyMatch(
            i ->
                "https://carelink.example.org/Id/carehome-resident-id".equals(i.getSystem())
                    && i.getAssigner().getReference().endsWith("|1-101000001"));
    EpisodeOfCare ended =
        resources.stream()
            .filter(EpisodeOfCare.class::isInstance)
            .map(EpisodeOfCare.class::cast)
            .filter(e -> e.getIdentifierFirstRep().getValue().startsWith("R1010/"))
            .findFirst()
            .orElseThrow();
    assertThat(ended.getStatus().toCode()).isEqualTo("finished");
    assertThat(ended.getPeriod().getEndElement().getValueAsString()).isEqualTo("2024-09-27");
  }

  @Test
  void observationsClaimTheProfileOfTheirMeasure() {
    Map<String, Long> byProfile =
        resources("daily-observations", Samples.OBSERVATIONS, 366).stream()
            .collect(
                Collectors.groupingBy(
                    r -> r.getMeta().getProfile().get(0).getValue().replaceAll(".*/", ""),
                    Collectors.counting()));
    assertThat(byProfile)
        .containsEntry("carehome-body-weight", 216L)
        .containsEntry("carehome-must-score", 48L)
        .containsEntry("carehome-waterlow-score", 48L)
        .containsEntry("carehome-frailty-score", 48L)
        .containsEntry("carehome-news2-score", 6L);
  }

  @Test
  void fallsAndDosesMapWithTheirCodes() {
    Observation fall = (Observation) resources("incidents", Samples.INCIDENTS, 20).get(0);
    assertThat(fall.getComponent()).hasSize(4);
    List<Resource> doses = resources("emar", Samples.EMAR, 112);
    assertThat(doses)
        .map(r -> ((MedicationAdministration) r).getStatus().toCode())
        .containsOnly("completed", "not-done");
  }

  @Test
  void aTransactionUpdatesConditionallyOnSourceKeysAndPointsReferencesInsideTheBundle() {
    MappingResult result =
        engine.map("resident-register", "residents.csv", Samples.bytes(Samples.RESIDENTS), HOME);
    Bundle bundle =
        IngestBundle.assemble(result, result.mapped(), HOME, Instant.now()).transaction();
    assertThat(bundle.getEntry()).hasSize(49);
    Bundle.BundleEntryComponent patient = bundle.getEntry().get(0);
    assertThat(patient.getRequest().getMethod().toCode()).isEqualTo("PUT");
    assertThat(patient.getRequest().getUrl())
        .isEqualTo(
            "Patient?identifier=https%3A%2F%2Fcarelink.example.org%2FId%2Fsource%2F1-101000001%2Fresident|R1001");
    EpisodeOfCare stay = (EpisodeOfCare) bundle.getEntry().get(1).getResource();
    assertThat(stay.getPatient().getReference()).isEqualTo(patient.getFullUrl());
    Provenance provenance = (Provenance) bundle.getEntry().get(48).getResource();
    assertThat(provenance.getTarget()).hasSize(48);
    assertThat(bundle.getEntry().get(48).getRequest().getMethod().toCode()).isEqualTo("POST");
  }

  @Test
  void incidentsThatAreNotFallsAreSkippedNotRejected() {
    String text =
        new String(Samples.bytes(Samples.INCIDENTS), StandardCharsets.UTF_8)
            .replace(
                "INC-00002,R1001,16/11/2026 12:16,Fall",
                "INC-00002,R1001,16/11/2026 12:16,Skin tear");
    MappingResult result =
        engine.map("incidents", "incidents.csv", text.getBytes(StandardCharsets.UTF_8), HOME);
    assertThat(result.rejects()).isEmpty();
    assertThat(result.mapped()).filteredOn(r -> r.resources().isEmpty()).hasSize(1);
  }

  private static List<Resource> resources(String format, String sample, int rows) {
    MappingResult result = engine.map(format, "sample.csv", Samples.bytes(sample), HOME);
    assertThat(result.rejects()).isEmpty();
    assertThat(result.rowsRead()).isEqualTo(rows);
    return result.mapped().stream().map(MappedRow::resources).flatMap(List::stream).toList();
  }
}
