package uk.carelink.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import uk.carelink.bench.CareHomeCodes.Measure;
import uk.carelink.world.NhsNumber;

/**
 * Deterministic generator of care homes' daily pushes: one FHIR transaction bundle per home and
 * day, with the home (Organization), the residents recorded that day (Patient), their observations
 * (weight, NEWS2, MUST, Waterlow, Clinical Frailty Scale) and falls (Observation SNOMED 1912002).
 * Every entry is a conditional create on the source system's identifier and every reference points
 * to a {@code urn:uuid} full URL inside the same bundle. Each home has a fixed roster, so residents
 * recur across days and later pushes exercise the server's conditional-create match path.
 *
 * <p>Push {@code i} is a pure function of (seed, homes, roster size, i): the same seed gives
 * byte-identical bundles, whatever the number of pushes asked for.
 */
public final class CareHomePushGenerator {
  /** First day of the generated period; push i covers day i / homes. */
  public static final LocalDate FIRST_DAY = LocalDate.of(2025, 1, 6);

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter COMPACT_DATE = DateTimeFormatter.BASIC_ISO_DATE;
  private static final DateTimeFormatter DATE_TIME_UTC =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'");
  private static final String[] HOME_NAMES = {
    "Rowan House", "Beech Lodge", "Harbour View", "Meadowbank", "Elm Court", "Thistle Grange",
  };
  private static final String[] FEMALE = {
    "Margaret",
    "Jean",
    "Mary",
    "Elizabeth",
    "Patricia",
    "Joan",
    "Dorothy",
    "Irene",
    "Sheila",
    "Betty",
    "Doreen",
    "Eileen",
    "Maureen",
    "Agnes",
    "Winifred",
    "Edna",
  };
  private static final String[] MALE = {
    "John", "William", "James", "George", "Robert", "Thomas", "Arthur", "Kenneth", "Ronald",
    "Albert", "Frank", "Harold", "Stanley", "Douglas",
  };
  private static final String[] FAMILY = {
    "Smith", "Jones", "Taylor", "Brown", "Wilson", "Evans", "Thomas", "Johnson", "Roberts",
    "Walker", "Wright", "Robinson", "Thompson", "Hughes", "Edwards", "Green", "Hall", "Wood",
    "Harris", "Clarke", "Patel", "Campbell", "Stewart", "Murray",
  };
  private static final String[] FALL_NOTES = {
    "Found on bedroom floor, unwitnessed, no injury.",
    "Slipped in bathroom, witnessed, bruise to left hip.",
    "Fell in lounge while walking with frame, witnessed, no injury.",
    "Rolled out of bed at night, unwitnessed, skin tear to right forearm.",
    "Fell in dining room, witnessed, head injury, ambulance called.",
  };

  /** One generated daily push (the array is never compared: records are only carriers here). */
  @SuppressWarnings("ArrayRecordComponent")
  public record Push(int index, String homeCode, int day, int entries, byte[] json) {
    public String label() {
      return homeCode + "/day-" + day;
    }
  }

  record Resident(
      String residentId,
      String nhsNumber,
      String given,
      String family,
      String gender,
      LocalDate birthDate,
      double baseWeightKg) {}

  record Home(String code, String name, String cqcLocationId, List<Resident> roster) {}

  private final long seed;
  private final List<Home> homes;

  /**
   * @param seed the random seed
   * @param homeCount number of care homes pushing (1..6)
   * @param rosterSize residents per home (each push records 10..20 of them)
   */
  public CareHomePushGenerator(long seed, int homeCount, int rosterSize) {
    if (homeCount < 1 || homeCount > HOME_NAMES.length) {
      throw new IllegalArgumentException("homes must be 1.." + HOME_NAMES.length);
    }
    if (rosterSize < 20) {
      throw new IllegalArgumentException("roster size must be at least 20");
    }
    this.seed = seed;
    this.homes = createHomes(seed, homeCount, rosterSize);
  }

  public CareHomePushGenerator(long seed) {
    this(seed, 4, 24);
  }

  public int homeCount() {
    return homes.size();
  }

  public List<Push> generate(int pushes) {
    List<Push> result = new ArrayList<>(pushes);
    for (int i = 0; i < pushes; i++) {
      result.add(push(i));
    }
    return result;
  }

