package uk.carelink.server.linkage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Parameters.ParametersParameterComponent;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.carelink.server.linkage.MdmLinks.Link;
import uk.carelink.server.support.FhirApiTest;
import uk.carelink.server.support.Fixtures;
import uk.carelink.world.NhsNumber;

/** Record linkage through the API: HAPI MDM with the project's rules (acceptance 2 and 3). */
class LinkageApiTest extends FhirApiTest {

  private MdmLinks links;

  @BeforeEach
  void links() {
    links = new MdmLinks(this::fhir, this::parse);
  }

  @Test
  void theSameValidNhsNumberLinksTheResidentToTheGpRecordDespiteOtherNames() {
    String nhs = validNhsNumber();
    String family = Fixtures.unique("Linkwell");
    String resident = create(person("Margaret", family, "1938-04-12", nhs));
    String gp = create(person("Peggy", family + "e", "1938-12-04", nhs));

    long started = System.nanoTime();
    Link gpLink = links.await("Patient/" + gp, LinkageApiTest::hasMatch).get(0);
    System.out.printf(
        Locale.ROOT,
        "Link visible %d ms after the write returned%n",
        (System.nanoTime() - started) / 1_000_000);
    Link residentLink = links.await("Patient/" + resident, LinkageApiTest::hasMatch).get(0);

    assertThat(gpLink.golden()).isEqualTo(residentLink.golden());
    assertThat(gpLink.matchResult()).isEqualTo("MATCH");
    assertThat(gpLink.linkSource()).isEqualTo("AUTO");
  }

  @Test
  void anNhsNumberFailingItsCheckDigitNeverLinks() {
    String invalid = invalidNhsNumber();
    String first = create(person("Doreen", Fixtures.unique("Crossley"), "1931-02-17", invalid));
    String second = create(person("Arthur", Fixtures.unique("Pickles"), "1927-09-30", invalid));

    List<Link> firstLinks = links.await("Patient/" + first, LinkageApiTest::hasMatch);
    List<Link> secondLinks = links.await("Patient/" + second, LinkageApiTest::hasMatch);

    assertThat(firstLinks)
        .extracting(Link::golden)
        .doesNotContainAnyElementsOf(secondLinks.stream().map(Link::golden).toList());
    assertThat(links.of("Patient/" + second, "POSSIBLE_MATCH")).isEmpty();
  }

  @Test
  void twoResidentsOfOneHomeSharingNameAndBirthDateAreNotAutoLinked() {
    String family = Fixtures.unique("Hartley");
    String first = create(person("Jean", family, "1936-07-21", validNhsNumber()));
    List<Link> firstLinks = links.await("Patient/" + first, LinkageApiTest::hasMatch);
    String second = create(person("Jean", family, "1936-07-21", validNhsNumber()));

    List<Link> secondLinks = links.await("Patient/" + second, l -> !l.isEmpty());

    // Two valid, different NHS numbers are two people: the second gets a golden record of its
    // own. Were it queued instead, HAPI would give it none and its GP record could not join it.
    assertThat(secondLinks)
        .filteredOn(l -> l.matchResult().equals("MATCH"))
        .extracting(Link::golden)
        .singleElement()
        .isNotEqualTo(firstLinks.get(0).golden());
    assertThat(links.of("Patient/" + second, "POSSIBLE_MATCH")).isEmpty();
  }

  @Test
  void twoRecordsOfOneHomeWithDifferentResidentNumbersNeverLinkEvenWithoutNhsNumbers() {
    String family = Fixtures.unique("Ackroyd");
    String first = create(homeRecord("R1", person("Nora", family, "1933-05-06", validNhsNumber())));
    List<Link> firstLinks = links.await("Patient/" + first, LinkageApiTest::hasMatch);
    // The same name, sex and birth date, no NHS number: only the home's own numbers differ.
    String second = create(homeRecord("R2", person("Nora", family, "1933-05-06", null)));

    List<Link> secondLinks = links.await("Patient/" + second, LinkageApiTest::hasMatch);

    assertThat(secondLinks).extracting(Link::golden).doesNotContain(firstLinks.get(0).golden());
    // A GP record without a number could be either resident: it waits in the review queue for both.
    String gp = create(person("Nora", family, "1933-05-06", null));
    List<Link> gpLinks = links.await("Patient/" + gp, l -> !l.isEmpty());
    assertThat(gpLinks)
        .extracting(Link::golden)
        .contains(firstLinks.get(0).golden(), secondLinks.get(0).golden());
  }

  @Test
  void anAdminAcceptsAPossibleMatchFromTheReviewQueue() {
    ReviewPair pair = possibleMatch();

    fhir()
        .body(json(updateLink(pair.golden(), pair.source(), "MATCH")))
        .post("/$mdm-update-link")
        .then()
        .statusCode(200);

    List<Link> after = links.of(pair.source(), null);
    assertThat(after)
        .singleElement()
        .satisfies(
            l -> {
              assertThat(l.golden()).isEqualTo(pair.golden());
              assertThat(l.matchResult()).isEqualTo("MATCH");
              assertThat(l.linkSource()).isEqualTo("MANUAL");
            });
    assertThat(links.of(pair.source(), "POSSIBLE_MATCH")).isEmpty();
  }

