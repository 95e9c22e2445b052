package uk.carelink.server.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ResourceType;
import org.junit.jupiter.api.Test;
import uk.carelink.server.support.FhirApiTest;
import uk.carelink.server.support.Fixtures;

class SearchTest extends FhirApiTest {

  @Test
  void chainedSearchFindsObservationsOfResidentsByNhsNumber() {
    String nhsNumber = "9990000018";
    String family = Fixtures.unique("Chain");
    String residentId = create(Fixtures.resident(family, "Jean", nhsNumber));
    String otherId = create(Fixtures.resident(Fixtures.unique("Other"), "Ian"));
    create(Fixtures.weight("Patient/" + residentId, 61.2));
    create(Fixtures.weight("Patient/" + residentId, 60.8));
    create(Fixtures.weight("Patient/" + otherId, 80.0));

    Bundle result =
        search("/Observation?subject:Patient.family=" + family + "&code=http://loinc.org|29463-7");

    assertThat(result.getTotal()).isEqualTo(2);
    assertThat(result.getEntry())
        .extracting(e -> ((Observation) e.getResource()).getSubject().getReference())
        .allMatch(ref -> ref.endsWith("Patient/" + residentId));
  }

  @Test
  void includeReturnsTheManagingCareHomeBesideEachResident() {
    String cqcId = "1-" + Math.abs(Fixtures.unique("x").hashCode());
    String homeId = create(Fixtures.careHome("Rosewood House", cqcId));
    String family = Fixtures.unique("Include");
    Patient resident = Fixtures.resident(family, "May");
    resident.setManagingOrganization(new Reference("Organization/" + homeId));
    create(resident);

    Bundle result = search("/Patient?family=" + family + "&_include=Patient:organization");

    assertThat(result.getEntry())
        .extracting(e -> e.getResource().getResourceType())
        .containsExactlyInAnyOrder(ResourceType.Patient, ResourceType.Organization);
    Bundle.BundleEntryComponent included =
        result.getEntry().stream()
            .filter(e -> e.getResource() instanceof Organization)
            .findFirst()
            .orElseThrow();
    assertThat(included.getSearch().getMode()).isEqualTo(Bundle.SearchEntryMode.INCLUDE);
    assertThat(((Organization) included.getResource()).getName()).isEqualTo("Rosewood House");
  }

  @Test
  void pagingHonoursCountAndLinksToTheNextPage() {
    String family = Fixtures.unique("Page");
    for (int i = 0; i < 5; i++) {
      create(Fixtures.resident(family, "Resident" + i));
    }

    Bundle first = search("/Patient?family=" + family + "&_count=2");

    assertThat(first.getEntry()).hasSize(2);
    assertThat(first.getTotal()).isEqualTo(5);
    assertThat(first.getLink("next")).isNotNull();
  }

  private String create(org.hl7.fhir.r4.model.Resource resource) {
    return fhir()
        .body(json(resource))
        .post("/" + resource.fhirType())
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  private Bundle search(String query) {
    return parse(
        Bundle.class,
        fhir()
            .urlEncodingEnabled(false)
            .get(query.replace("|", "%7C"))
            .then()
            .statusCode(200)
            .extract()
            .asString());
  }
}