  public Push push(int index) {
    ObjectNode bundle = bundle(index);
    try {
      return new Push(
          index,
          homes.get(index % homes.size()).code(),
          index / homes.size(),
          bundle.withArray("entry").size(),
          JSON.writeValueAsBytes(bundle));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The transaction bundle of push {@code index} (home index % homes, day index / homes). */
  public ObjectNode bundle(int index) {
    Home home = homes.get(index % homes.size());
    int day = index / homes.size();
    LocalDate date = FIRST_DAY.plusDays(day);
    Random rnd = new Random(mix(seed, index));
    Entries entries = new Entries(seed, index);

    String orgUrl =
        entries.add(
            organization(home),
            "Organization",
            "org",
            identifierQuery(CareHomeCodes.CQC_LOCATION_ID, home.cqcLocationId()));

    List<Resident> today = residentsOfTheDay(home, rnd);
    List<String> residentUrls = new ArrayList<>();
    for (Resident r : today) {
      residentUrls.add(
          entries.add(
              patient(home, r, orgUrl),
              "Patient",
              "patient-" + r.residentId(),
              identifierQuery(CareHomeCodes.residentSystem(home.code()), r.residentId())));
    }
    for (int i = 0; i < today.size(); i++) {
      Resident r = today.get(i);
      for (Measure m : Measure.values()) {
        if (rnd.nextDouble() < m.dailyProbability) {
          String obsId = "OBS-" + date.format(COMPACT_DATE) + "-" + r.residentId() + "-" + m.name();
          ObjectNode obs =
              measurement(home, r, m, obsId, residentUrls.get(i), orgUrl, date, day, rnd);
          entries.add(
              obs,
              "Observation",
              obsId,
              identifierQuery(CareHomeCodes.observationSystem(home.code()), obsId));
        }
      }
    }
    int falls = fallCount(rnd);
    for (int k = 0; k < falls; k++) {
      int who = rnd.nextInt(today.size());
      String incidentId = String.format("INC-%05d", day * 4 + k + 1);
      ObjectNode fall = fall(home, incidentId, residentUrls.get(who), orgUrl, date, rnd);
      entries.add(
          fall,
          "Observation",
          incidentId,
          identifierQuery(CareHomeCodes.incidentSystem(home.code()), incidentId));
    }

    ObjectNode bundle = JSON.createObjectNode();
    bundle.put("resourceType", "Bundle");
    bundle.put("type", "transaction");
    bundle.set("entry", entries.array);
    return bundle;
  }

  private static String identifierQuery(String system, String value) {
    return "identifier=" + system + "|" + value;
  }

  private static List<Resident> residentsOfTheDay(Home home, Random rnd) {
    int count = 10 + rnd.nextInt(11);
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < home.roster().size(); i++) {
      order.add(i);
    }
    Collections.shuffle(order, rnd);
    List<Integer> chosen = new ArrayList<>(order.subList(0, count));
    Collections.sort(chosen);
    List<Resident> result = new ArrayList<>();
    for (int i : chosen) {
      result.add(home.roster().get(i));
    }
    return result;
  }

  private static int fallCount(Random rnd) {
    double p = rnd.nextDouble();
    return p < 0.5 ? 0 : p < 0.85 ? 1 : 2;
  }

  private static ObjectNode organization(Home home) {
    ObjectNode org = JSON.createObjectNode();
    org.put("resourceType", "Organization");
    identifier(org.putArray("identifier"), CareHomeCodes.CQC_LOCATION_ID, home.cqcLocationId());
    org.put("active", true);
    org.put("name", home.name());
    return org;
  }

  private static ObjectNode patient(Home home, Resident r, String orgUrl) {
    ObjectNode p = JSON.createObjectNode();
    p.put("resourceType", "Patient");
    ArrayNode ids = p.putArray("identifier");
    identifier(ids, CareHomeCodes.residentSystem(home.code()), r.residentId());
    identifier(ids, NhsNumber.SYSTEM, r.nhsNumber());
    p.put("active", true);
    ObjectNode name = p.putArray("name").addObject();
    name.put("use", "official");
    name.put("family", r.family());
    name.putArray("given").add(r.given());
    p.put("gender", r.gender());
    p.put("birthDate", r.birthDate().toString());
    p.putObject("managingOrganization").put("reference", orgUrl);
    return p;
  }

  private static ObjectNode measurement(
      Home home,
      Resident r,
      Measure m,
      String obsId,
      String subjectUrl,
      String orgUrl,
      LocalDate date,
      int day,
      Random rnd) {
    ObjectNode obs = observation(CareHomeCodes.observationSystem(home.code()), obsId);
    obs.putArray("category")
        .addObject()
        .putArray("coding")
        .addObject()
        .put("system", CareHomeCodes.OBSERVATION_CATEGORY)
        .put("code", m.category);
    code(obs, m.system, m.code, m.display);
    references(obs, subjectUrl, orgUrl, date, rnd);
    switch (m) {
      case WEIGHT -> {
        double kg = r.baseWeightKg() - 0.01 * day + rnd.nextGaussian() * 0.4;
        ObjectNode q = obs.putObject("valueQuantity");
        q.put("value", Math.round(kg * 10) / 10.0);
        q.put("unit", "kg");
        q.put("system", CareHomeCodes.UCUM);
        q.put("code", "kg");
      }
      case NEWS2 -> obs.put("valueInteger", weighted(rnd, 0, 0, 0, 1, 1, 2, 3, 5, 7));
      case MUST -> obs.put("valueInteger", weighted(rnd, 0, 0, 0, 1, 1, 2, 3));
      case WATERLOW -> obs.put("valueInteger", 8 + rnd.nextInt(17));
      case FRAILTY -> obs.put("valueInteger", 5 + rnd.nextInt(4));
    }
    return obs;
  }

  private static ObjectNode fall(
      Home home, String incidentId, String subjectUrl, String orgUrl, LocalDate date, Random rnd) {
    ObjectNode obs = observation(CareHomeCodes.incidentSystem(home.code()), incidentId);
    code(obs, CareHomeCodes.SNOMED, CareHomeCodes.FALL_CODE, CareHomeCodes.FALL_DISPLAY);
    references(obs, subjectUrl, orgUrl, date, rnd);
    obs.putArray("note").addObject().put("text", FALL_NOTES[rnd.nextInt(FALL_NOTES.length)]);
    return obs;
  }

  private static ObjectNode observation(String system, String value) {
    ObjectNode obs = JSON.createObjectNode();
    obs.put("resourceType", "Observation");
    identifier(obs.putArray("identifier"), system, value);
    obs.put("status", "final");
    return obs;
  }

  private static void code(ObjectNode obs, String system, String code, String display) {
    ObjectNode cc = obs.putObject("code");
    cc.putArray("coding")
        .addObject()
        .put("system", system)
        .put("code", code)
        .put("display", display);
  }

  private static void references(
      ObjectNode obs, String subjectUrl, String orgUrl, LocalDate date, Random rnd) {
    obs.putObject("subject").put("reference", subjectUrl);
    LocalDateTime when = date.atTime(7 + rnd.nextInt(15), rnd.nextInt(60));
    obs.put("effectiveDateTime", when.format(DATE_TIME_UTC));
    obs.putArray("performer").addObject().put("reference", orgUrl);
  }

  private static void identifier(ArrayNode ids, String system, String value) {
    ids.addObject().put("system", system).put("value", value);
  }

  private static int weighted(Random rnd, int... values) {
    return values[rnd.nextInt(values.length)];
  }

  private static List<Home> createHomes(long seed, int homeCount, int rosterSize) {
    Random rnd = new Random(mix(seed, -1));
    int nhsCursor = rnd.nextInt(500_000);
    List<Home> result = new ArrayList<>();
    for (int h = 0; h < homeCount; h++) {
      String code = "carehome-" + (char) ('a' + h);
      List<Resident> roster = new ArrayList<>();
      for (int i = 0; i < rosterSize; i++) {
        String nhs = NhsNumber.testNumber(nhsCursor++).orElse(null);
        while (nhs == null) {
          nhs = NhsNumber.testNumber(nhsCursor++).orElse(null);
        }
        boolean female = rnd.nextDouble() < 0.68;
        roster.add(
            new Resident(
                "R" + (1001 + i),
                nhs,
                female ? FEMALE[rnd.nextInt(FEMALE.length)] : MALE[rnd.nextInt(MALE.length)],
                FAMILY[rnd.nextInt(FAMILY.length)],
                female ? "female" : "male",
                LocalDate.of(1925 + rnd.nextInt(26), 1 + rnd.nextInt(12), 1 + rnd.nextInt(28)),
                Math.round((female ? 52 : 64) + rnd.nextGaussian() * 8) * 1.0));
      }
      result.add(new Home(code, HOME_NAMES[h], "1-10100000" + (h + 1), List.copyOf(roster)));
    }
    return List.copyOf(result);
  }

  private static long mix(long seed, long index) {
    long z = seed * 0x9E3779B97F4A7C15L + index;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** Builds the entry array: a stable urn:uuid per (seed, push, key) and a conditional create. */
  private static final class Entries {
    private final ArrayNode array = JSON.createArrayNode();
    private final long seed;
    private final int push;

    Entries(long seed, int push) {
      this.seed = seed;
      this.push = push;
    }

    String add(ObjectNode resource, String type, String key, String ifNoneExist) {
      String fullUrl =
          "urn:uuid:"
              + UUID.nameUUIDFromBytes(
                  ("carelink-bench:" + seed + ":" + push + ":" + key)
                      .getBytes(StandardCharsets.UTF_8));
      ObjectNode entry = array.addObject();
      entry.put("fullUrl", fullUrl);
      entry.set("resource", resource);
      ObjectNode request = entry.putObject("request");
      request.put("method", "POST");
      request.put("url", type);
      request.put("ifNoneExist", ifNoneExist);
      return fullUrl;
    }
  }
}