  @Test
  void anAdminRejectsAPossibleMatchAndTheRecordGetsItsOwnGoldenRecord() {
    ReviewPair pair = possibleMatch();

    fhir()
        .body(json(updateLink(pair.golden(), pair.source(), "NO_MATCH")))
        .post("/$mdm-update-link")
        .then()
        .statusCode(200);

    List<Link> after = links.of(pair.source(), null);
    assertThat(after)
        .filteredOn(l -> l.golden().equals(pair.golden()))
        .singleElement()
        .satisfies(l -> assertThat(l.matchResult()).isEqualTo("NO_MATCH"));
    assertThat(links.of(pair.source(), "POSSIBLE_MATCH")).isEmpty();
  }

  @Test
  void theReviewQueueShowsWhyAPairScoredAsItDid() {
    ReviewPair pair = possibleMatch();
    Link queued =
        links.of(pair.source(), "POSSIBLE_MATCH").stream()
            .filter(l -> l.golden().equals(pair.golden()))
            .findFirst()
            .orElseThrow();
    assertThat(Double.parseDouble(queued.parts().get("score"))).isBetween(0.0, 1.0);

    Parameters reasons =
        parse(
            Parameters.class,
            fhir()
                .queryParam("left", pair.source())
                .queryParam("right", pair.gpRecord())
                .get("/Patient/$linkage-reasons")
                .then()
                .statusCode(200)
                .extract()
                .asString());

    assertThat(reasons.getParameterValue("matchResult").primitiveValue())
        .isEqualTo("POSSIBLE_MATCH");
    Map<String, Boolean> agreed = new HashMap<>();
    for (ParametersParameterComponent field : reasons.getParameters("field")) {
      agreed.put(
          field.getPart().get(0).getValue().primitiveValue(),
          ((BooleanType) field.getPart().get(1).getValue()).booleanValue());
    }
    // Same names and sex; birth date only with day and month swapped; no NHS number on one side.
    assertThat(agreed)
        .containsEntry("given-sounds", true)
        .containsEntry("family-sounds", true)
        .containsEntry("sex", true)
        .containsEntry("birth-date", false)
        .containsEntry("birth-date-or-swapped", true)
        .containsEntry("nhs-number", false)
        .containsEntry("nhs-compatible", true);
    assertThat(reasons.getParameters("ruleMet"))
        .extracting(p -> p.getPart().get(1).getValue().primitiveValue())
        .containsOnly("POSSIBLE_MATCH")
        .isNotEmpty();
  }

  @Test
  void linkingChangesNeitherControllersPatientAndGoldenRecordsStayOutOfSearches() {
    String nhs = validNhsNumber();
    String family = Fixtures.unique("Unaltered");
    String resident = create(person("Agnes", family, "1929-03-03", nhs));
    String gp = create(person("Agnes", family, "1929-03-03", nhs));
    links.await("Patient/" + gp, LinkageApiTest::hasMatch);

    for (String id : List.of(resident, gp)) {
      fhir().get("/Patient/" + id).then().statusCode(200).extract().path("meta.versionId");
      assertThat((String) fhir().get("/Patient/" + id).then().extract().path("meta.versionId"))
          .isEqualTo("1");
    }
    Bundle found =
        parse(
            Bundle.class,
            fhir()
                .queryParam("family", family)
                .get("/Patient")
                .then()
                .statusCode(200)
                .extract()
                .asString());
    assertThat(found.getEntry())
        .extracting(e -> e.getResource().getIdElement().getIdPart())
        .containsExactlyInAnyOrder(resident, gp);
  }

  @Test
  void aResidentsLinkedRecordIsReachedThroughEverythingAcrossTheLink() {
    String nhs = validNhsNumber();
    String family = Fixtures.unique("Everyfield");
    String resident =
        create(person("Harold", family, "1930-11-08", nhs, AdministrativeGender.MALE));
    String gp = create(person("Harold", family, "1930-11-08", nhs, AdministrativeGender.MALE));
    links.await("Patient/" + gp, LinkageApiTest::hasMatch);
    links.await("Patient/" + resident, LinkageApiTest::hasMatch);

    Bundle everything =
        parse(
            Bundle.class,
            fhir()
                .queryParam("_mdm", "true")
                .get("/Patient/" + resident + "/$everything")
                .then()
                .statusCode(200)
                .extract()
                .asString());

    assertThat(everything.getEntry())
        .extracting(e -> e.getResource().getIdElement().toUnqualifiedVersionless().getValue())
        .contains("Patient/" + resident, "Patient/" + gp);
  }

