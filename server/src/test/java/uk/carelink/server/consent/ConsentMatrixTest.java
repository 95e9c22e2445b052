package uk.carelink.server.consent;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Parameters.ParametersParameterComponent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.carelink.server.consent.ConsentFixture.Decision;
import uk.carelink.server.consent.ConsentFixture.Person;
import uk.carelink.server.support.FhirApiTest;

/**
 * Acceptance 1, 4 and 5 of the consent issue: parties × purposes × consent states × access paths,
 * each case asserting exactly which resource ids come back; {@code $explain-access} agreeing with
 * every decision; an AuditEvent with the right outcome for every request.
 *
 * <p>The expectations are written out by hand below (not computed by the code under test). The
 * agreements are the sandbox world's (docs/consent.md): carehome-a shares its residents' Patient,
 * EpisodeOfCare, Observation and MedicationAdministration with the GP practice and the hospital for
 * TREAT and Patient, EpisodeOfCare, Observation with the analyst for HOPERAT; the GP practice
 * shares Patient and Encounter with the homes and the hospital for TREAT; the hospital shares
 * Patient and Encounter with the homes and the GP practice for TREAT. Direct care under an
 * agreement needs the party's own linked record (only the first person has a hospital record).
 */
class ConsentMatrixTest extends FhirApiTest {

  /** Who asks and for what. */
  enum Asker {
    // Care homes' scopes do not cover $everything (it needs a read scope on every type).
    HOME_A_TREAT("carehome-a", "TREAT", ConsentFixture.CAREHOME_A, false),
    HOME_A_HOPERAT("carehome-a", "HOPERAT", ConsentFixture.CAREHOME_A, false),
    HOME_B_TREAT("carehome-b", "TREAT", ConsentFixture.CQC + "|1-101000002", false),
    GP_TREAT("gp-practice", "TREAT", ConsentFixture.GP, true),
    HOSPITAL_TREAT("hospital", "TREAT", ConsentFixture.HOSPITAL, true),
    ANALYST_HOPERAT("analyst", "HOPERAT", ConsentFixture.ODS + "|X1A01", false),
    ANALYST_HRESCH("analyst", "HRESCH", ConsentFixture.ODS + "|X1A01", false),
    ANALYST_PUBHLTH("analyst", "PUBHLTH", ConsentFixture.ODS + "|X1A01", false);

    final String client;
    final String purpose;
    final String organization;
    final boolean mayRunEverything;

    Asker(String client, String purpose, String organization, boolean mayRunEverything) {
      this.client = client;
      this.purpose = purpose;
      this.organization = organization;
      this.mayRunEverything = mayRunEverything;
    }
  }

  /**
   * What each asker sees of each person. Care home data: P Patient, O Observation, E EpisodeOfCare;
   * after '/', the GP's data: P Patient, N Encounter; after the second '/', the hospital's Patient.
   */
  private static final Map<Decision, Map<Asker, String>> EXPECTED = new LinkedHashMap<>();

  static {
    expect(Decision.NONE, "POE/PN/H", "POE//", "//", "POE/PN/H", "POE/PN/H", "POE//", "//", "//");
    expect(Decision.NATIONAL_OPT_OUT, "POE/PN/", "POE//", "//", "POE/PN/", "//", "//", "//", "//");
    expect(Decision.REFUSE_GP, "POE/PN/", "POE//", "//", "/PN/", "//", "POE//", "//", "//");
    expect(Decision.RESEARCH, "POE/PN/", "POE//", "//", "POE/PN/", "//", "POE//", "O//", "//");
    expect(
        Decision.RESEARCH_EXPIRED, "POE/PN/", "POE//", "//", "POE/PN/", "//", "POE//", "//", "//");
    expect(
        Decision.RESEARCH_WITHDRAWN,
        "POE/PN/",
        "POE//",
        "//",
        "POE/PN/",
        "//",
        "POE//",
        "//",
        "//");
    expect(
        Decision.GP_OBSERVATIONS_ONLY,
        "POE/PN/",
        "POE//",
        "//",
        "O/PN/",
        "//",
        "POE//",
        "//",
        "//");
  }

