package uk.carelink.server.consent;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Consent.ConsentProvisionType;
import org.hl7.fhir.r4.model.Consent.ConsentState;
import org.hl7.fhir.r4.model.Consent.ProvisionComponent;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import uk.carelink.profiles.CareLinkProfiles;
import uk.carelink.server.support.CareHomeRecords;
import uk.carelink.world.NhsNumber;

/**
 * People for consent tests, written through the API as their controllers would: the care home's
 * resident record with observations and a stay (carehome-a), the GP practice's record of the same
 * person (same NHS number, so MDM links them) with an encounter, for some the hospital's record,
 * and the resident's own Consent. Relies on the sandbox world's agreements (docs/consent.md).
 */
final class ConsentFixture {

  static final String CQC = "https://carelink.example.org/Id/cqc-location-id";
  static final String ODS = "https://fhir.nhs.uk/Id/ods-organization-code";
  static final String CAREHOME_A = CQC + "|1-101000001";
  static final String GP = ODS + "|S12345";
  static final String HOSPITAL = ODS + "|X1H01";

  /** One person: ids of each controller's records about them. */
  record Person(
      String tag,
      String residentId,
      List<String> observationIds,
      String stayId,
      String gpPatientId,
      String encounterId,
      String hospitalPatientId,
      String consentId) {}

  /** What a person decided, written as a resident-level Consent by the care home. */
  enum Decision {
    NONE,
    NATIONAL_OPT_OUT,
    REFUSE_GP,
    RESEARCH,
    RESEARCH_EXPIRED,
    RESEARCH_WITHDRAWN,
    GP_OBSERVATIONS_ONLY
  }

  private final Function<String, RequestSpecification> as;
  private final FhirContext context;
  private final String run = Integer.toString(ThreadLocalRandom.current().nextInt(10_000, 99_999));
  private int sequence;

  ConsentFixture(Function<String, RequestSpecification> as, FhirContext context) {
    this.as = as;
    this.context = context;
  }

  Person person(Decision decision, boolean atHospital) {
    int n = ++sequence;
    String tag = "cm" + run + "p" + n;
    String nhs = nhsNumber(n);
    String family = familyName(n);
    String resident = tag + "-ch";
    Patient patient = CareHomeRecords.resident(nhs, "Organization/org-carehome-a");
    patient.setName(List.of(new HumanName().setFamily(family).addGiven(givenName(n))));
    patient.setBirthDateElement(new org.hl7.fhir.r4.model.DateType(birthDate(n)));
    put("carehome-a", resident, patient);
    List<String> observations = new ArrayList<>();
    for (int i = 1; i <= 2; i++) {
      String id = tag + "-wt" + i;
      put("carehome-a", id, CareHomeRecords.weight("Patient/" + resident, 60 + i));
      observations.add(id);
    }
    String stay = tag + "-stay";
    put(
        "carehome-a",
        stay,
        CareHomeRecords.stay("Patient/" + resident, "Organization/org-carehome-a"));

    String gpPatient = tag + "-gp";
    put("gp-practice", gpPatient, nhsPatient(nhs, family, n));
    String encounter = tag + "-enc";
    Encounter visit = new Encounter();
    visit.setStatus(Encounter.EncounterStatus.FINISHED);
    visit.setClass_(
        new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "AMB", "ambulatory"));
    visit.setSubject(new Reference("Patient/" + gpPatient));
    put("gp-practice", encounter, visit);

