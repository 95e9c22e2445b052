package uk.carelink.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.UUID;
import uk.carelink.profiles.CareLinkProfiles;
import uk.carelink.world.NhsNumber;
import uk.carelink.world.ResidentHistory.Person;
import uk.carelink.world.SyntheticResidents;

/**
 * Care home pushes that conform to the CareLink profiles: per bundle one care home and, per
 * resident, the resident, the stay, a weight, a MUST score, a NEWS2 score, a fall and a dose given.
 * The validation-cost bench sends bundles claiming the profiles ({@code meta.profile}) to a server
 * validating writes and to one that does not. A bundle can also be made without the claims (the
 * only difference), e.g. to post by hand to a server that validates only what is claimed.
 */
final class ProfiledPushGenerator {

  static final int RESOURCES_PER_RESIDENT = 7;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String UCUM = "http://unitsofmeasure.org";
  private static final String OBS_CATEGORY =
      "http://terminology.hl7.org/CodeSystem/observation-category";

  /**
   * Names, sex and birth date as the sandbox world draws them (the same for the same push and
   * resident): linkage looks for candidates by birth date and by name, so identical demographics
   * would make every resident a candidate of every earlier one, a load no care home sends.
   */
  private static final long DEMOGRAPHICS_SEED = 42;

  private static final LocalDate ADMITTED_ON = LocalDate.of(2024, 11, 19);

  private final int residents;
  private int sequence;

  ProfiledPushGenerator(int residentsPerPush) {
    this.residents = residentsPerPush;
  }

  /** Entries in each bundle. */
  int entriesPerPush() {
    return 1 + residents * RESOURCES_PER_RESIDENT;
  }