  private static void expect(Decision decision, String... perAsker) {
    Map<Asker, String> row = new LinkedHashMap<>();
    for (Asker asker : Asker.values()) {
      row.put(asker, perAsker[asker.ordinal()]);
    }
    EXPECTED.put(decision, row);
  }

  private static Map<Decision, Person> people;

  @BeforeEach
  void createPeopleOnce() {
    if (people != null) {
      return;
    }
    ConsentFixture fixture = new ConsentFixture(this::fhirAs, fhirContext);
    Map<Decision, Person> created = new LinkedHashMap<>();
    for (Decision decision : Decision.values()) {
      // Only the first person has a hospital record: the hospital's care relationship.
      created.put(decision, fixture.person(decision, decision == Decision.NONE));
    }
    people = created;
  }

  /** One request of the matrix and the ids it must return (null: must answer 404). */
  record Case(Asker asker, Decision decision, String path, String query, Set<String> expected) {
    @Override
    public String toString() {
      return asker + " " + decision + " GET " + path + (query.isEmpty() ? "" : "?" + query);
    }
  }

  private List<Case> cases() {
    List<Case> cases = new ArrayList<>();
    for (Decision decision : Decision.values()) {
      Person p = people.get(decision);
      for (Asker asker : Asker.values()) {
        String[] seen = EXPECTED.get(decision).get(asker).split("/", -1);
        boolean patient = seen[0].contains("P");
        boolean observations = seen[0].contains("O");
        boolean stay = seen[0].contains("E");
        boolean gpPatient = seen[1].contains("P");
        boolean encounter = seen[1].contains("N");
        boolean hospitalPatient = seen[2].contains("H");
        String subject = "subject=Patient/" + p.residentId();

        cases.add(
            new Case(
                asker, decision, "Observation", subject, ids(observations, p.observationIds())));
        cases.add(
            new Case(
                asker,
                decision,
                "EpisodeOfCare",
                "patient=Patient/" + p.residentId(),
                ids(stay, List.of(p.stayId()))));
        String firstObservation = p.observationIds().get(0);
        cases.add(
            new Case(
                asker,
                decision,
                "Observation/" + firstObservation,
                "",
                observations ? Set.of(firstObservation) : null));
        Set<String> withSubject = new TreeSet<>(ids(observations, p.observationIds()));
        if (observations && patient) {
          withSubject.add(p.residentId());
        }
        cases.add(
            new Case(
                asker,
                decision,
                "Observation",
                subject + "&_include=Observation:subject",
                withSubject));
        cases.add(
            new Case(
                asker,
                decision,
                "Encounter",
                "subject:mdm=Patient/" + p.residentId(),
                ids(encounter, List.of(p.encounterId()))));
        cases.add(
            new Case(
                asker,
                decision,
                "Observation/" + firstObservation + "/_history",
                "",
                ids(observations, List.of(firstObservation))));
        if (asker.mayRunEverything) {
          Set<String> everything = new TreeSet<>();
          everything.addAll(ids(patient, List.of(p.residentId())));
          everything.addAll(ids(observations, p.observationIds()));
          everything.addAll(ids(stay, List.of(p.stayId())));
          everything.addAll(ids(gpPatient, List.of(p.gpPatientId())));
          everything.addAll(ids(encounter, List.of(p.encounterId())));
          if (p.hospitalPatientId() != null) {
            everything.addAll(ids(hospitalPatient, List.of(p.hospitalPatientId())));
          }
          // (The resident's own Consent is carehome-a's record, shared by no agreement.)
          cases.add(
              new Case(
                  asker,
                  decision,
                  "Patient/" + p.residentId() + "/$everything",
                  "_mdm=true&_count=100",
                  everything));
        }
      }
    }
    return cases;
  }

