package uk.carelink.mappings;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.carelink.mappings.engine.IngestContext;
import uk.carelink.mappings.engine.MappingEngine;
import uk.carelink.mappings.engine.MappingResult;

class EmarMappingTest {

  static MappingEngine engine;
  static final IngestContext HOME =
      new IngestContext(
          "https://carelink.example.org/Id/cqc-location-id", "1-101000001", "test", null);

  @BeforeAll
  static void load() {
    engine = MappingEngine.load(FhirContext.forR4Cached());
  }

  @Test
  void everyEmarRowMapsToOneMedicationAdministration() {
    MappingResult result =
        engine.map("emar", "administrations.csv", Samples.bytes(Samples.EMAR), HOME);
    assertThat(result.rejects()).isEmpty();
    assertThat(result.mapped()).hasSize(112);
    MedicationAdministration first =
        (MedicationAdministration) result.mapped().get(0).resources().get(0);
    System.out.println(
        FhirContext.forR4Cached()
            .newJsonParser()
            .setPrettyPrint(true)
            .encodeResourceToString(first));
    MedicationAdministration second =
        (MedicationAdministration) result.mapped().get(1).resources().get(0);
    System.out.println(
        FhirContext.forR4Cached()
            .newJsonParser()
            .setPrettyPrint(true)
            .encodeResourceToString(second));
  }
}