  @Test
  void theSandboxWorldLoadedAsEachPartyIsLinkedToo() {
    List<String> numbers =
        fhir()
            .queryParam("organization", "Organization/org-carehome-a")
            .queryParam("identifier", Fixtures.NHS_NUMBER + "|")
            .queryParam("_count", 100)
            .get("/Patient")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList(
                "entry.resource.identifier.flatten().findAll { it.system == '"
                    + Fixtures.NHS_NUMBER
                    + "' }.value");
    String number = numbers.stream().filter(NhsNumber::isValid).findFirst().orElseThrow();
    List<String> holders =
        fhir()
            .queryParam("identifier", Fixtures.NHS_NUMBER + "|" + number)
            .get("/Patient")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("entry.resource.id");
    assertThat(holders).as("the home's and the GP practice's records").hasSizeGreaterThan(1);

    List<String> goldens =
        holders.stream()
            .map(id -> links.await("Patient/" + id, LinkageApiTest::hasMatch))
            .map(
                l ->
                    l.stream()
                        .filter(x -> x.matchResult().equals("MATCH"))
                        .findFirst()
                        .orElseThrow()
                        .golden())
            .distinct()
            .toList();
    assertThat(goldens).hasSize(1);
  }

  /** A resident without an NHS number and a GP record with the day and month swapped. */
  private ReviewPair possibleMatch() {
    String family = Fixtures.unique("Queuefield");
    // A birth date of its own, so that earlier pairs of this test are no candidates.
    ThreadLocalRandom random = ThreadLocalRandom.current();
    int year = random.nextInt(1900, 1920);
    int day = random.nextInt(1, 12);
    int month = day + 1;
    String gp = create(person("Irene", family, date(year, month, day), validNhsNumber()));
    Link gpLink = links.await("Patient/" + gp, LinkageApiTest::hasMatch).get(0);
    String resident = create(person("Irene", family, date(year, day, month), null));
    List<Link> queued =
        links.await(
            "Patient/" + resident,
            l -> l.stream().anyMatch(x -> x.matchResult().equals("POSSIBLE_MATCH")));
    assertThat(queued)
        .filteredOn(l -> l.matchResult().equals("POSSIBLE_MATCH"))
        .extracting(Link::golden)
        .contains(gpLink.golden());
    return new ReviewPair(gpLink.golden(), "Patient/" + resident, "Patient/" + gp);
  }

  private static boolean hasMatch(List<Link> links) {
    return links.stream().anyMatch(l -> l.matchResult().equals("MATCH"));
  }

  private static String date(int year, int month, int day) {
    return String.format(Locale.ROOT, "%d-%02d-%02d", year, month, day);
  }

  private record ReviewPair(String golden, String source, String gpRecord) {}

  private static Parameters updateLink(String golden, String source, String matchResult) {
    Parameters parameters = new Parameters();
    parameters.addParameter("goldenResourceId", golden);
    parameters.addParameter("resourceId", source);
    parameters.addParameter("matchResult", matchResult);
    return parameters;
  }

  private String create(Patient patient) {
    return fhir().body(json(patient)).post("/Patient").then().statusCode(201).extract().path("id");
  }

  /** The care home's own resident number, as the home writes it on its records. */
  private static Patient homeRecord(String residentNumber, Patient patient) {
    patient
        .addIdentifier()
        .setSystem("https://carelink.example.org/Id/carehome-resident-id")
        .setValue(residentNumber)
        .getAssigner()
        .setReference("Organization/org-carehome-a");
    return patient;
  }

  private static Patient person(String given, String family, String birthDate, String nhs) {
    return person(given, family, birthDate, nhs, AdministrativeGender.FEMALE);
  }

  private static Patient person(
      String given, String family, String birthDate, String nhs, AdministrativeGender sex) {
    Patient patient = Fixtures.resident(family, given);
    patient.setGender(sex);
    patient.setBirthDateElement(new DateType(birthDate));
    if (nhs != null) {
      patient.addIdentifier().setSystem(Fixtures.NHS_NUMBER).setValue(nhs);
    }
    return patient;
  }

  /** A valid number outside the sandbox world's 999 range, so it meets no world Patient. */
  static String validNhsNumber() {
    while (true) {
      String nine =
          "998"
              + String.format(Locale.ROOT, "%06d", ThreadLocalRandom.current().nextInt(1_000_000));
      int check = NhsNumber.checkDigit(nine);
      if (check >= 0) {
        return nine + check;
      }
    }
  }

  /** A valid number with its check digit changed: fails the modulus 11 check. */
  static String invalidNhsNumber() {
    String valid = validNhsNumber();
    int wrong = (valid.charAt(9) - '0' + 1) % 10;
    String candidate = valid.substring(0, 9) + wrong;
    assertThat(NhsNumber.isValid(candidate)).isFalse();
    return candidate;
  }
}