    String hospitalPatient = null;
    if (atHospital) {
      hospitalPatient = tag + "-hosp";
      put("hospital", hospitalPatient, nhsPatient(nhs, family, n));
    }
    String consent = null;
    if (decision != Decision.NONE) {
      consent = tag + "-consent";
      put("carehome-a", consent, residentConsent(resident, decision));
    }
    Person person =
        new Person(
            tag, resident, observations, stay, gpPatient, encounter, hospitalPatient, consent);
    awaitLinked(person);
    return person;
  }

  /**
   * A resident-level Consent as the care home records it (the CareLink resident-consent profile).
   */
  static Consent residentConsent(String residentId, Decision decision) {
    Consent consent = new Consent();
    consent.getMeta().addProfile(CareLinkProfiles.RESIDENT_CONSENT);
    consent.setStatus(ConsentState.ACTIVE);
    consent.setScope(
        concept("http://terminology.hl7.org/CodeSystem/consentscope", "patient-privacy"));
    consent.addCategory(concept("http://loinc.org", "59284-0"));
    consent.setPatient(new Reference("Patient/" + residentId));
    consent.setDateTimeElement(new DateTimeType("2025-01-10T10:00:00Z"));
    consent.addPolicy().setUri("https://carelink.example.org/agreements/test");
    ProvisionComponent provision = consent.getProvision();
    switch (decision) {
      case NATIONAL_OPT_OUT -> {
        provision.setType(ConsentProvisionType.DENY);
        provision.addPurpose(reason("HRESCH"));
        provision.addPurpose(reason("HOPERAT"));
      }
      case REFUSE_GP -> {
        provision.setType(ConsentProvisionType.DENY);
        provision.addActor(actor(ODS, "S12345"));
      }
      case RESEARCH, RESEARCH_EXPIRED, RESEARCH_WITHDRAWN -> {
        provision.setType(ConsentProvisionType.PERMIT);
        provision.addActor(actor(ODS, "X1A01"));
        provision.addPurpose(reason("HRESCH"));
        provision.addClass_(new Coding("http://hl7.org/fhir/resource-types", "Observation", null));
        provision.setPeriod(
            new Period()
                .setStartElement(new DateTimeType("2025-01-10"))
                .setEndElement(
                    new DateTimeType(
                        decision == Decision.RESEARCH_EXPIRED ? "2025-12-31" : "2030-12-31")));
        if (decision == Decision.RESEARCH_WITHDRAWN) {
          consent.setStatus(ConsentState.INACTIVE);
        }
      }
      case GP_OBSERVATIONS_ONLY -> {
        // Deny the GP, except (nested) its observations.
        provision.setType(ConsentProvisionType.DENY);
        provision.addActor(actor(ODS, "S12345"));
        provision
            .addProvision()
            .setType(ConsentProvisionType.PERMIT)
            .addClass_(new Coding("http://hl7.org/fhir/resource-types", "Observation", null));
      }
      case NONE -> throw new IllegalArgumentException("no Consent for NONE");
    }
    return consent;
  }

  static Consent.provisionActorComponent actor(String system, String value) {
    return new Consent.provisionActorComponent()
        .setRole(concept("http://terminology.hl7.org/CodeSystem/v3-ParticipationType", "IRCP"))
        .setReference(
            new Reference().setIdentifier(new Identifier().setSystem(system).setValue(value)));
  }

  static Coding reason(String code) {
    return new Coding("http://terminology.hl7.org/CodeSystem/v3-ActReason", code, null);
  }

  static CodeableConcept concept(String system, String code) {
    return new CodeableConcept(new Coding(system, code, null));
  }

  void put(String client, String id, Resource resource) {
    resource.setId(id);
    as.apply(client)
        .body(context.newJsonParser().encodeResourceToString(resource))
        .put("/" + resource.fhirType() + "/" + id)
        .then()
        .statusCode(
            org.hamcrest.Matchers.either(org.hamcrest.Matchers.is(201))
                .or(org.hamcrest.Matchers.is(200)));
  }

  /** Waits until MDM has put the person's records under one golden record. */
  private void awaitLinked(Person person) {
    List<String> records = new ArrayList<>(List.of(person.residentId(), person.gpPatientId()));
    if (person.hospitalPatientId() != null) {
      records.add(person.hospitalPatientId());
    }
    long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
    while (true) {
      Map<String, Optional<String>> golden = new LinkedHashMap<>();
      records.forEach(id -> golden.put(id, goldenOf(id)));
      if (golden.values().stream().allMatch(Optional::isPresent)
          && golden.values().stream().map(Optional::get).distinct().count() == 1) {
        return;
      }
      assertThat(System.nanoTime())
          .as("MDM links of %s: %s", person.tag(), golden)
          .isLessThan(deadline);
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  private Optional<String> goldenOf(String patientId) {
    String body =
        as.apply("admin")
            .queryParam("resourceId", "Patient/" + patientId)
            .queryParam("matchResult", "MATCH")
            .get("/$mdm-query-links")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    Parameters links = context.newJsonParser().parseResource(Parameters.class, body);
    for (Parameters.ParametersParameterComponent link : links.getParameter()) {
      for (Parameters.ParametersParameterComponent part : link.getPart()) {
        if ("goldenResourceId".equals(part.getName())) {
          return Optional.of(part.getValue().primitiveValue());
        }
      }
    }
    return Optional.empty();
  }

  private Patient nhsPatient(String nhs, String family, int n) {
    Patient patient = new Patient();
    patient.addIdentifier().setSystem(CareLinkProfiles.NHS_NUMBER).setValue(nhs);
    patient.addName().setFamily(family).addGiven(givenName(n));
    patient.setGender(AdministrativeGender.MALE);
    patient.setBirthDateElement(new org.hl7.fhir.r4.model.DateType(birthDate(n)));
    return patient;
  }

  private String nhsNumber(int n) {
    int base = Integer.parseInt(run) * 7 + n * 131;
    for (int k = 0; ; k++) {
      Optional<String> number = NhsNumber.testNumber((base + k) % 1_000_000);
      if (number.isPresent()) {
        return number.get();
      }
    }
  }

  /**
   * Demographics unlike every other person's (in this run and in other fixtures of the same
   * database), so MDM links a person's records by NHS number and never to someone else.
   */
  private String familyName(int n) {
    java.util.Random random = random(n);
    StringBuilder name = new StringBuilder();
    name.append((char) ('B' + random.nextInt(20)));
    for (int i = 0; i < 7; i++) {
      name.append((char) ('a' + random.nextInt(26)));
    }
    return name.toString();
  }

  private String givenName(int n) {
    String[] names = {
      "Albert",
      "Bernard",
      "Cyril",
      "Desmond",
      "Ernest",
      "Frederick",
      "Gilbert",
      "Horace",
      "Ivor",
      "Julian",
      "Kenneth",
      "Leonard",
      "Maurice",
      "Norman",
      "Oswald",
      "Percy"
    };
    return names[random(n).nextInt(names.length)];
  }

  private String birthDate(int n) {
    java.util.Random random = random(n);
    return String.format(
        "19%02d-%02d-%02d",
        20 + random.nextInt(30), 1 + random.nextInt(12), 1 + random.nextInt(28));
  }

  private java.util.Random random(int n) {
    return new java.util.Random(Long.parseLong(run) * 1_000 + n);
  }
}