  /** The next push (new identifiers each time, so nothing matches an earlier one). */
  byte[] next(boolean claimProfiles) {
    int push = ++sequence;
    ObjectNode bundle = JSON.createObjectNode().put("resourceType", "Bundle");
    bundle.put("type", "transaction");
    ArrayNode entries = bundle.putArray("entry");
    String home = add(entries, careHome(push), claimProfiles ? CareLinkProfiles.CARE_HOME : null);
    for (int r = 0; r < residents; r++) {
      String nhs = NhsNumber.testNumber((push * 97 + r * 13) % 1_000_000).orElse(null);
      if (nhs == null) {
        nhs = NhsNumber.testNumber((push * 97 + r * 13 + 1) % 1_000_000).orElseThrow();
      }
      Person person = SyntheticResidents.draw(DEMOGRAPHICS_SEED, push + "/" + r, ADMITTED_ON);
      String resident =
          add(
              entries,
              resident(nhs, home, person),
              claimProfiles ? CareLinkProfiles.RESIDENT : null);
      add(entries, stay(resident, home), claimProfiles ? CareLinkProfiles.STAY : null);
      add(entries, weight(resident, 60 + r), claimProfiles ? CareLinkProfiles.BODY_WEIGHT : null);
      add(
          entries,
          score(resident, "must-score", "survey", r % 7),
          claimProfiles ? CareLinkProfiles.MUST_SCORE : null);
      add(
          entries,
          score(resident, "news2-score", "survey", r % 21),
          claimProfiles ? CareLinkProfiles.NEWS2_SCORE : null);
      add(entries, fall(resident), claimProfiles ? CareLinkProfiles.FALL : null);
      add(
          entries,
          dose(resident),
          claimProfiles ? CareLinkProfiles.MEDICATION_ADMINISTRATION : null);
    }
    try {
      return JSON.writeValueAsBytes(bundle);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String add(ArrayNode entries, ObjectNode resource, String profile) {
    if (profile != null) {
      resource.putObject("meta").putArray("profile").add(profile);
    }
    String fullUrl = "urn:uuid:" + UUID.randomUUID();
    ObjectNode entry = entries.addObject();
    entry.put("fullUrl", fullUrl);
    entry.set("resource", resource);
    entry
        .putObject("request")
        .put("method", "POST")
        .put("url", resource.get("resourceType").asText());
    return fullUrl;
  }

  private static ObjectNode careHome(int push) {
    ObjectNode o = resource("Organization");
    identifier(o, CareLinkProfiles.CQC_LOCATION, String.format("1-%09d", 500_000_000 + push));
    o.putArray("type").add(concept(CareLinkProfiles.CS_CARE_HOME_TYPE, "nursing"));
    o.put("name", "Bench care home " + push);
    return o;
  }

  private static ObjectNode resident(String nhsNumber, String home, Person person) {
    ObjectNode p = resource("Patient");
    identifier(p, CareLinkProfiles.NHS_NUMBER, nhsNumber);
    ObjectNode name = p.putArray("name").addObject().put("family", person.family());
    name.putArray("given").add(person.given());
    p.put("gender", person.sex().fhirCode());
    p.put("birthDate", person.birthDate().toString());
    p.putObject("managingOrganization").put("reference", home);
    return p;
  }

  private static ObjectNode stay(String resident, String home) {
    ObjectNode e = resource("EpisodeOfCare");
    e.putArray("extension")
        .addObject()
        .put("url", CareLinkProfiles.EXT_CARE_FUNDING)
        .set("valueCodeableConcept", concept(CareLinkProfiles.CS_CARE_FUNDING, "self-funded"));
    e.put("status", "active");
    e.putArray("type").add(concept(CareLinkProfiles.CS_EPISODE_TYPE, "care-home-stay"));
    e.putObject("patient").put("reference", resident);
    e.putObject("managingOrganization").put("reference", home);
    e.putObject("period").put("start", ADMITTED_ON.toString());
    return e;
  }

  private static ObjectNode weight(String resident, double kg) {
    ObjectNode o = observation(resident, "vital-signs");
    o.set("code", concept("http://loinc.org", "29463-7"));
    o.putObject("valueQuantity")
        .put("value", kg)
        .put("unit", "kg")
        .put("system", UCUM)
        .put("code", "kg");
    return o;
  }

  private static ObjectNode score(String resident, String code, String category, int value) {
    ObjectNode o = observation(resident, category);
    o.set("code", concept(CareLinkProfiles.CS_OBSERVATION, code));
    o.put("valueInteger", value);
    return o;
  }

  private static ObjectNode fall(String resident) {
    ObjectNode o = resource("Observation");
    o.put("status", "final");
    o.set("code", concept(CareLinkProfiles.CS_OBSERVATION, "fall"));
    o.putObject("subject").put("reference", resident);
    o.put("effectiveDateTime", "2026-09-27T15:30:00+01:00");
    ArrayNode components = o.putArray("component");
    ObjectNode injury = components.addObject();
    injury.set("code", concept(CareLinkProfiles.CS_OBSERVATION, "fall-injury"));
    injury.set("valueCodeableConcept", concept(CareLinkProfiles.CS_FALL_INJURY, "minor"));
    ObjectNode witnessed = components.addObject();
    witnessed.set("code", concept(CareLinkProfiles.CS_OBSERVATION, "fall-witnessed"));
    witnessed.put("valueBoolean", true);
    ObjectNode hospital = components.addObject();
    hospital.set("code", concept(CareLinkProfiles.CS_OBSERVATION, "fall-hospital-attendance"));
    hospital.put("valueBoolean", false);
    return o;
  }

  private static ObjectNode dose(String resident) {
    ObjectNode m = resource("MedicationAdministration");
    m.putArray("extension")
        .addObject()
        .put("url", CareLinkProfiles.EXT_SCHEDULED_TIME)
        .put("valueDateTime", "2026-11-01T08:00:00Z");
    m.put("status", "completed");
    m.putObject("medicationCodeableConcept").put("text", "Furosemide 40mg tablets");
    m.putObject("subject").put("reference", resident);
    m.put("effectiveDateTime", "2026-11-01T08:04:00Z");
    ObjectNode dosage = m.putObject("dosage");
    dosage.set("route", concept(CareLinkProfiles.CS_MEDICATION_ROUTE, "oral"));
    dosage
        .putObject("dose")
        .put("value", 40)
        .put("unit", "mg")
        .put("system", UCUM)
        .put("code", "mg");
    return m;
  }

  private static ObjectNode observation(String resident, String category) {
    ObjectNode o = resource("Observation");
    o.put("status", "final");
    o.putArray("category").add(concept(OBS_CATEGORY, category));
    o.putObject("subject").put("reference", resident);
    o.put("effectiveDateTime", "2026-09-01T14:20:00+01:00");
    return o;
  }

  private static ObjectNode resource(String type) {
    return JSON.createObjectNode().put("resourceType", type);
  }

  private static void identifier(ObjectNode resource, String system, String value) {
    resource.putArray("identifier").addObject().put("system", system).put("value", value);
  }

  private static ObjectNode concept(String system, String code) {
    ObjectNode c = JSON.createObjectNode();
    c.putArray("coding").addObject().put("system", system).put("code", code);
    return c;
  }
}
