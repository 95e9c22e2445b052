package uk.carelink.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleType;
import org.hl7.fhir.r4.model.Bundle.HTTPVerb;
import org.hl7.fhir.r4.model.Flag;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;
import uk.carelink.server.support.CareHomeRecords;
import uk.carelink.server.support.FhirApiTest;
import uk.carelink.server.support.Fixtures;
import uk.carelink.server.support.Fixtures.TransactionBuilder;

/** SMART scopes are enforced per interaction and type, in bundles, operations and includes. */
class ScopeEnforcementTest extends FhirApiTest {

  @Test
  void aTransactionEntryOutsideTheScopesRefusesTheWholeTransactionNamingTheEntry() {
    TransactionBuilder push = Fixtures.transaction();
    String family = Fixtures.unique("Refused");
    push.create(Fixtures.resident(family, "Ada"));
    push.create(Fixtures.careHome("Not mine to create", "1-" + System.nanoTime() % 1_000_000));

    fhirAs("carehome-a")
        .body(json(push.build()))
        .post("/")
        .then()
        .statusCode(403)
        .body("resourceType", equalTo("OperationOutcome"))
        .body("issue[0].code", equalTo("forbidden"))
        .body("issue[0].expression", hasItem("Bundle.entry[1]"))
        .body("issue[0].diagnostics", containsString("Bundle.entry[1]"))
        .body("issue[0].diagnostics", containsString("Organization"));

    fhir().get("/Patient?family=" + family).then().body("total", equalTo(0));
  }

  @Test
  void aTransactionWithinTheScopesIsStored() {
    TransactionBuilder push = Fixtures.transaction();
    String resident =
        push.create(
            Fixtures.careHomeResident(
                Fixtures.unique("Allowed"), "Bea", "Organization/org-carehome-a"));
    push.create(CareHomeRecords.weight(resident, 62.0));

    fhirAs("carehome-a").body(json(push.build())).post("/").then().statusCode(200);
  }

  @Test
  void aBatchEntryOutsideTheScopesRefusesTheBatch() {
    Bundle batch = new Bundle().setType(BundleType.BATCH);
    batch.addEntry().getRequest().setMethod(HTTPVerb.GET).setUrl("Patient?_count=1");
    batch.addEntry().getRequest().setMethod(HTTPVerb.DELETE).setUrl("Patient/whatever");

    fhirAs("analyst")
        .body(json(batch))
        .post("/")
        .then()
        .statusCode(403)
        .body("issue[0].expression", hasItem("Bundle.entry[1]"))
        .body("issue[0].diagnostics", containsString("delete on Patient"));
  }

  @Test
  void aBatchOfReadsWithinTheScopesAnswersEveryEntry() {
    // carehome-a's resident: the analyst may see it under the home's analytics agreement.
    String id = createResidentAs("carehome-a", Fixtures.unique("Scoped"));
    Bundle batch = new Bundle().setType(BundleType.BATCH);
    batch.addEntry().getRequest().setMethod(HTTPVerb.GET).setUrl("Patient/" + id);
    batch.addEntry().getRequest().setMethod(HTTPVerb.GET).setUrl("Observation?_count=1");

    Bundle response =
        parse(
            Bundle.class,
            fhirAs("analyst")
                .body(json(batch))
                .post("/")
                .then()
                .statusCode(200)
                .extract()
                .asString());

    assertThat(response.getEntry())
        .extracting(entry -> entry.getResponse().getStatus())
        .allMatch(status -> status.startsWith("200"));
  }

  @Test
  void aConditionalCreateAlsoNeedsSearchBecauseMatchingIsASearch() {
    // The carehome scopes include Bundle.c but not Bundle.s.
    fhirAs("carehome-a")
        .header("If-None-Exist", "identifier=x|y")
        .body("{\"resourceType\":\"Bundle\",\"type\":\"collection\"}")
        .post("/Bundle")
        .then()
        .statusCode(403)
        .body("issue[0].diagnostics", containsString("search on Bundle"));
  }

  @Test
  void everythingNeedsReadAndSearchOnEveryType() {
    String id = createResident();

    fhirAs("carehome-a")
        .get("/Patient/" + id + "/$everything")
        .then()
        .statusCode(403)
        .body("issue[0].code", equalTo("forbidden"));
    fhirAs("gp-practice").get("/Patient/" + id + "/$everything").then().statusCode(200);
  }

