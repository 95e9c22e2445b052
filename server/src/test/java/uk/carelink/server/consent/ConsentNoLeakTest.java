package uk.carelink.server.consent;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.carelink.server.consent.ConsentFixture.Decision;
import uk.carelink.server.consent.ConsentFixture.Person;
import uk.carelink.server.support.FhirApiTest;
import uk.carelink.server.support.SandboxTokens;

/**
 * Acceptance 3: hidden resources leave no trace: no ids, no totals that count them, full pages with
 * no gaps, nothing through {@code _include}/{@code _revinclude}, and a read of a hidden resource
 * answers exactly as a read of one that never existed.
 */
class ConsentNoLeakTest extends FhirApiTest {

  private static List<Person> people;

  @BeforeEach
  void createPeopleOnce() {
    if (people != null) {
      return;
    }
    ConsentFixture fixture = new ConsentFixture(this::fhirAs, fhirContext);
    // Five people; the analyst (HOPERAT) may see three: two opted out of secondary use.
    people =
        List.of(
            fixture.person(Decision.NONE, false),
            fixture.person(Decision.NATIONAL_OPT_OUT, false),
            fixture.person(Decision.NONE, false),
            fixture.person(Decision.NATIONAL_OPT_OUT, false),
            fixture.person(Decision.NONE, false));
  }

  @Test
  void aSearchThatCanOnlyFindThePartysOwnDataKeepsItsExactTotal() {
    // For operations (HOPERAT) no agreement shares anyone's data with a care home: its search is
    // narrowed to its own controller label, hides nothing, is not filtered, and keeps the total the
    // service desk gets for the same narrowed query. (For direct care the GP's and the hospital's
    // shared-care agreements could add their records, so that search is filtered.)
    JsonPath own =
        fhirAs("carehome-a")
            .header("X-Purpose-Of-Use", "HOPERAT")
            .queryParam("organization", "Organization/org-carehome-a")
            .queryParam("_count", 200)
            .get("/Patient")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    int desk =
        fhir()
            .queryParam("organization", "Organization/org-carehome-a")
            .queryParam("_security", "https://carelink.example.org/Id/cqc-location-id|1-101000001")
            .queryParam("_total", "accurate")
            .queryParam("_count", 200)
            .get("/Patient")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getInt("total");
    assertThat(desk).isGreaterThan(2);
    assertThat(own.getInt("total")).isEqualTo(desk);
    assertThat(own.getList("entry")).hasSize(desk);
    assertThat(own.getList("entry.resource.meta.security.code").toString())
        .doesNotContain("S12345");

    // The GP's search of the same residents may be withheld in part: no total.
    fhirAs("gp-practice")
        .queryParam("organization", "Organization/org-carehome-a")
        .queryParam("_count", 2)
        .get("/Patient")
        .then()
        .statusCode(200)
        .body("total", org.hamcrest.Matchers.nullValue());
  }

  @Test
  void readingAHiddenResourceAnswersExactlyAsReadingOneThatNeverExisted() {
    String hidden = people.get(0).observationIds().get(0);
    String missing = hidden + "-missing";

    Response hiddenRead = fhirAs("carehome-b").get("/Observation/" + hidden);
    Response missingRead = fhirAs("carehome-b").get("/Observation/" + missing);
    assertThat(hiddenRead.statusCode()).isEqualTo(404).isEqualTo(missingRead.statusCode());
    assertThat(hiddenRead.asString().replace(hidden, "ID"))
        .isEqualTo(missingRead.asString().replace(missing, "ID"));

    Response hiddenVersion = fhirAs("carehome-b").get("/Observation/" + hidden + "/_history/1");
    Response missingVersion = fhirAs("carehome-b").get("/Observation/" + missing + "/_history/1");
    assertThat(hiddenVersion.statusCode()).isEqualTo(404).isEqualTo(missingVersion.statusCode());
    assertThat(hiddenVersion.asString().replace(hidden, "ID"))
        .isEqualTo(missingVersion.asString().replace(missing, "ID"));
  }

  @Test
  void pagesAreFullAndCarryNoTotalThatCountsHiddenResources() {
    List<String> visible = new ArrayList<>();
    List<String> hidden = new ArrayList<>();
    StringBuilder subjects = new StringBuilder();
    for (int i = 0; i < people.size(); i++) {
      Person person = people.get(i);
      (i % 2 == 1 ? hidden : visible).addAll(person.observationIds());
      subjects
          .append(subjects.length() == 0 ? "" : ",")
          .append("Patient/")
          .append(person.residentId());
    }

    List<Integer> pageSizes = new ArrayList<>();
    List<String> seen = new ArrayList<>();
    String token = SandboxTokens.token(port, "analyst");
    JsonPath page =
        fhirAs("analyst")
            .header("X-Purpose-Of-Use", "HOPERAT")
            .queryParam("subject", subjects.toString())
            .queryParam("_count", 2)
            .get("/Observation")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    while (true) {
      assertThat(page.getString("total")).as("no total that could count hidden resources").isNull();
      List<String> ids = page.getList("entry.resource.id");
      pageSizes.add(ids == null ? 0 : ids.size());
      if (ids != null) {
        seen.addAll(ids);
      }
      String next = page.getString("link.find { it.relation == 'next' }.url");
      if (next == null) {
        break;
      }
      page =
          RestAssured.given()
              .auth()
              .oauth2(token)
              .header("X-Purpose-Of-Use", "HOPERAT")
              .accept("application/fhir+json")
              .urlEncodingEnabled(false)
              .get(next)
              .then()
              .statusCode(200)
              .extract()
              .jsonPath();
    }
    assertThat(seen)
        .containsExactlyInAnyOrderElementsOf(visible)
        .doesNotContainAnyElementsOf(hidden);
    // Six visible in pages of two: three full pages, no gaps.
    assertThat(pageSizes).containsExactly(2, 2, 2);
  }

  @Test
  void includesAndRevincludesNeverBringInWhatIsHidden() {
    Person optedOut = people.get(1);
    JsonPath included =
        fhirAs("analyst")
            .header("X-Purpose-Of-Use", "HOPERAT")
            .queryParam(
                "_id",
                optedOut.observationIds().get(0) + "," + people.get(0).observationIds().get(0))
            .queryParam("_include", "Observation:subject")
            .get("/Observation")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(included.getList("entry.resource.id", String.class))
        .containsExactlyInAnyOrder(
            people.get(0).observationIds().get(0), people.get(0).residentId());

    JsonPath revincluded =
        fhirAs("carehome-b")
            .queryParam("_id", optedOut.residentId())
            .queryParam("_revinclude", "Observation:subject")
            .get("/Patient")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(revincluded.getList("entry")).isNullOrEmpty();

    // A visible Patient does not drag in Observations the asker may not see.
    JsonPath own =
        fhirAs("gp-practice")
            .queryParam("_id", optedOut.gpPatientId())
            .queryParam("_revinclude", "Observation:subject")
            .queryParam("_revinclude", "Encounter:subject")
            .get("/Patient")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(own.getList("entry.resource.id", String.class))
        .containsExactlyInAnyOrder(optedOut.gpPatientId(), optedOut.encounterId());
  }
}