  private static Set<String> ids(boolean visible, List<String> ids) {
    return visible ? new TreeSet<>(ids) : new TreeSet<>();
  }

  @Test
  void everyCaseReturnsExactlyTheResourcesConsentAllowsAndIsAudited() throws InterruptedException {
    List<Case> cases = cases();
    assertThat(cases).hasSizeGreaterThanOrEqualTo(150);
    Map<String, Case> byRequestId = new LinkedHashMap<>();
    List<String> failures = new ArrayList<>();
    for (Case c : cases) {
      String requestId = UUID.randomUUID().toString().replace("-", "").substring(0, 16);
      byRequestId.put(requestId, c);
      Response response = request(c.asker(), requestId).get("/" + c.path() + query(c));
      if (c.expected() == null) {
        if (response.statusCode() != 404) {
          failures.add(c + ": expected 404, got " + response.statusCode());
        }
        continue;
      }
      if (response.statusCode() != 200) {
        failures.add(
            c + ": expected 200, got " + response.statusCode() + " " + response.asString());
        continue;
      }
      Set<String> returned = returnedIds(response.asString());
      if (!returned.equals(c.expected())) {
        failures.add(c + ": expected " + c.expected() + ", got " + returned);
      }
    }
    assertThat(failures).as("%d of %d cases wrong", failures.size(), cases.size()).isEmpty();

    assertEveryRequestWasAudited(byRequestId);
  }

  @Test
  void explainAccessGivesTheDecisionsTheApiEnforces() {
    List<String> failures = new ArrayList<>();
    int questions = 0;
    for (Decision decision : Decision.values()) {
      Person p = people.get(decision);
      for (Asker asker : Asker.values()) {
        String[] seen = EXPECTED.get(decision).get(asker).split("/", -1);
        Map<String, Map<String, Boolean>> expectations = new LinkedHashMap<>();
        expectations.put("Observation", Map.of(ConsentFixture.CAREHOME_A, seen[0].contains("O")));
        expectations.put("EpisodeOfCare", Map.of(ConsentFixture.CAREHOME_A, seen[0].contains("E")));
        expectations.put(
            "Patient",
            Map.of(
                ConsentFixture.CAREHOME_A, seen[0].contains("P"),
                ConsentFixture.GP, seen[1].contains("P")));
        expectations.put("Encounter", Map.of(ConsentFixture.GP, seen[1].contains("N")));
        for (Map.Entry<String, Map<String, Boolean>> byClass : expectations.entrySet()) {
          questions++;
          Map<String, String> outcomes = explain(p.residentId(), asker, byClass.getKey());
          for (Map.Entry<String, Boolean> expected : byClass.getValue().entrySet()) {
            String controller = expected.getKey();
            // The party's own data is always visible to it.
            boolean permit = expected.getValue() || controller.equals(asker.organization);
            String outcome = outcomes.get(controller);
            if (!(permit ? "permit" : "deny").equals(outcome)) {
              failures.add(
                  asker
                      + " "
                      + decision
                      + " "
                      + byClass.getKey()
                      + " held by "
                      + controller
                      + ": expected "
                      + (permit ? "permit" : "deny")
                      + ", explained "
                      + outcomes);
            }
          }
        }
      }
    }
    assertThat(questions).isGreaterThanOrEqualTo(200);
    assertThat(failures).as("%d wrong explanations", failures.size()).isEmpty();
  }