  @Test
  void validateNeedsOnlyRead() {
    fhirAs("analyst")
        .body(json(Fixtures.resident("Valid", "Vera")))
        .post("/Patient/$validate")
        .then()
        .statusCode(200)
        .body("resourceType", equalTo("OperationOutcome"));
  }

  @Test
  void anUnclassifiedOperationNeedsEveryPermission() {
    fhirAs("gp-practice")
        .get("/$get-resource-counts")
        .then()
        .statusCode(403)
        .body("issue[0].diagnostics", containsString("every resource type"));
  }

  @Test
  void includedResourcesOfATypeThePartyMayNotReadRefuseTheSearch() {
    String id = createResidentAs("carehome-a", Fixtures.unique("Scoped"));
    Flag flag = new Flag();
    flag.setStatus(Flag.FlagStatus.ACTIVE);
    flag.getCode().setText("Included flag");
    flag.setSubject(new Reference("Patient/" + id));
    // The service desk records it for the home (names the home as controller): consent would let
    // the home see it, its scopes do not.
    flag.getMeta()
        .addSecurity("https://carelink.example.org/Id/cqc-location-id", "1-101000001", null);
    fhir().body(json(flag)).post("/Flag").then().statusCode(201);

    // Care homes hold no Flag scope: a search that would include one is refused as a whole.
    fhirAs("carehome-a")
        .get("/Patient?_id=" + id + "&_revinclude=Flag:subject")
        .then()
        .statusCode(403)
        .body("issue[0].diagnostics", containsString("Flag"));
    fhirAs("carehome-a").get("/Patient?_id=" + id).then().statusCode(200);
  }

  @Test
  void systemSearchAndHistoryNeedAWildcardScope() {
    fhirAs("carehome-a").get("/_history").then().statusCode(403);
    fhirAs("analyst").get("/_history?_count=1").then().statusCode(200);
  }

  @Test
  void pagesOfASearchCanBeFollowed() {
    String family = Fixtures.unique("Paged");
    createResidentAs("carehome-a", family);
    createResidentAs("carehome-a", family);

    Bundle first =
        parse(
            Bundle.class,
            fhirAs("carehome-a")
                .get("/Patient?family=" + family + "&_count=1")
                .then()
                .statusCode(200)
                .extract()
                .asString());
    String next = first.getLink("next").getUrl();

    fhirAs("carehome-a")
        .urlEncodingEnabled(false)
        .get(next.substring(next.indexOf("/fhir") + "/fhir".length()))
        .then()
        .statusCode(200)
        .body("entry.size()", equalTo(1));
  }

  @Test
  void readsAndUpdatesAreCheckedOnTheirOwnLetters() {
    String id = createResidentAs("carehome-a", Fixtures.unique("Scoped"));
    Patient changed = Fixtures.careHomeResident("Changed", "Name", "Organization/org-carehome-a");
    changed.setId(id);

    fhirAs("analyst").get("/Patient/" + id).then().statusCode(200);
    fhirAs("analyst").body(json(changed)).put("/Patient/" + id).then().statusCode(403);
    fhirAs("carehome-a").body(json(changed)).put("/Patient/" + id).then().statusCode(200);
    // Within its scopes, but only the data controller may change a record (docs/consent.md).
    fhirAs("carehome-b").body(json(changed)).put("/Patient/" + id).then().statusCode(403);
    fhirAs("analyst").delete("/Patient/" + id).then().statusCode(403);
    assertThat(fhir().get("/Patient/" + id).then().statusCode(200).extract().<String>path("id"))
        .isEqualTo(id);
  }

  private String createResident() {
    return createResident(Fixtures.unique("Scoped"));
  }

  /** A care home party's resident (valid against the resident profile, as care homes' must be). */
  private String createResidentAs(String careHome, String family) {
    return fhirAs(careHome)
        .body(json(Fixtures.careHomeResident(family, "Sam", "Organization/org-" + careHome)))
        .post("/Patient")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  private String createResident(String family) {
    return fhir()
        .body(json(Fixtures.resident(family, "Sam")))
        .post("/Patient")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }
}