  private Map<String, String> explain(String residentId, Asker asker, String type) {
    String body =
        fhir()
            .queryParam("party", asker.organization)
            .queryParam("purpose", asker.purpose)
            .queryParam("class", type)
            .get("/Patient/" + residentId + "/$explain-access")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    Map<String, String> outcomes = new LinkedHashMap<>();
    for (ParametersParameterComponent parameter : parse(Parameters.class, body).getParameter()) {
      if (!"decision".equals(parameter.getName())) {
        continue;
      }
      String controller = null;
      String outcome = null;
      for (ParametersParameterComponent part : parameter.getPart()) {
        if ("controller".equals(part.getName())) {
          var identifier = (org.hl7.fhir.r4.model.Identifier) part.getValue();
          controller = identifier.getSystem() + "|" + identifier.getValue();
        } else if ("outcome".equals(part.getName())) {
          outcome = part.getValue().primitiveValue();
        }
      }
      outcomes.put(controller, outcome);
    }
    return outcomes;
  }

  private void assertEveryRequestWasAudited(Map<String, Case> byRequestId)
      throws InterruptedException {
    List<String> failures = new ArrayList<>();
    for (Map.Entry<String, Case> entry : byRequestId.entrySet()) {
      Case c = entry.getValue();
      AuditEvent event = awaitAuditEvent(entry.getKey());
      if (event == null) {
        failures.add(c + ": no AuditEvent");
        continue;
      }
      String outcome = c.expected() == null ? "4" : "0";
      if (!outcome.equals(event.getOutcome().toCode())) {
        failures.add(c + ": AuditEvent outcome " + event.getOutcome().toCode());
      }
      if (!c.asker().client.equals(event.getAgentFirstRep().getName())
          || !c.asker()
              .purpose
              .equals(event.getPurposeOfEventFirstRep().getCodingFirstRep().getCode())) {
        failures.add(c + ": AuditEvent agent/purpose wrong");
      }
    }
    assertThat(failures).as("%d requests badly audited", failures.size()).isEmpty();
  }

  private AuditEvent awaitAuditEvent(String requestId) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (System.nanoTime() < deadline) {
      Bundle found =
          parse(
              Bundle.class,
              fhir()
                  .queryParam("entity-name", requestId)
                  .get("/AuditEvent")
                  .then()
                  .statusCode(200)
                  .extract()
                  .asString());
      if (!found.getEntry().isEmpty()) {
        assertThat(found.getEntry()).hasSize(1);
        return (AuditEvent) found.getEntryFirstRep().getResource();
      }
      Thread.sleep(100);
    }
    return null;
  }

  private RequestSpecification request(Asker asker, String requestId) {
    return fhirAs(asker.client)
        .header("X-Purpose-Of-Use", asker.purpose)
        .header("X-Request-ID", requestId);
  }

  /**
   * $everything also returns what the records refer to that is about no one (Organizations, the
   * agreements): shared with every party, and not what the matrix is about.
   */
  private static boolean aboutSomeone(org.hl7.fhir.r4.model.Resource resource) {
    if (resource instanceof org.hl7.fhir.r4.model.Consent consent) {
      return consent.hasPatient();
    }
    return !(resource instanceof org.hl7.fhir.r4.model.Organization
        || resource instanceof org.hl7.fhir.r4.model.Location);
  }

  private static String query(Case c) {
    return c.query().isEmpty() ? "" : "?" + c.query();
  }

  /** Ids of the resources in a search Bundle, or of the single resource read. */
  private Set<String> returnedIds(String body) {
    Set<String> ids = new TreeSet<>();
    if (body.contains("\"resourceType\":\"Bundle\"")) {
      Bundle bundle = parse(Bundle.class, body);
      Stream.iterate(bundle, b -> b != null, b -> null)
          .flatMap(b -> b.getEntry().stream())
          .filter(Bundle.BundleEntryComponent::hasResource)
          .map(Bundle.BundleEntryComponent::getResource)
          .filter(ConsentMatrixTest::aboutSomeone)
          .forEach(resource -> ids.add(resource.getIdElement().getIdPart()));
      assertThat(bundle.getLink("next")).as("the matrix fits one page").isNull();
    } else {
      ids.add(parse(org.hl7.fhir.r4.model.Observation.class, body).getIdElement().getIdPart());
    }
    return new LinkedHashSet<>(ids);
  }
}
