package uk.carelink.server.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static uk.carelink.server.ingest.CsvUploads.HOME_A;
import static uk.carelink.server.ingest.CsvUploads.HOME_B;
import static uk.carelink.server.ingest.CsvUploads.keySystem;
import static uk.carelink.server.ingest.CsvUploads.sample;
import static uk.carelink.server.ingest.CsvUploads.sampleText;
import static uk.carelink.server.ingest.CsvUploads.upload;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.carelink.profiles.CareLinkProfiles;
import uk.carelink.server.support.FhirApiTest;

/**
 * {@code $ingest}: every sample export maps, validates and stores with the counts and values the
 * file holds; re-ingesting changes nothing; an overlapping export updates only what changed. Counts
 * are of the uploading home's source-key identifier systems, so they do not depend on the sandbox
 * world or on the order tests run in.
 */
class IngestApiTest extends FhirApiTest {

  @Autowired MeterRegistry meters;

  @Test
  void residentRegisterSampleStoresAPatientAndAStayPerRowWithProvenance() {
    Parameters report =
        ingest("carehome-a", "resident-register", "residents.csv", sample(CsvUploads.RESIDENTS));

    assertThat(intParam(report, "rowsRead")).isEqualTo(24);
    assertThat(intParam(report, "rowsMapped")).isEqualTo(24);
    assertThat(intParam(report, "rowsRejected")).isZero();
    assertThat(
            intParam(report, "createdCount")
                + intParam(report, "updatedCount")
                + intParam(report, "unchangedCount"))
        .isEqualTo(48);
    assertThat(countWith("Patient", keySystem(HOME_A, "resident"))).isEqualTo(24);
    assertThat(countWith("EpisodeOfCare", keySystem(HOME_A, "stay"))).isEqualTo(24);

    Patient william = one(Patient.class, keySystem(HOME_A, "resident"), "R1001");
    assertThat(william.getMeta().getProfile().get(0).getValue())
        .isEqualTo(CareLinkProfiles.RESIDENT);
    assertThat(william.getIdentifier())
        .anyMatch(
            i ->
                CareLinkProfiles.NHS_NUMBER.equals(i.getSystem())
                    && "9999772765".equals(i.getValue()))
        .anyMatch(
            i ->
                CareLinkProfiles.RESIDENT_ID.equals(i.getSystem()) && "R1001".equals(i.getValue()));
    assertThat(william.getNameFirstRep().getFamily()).isEqualTo("McIntosh");
    assertThat(william.getBirthDateElement().getValueAsString()).isEqualTo("1926-12-31");
    assertThat(william.getGender().toCode()).isEqualTo("male");
    assertThat(william.getAddressFirstRep().getPostalCode()).isEqualTo("EH4 2XU");
    assertThat(william.getManagingOrganization().getReference()).startsWith("Organization/");
    Patient noNhsNumber = one(Patient.class, keySystem(HOME_A, "resident"), "R1015");
    assertThat(noNhsNumber.getIdentifier())
        .noneMatch(i -> CareLinkProfiles.NHS_NUMBER.equals(i.getSystem()));

    EpisodeOfCare ended = one(EpisodeOfCare.class, keySystem(HOME_A, "stay"), "R1006/2025-01-23");
    assertThat(ended.getStatus().toCode()).isEqualTo("finished");
    assertThat(ended.getPeriod().getEndElement().getValueAsString()).isEqualTo("2025-11-29");
    assertThat(ended.getExtensionByUrl(CareLinkProfiles.EXT_STAY_END_REASON).getValue())
        .satisfies(
            v ->
                assertThat(
                        ((org.hl7.fhir.r4.model.CodeableConcept) v).getCodingFirstRep().getCode())
                    .isEqualTo("hospital"));
    assertThat(ended.getPatient().getReference())
        .isEqualTo(
            one(Patient.class, keySystem(HOME_A, "resident"), "R1006")
                .getIdElement()
                .toUnqualifiedVersionless()
                .getValue());

    Provenance provenance =
        read(
            Provenance.class,
            ((Reference) report.getParameter("provenance").getValue()).getReference());
    assertThat(provenance.getTarget()).hasSize(48);
    assertThat(
            ((StringType)
                    provenance.getExtensionByUrl(CareLinkProfiles.EXT_MAPPING_VERSION).getValue())
                .getValue())
        .isEqualTo("resident-register@1.0.0");
    assertThat(provenance.getEntity().get(0).getWhat().getDisplay())
        .startsWith("residents.csv (24 rows");
    assertThat(provenance.getAgentFirstRep().getWho().getReference()).startsWith("Organization/");
    assertThat(provenance.getAgentFirstRep().getWho().getDisplay()).contains(HOME_A, "carehome-a");
    assertThat(provenance.getRecorded()).isNotNull();
  }

  @Test
  void dailyObservationsSampleStoresOneObservationPerRowUnderItsMeasuresProfile() {
    residentsOf("carehome-a");
    Parameters report =
        ingest(
            "carehome-a",
            "daily-observations",
            "observations.csv",
            sample(CsvUploads.OBSERVATIONS));

    assertThat(intParam(report, "rowsRead")).isEqualTo(366);
    assertThat(intParam(report, "rowsMapped")).isEqualTo(366);
    assertThat(countWith("Observation", keySystem(HOME_A, "observation"))).isEqualTo(366);
    assertThat(countProfile(CareLinkProfiles.BODY_WEIGHT, HOME_A)).isEqualTo(216);
    assertThat(countProfile(CareLinkProfiles.MUST_SCORE, HOME_A)).isEqualTo(48);
    assertThat(countProfile(CareLinkProfiles.WATERLOW_SCORE, HOME_A)).isEqualTo(48);
    assertThat(countProfile(CareLinkProfiles.FRAILTY_SCORE, HOME_A)).isEqualTo(48);
    assertThat(countProfile(CareLinkProfiles.NEWS2_SCORE, HOME_A)).isEqualTo(6);

    Observation weight =
        one(
            Observation.class,
            keySystem(HOME_A, "observation"),
            "R1001/2026-09-01T14:20:00+01:00/WEIGHT");
    assertThat(weight.getValueQuantity().getValue()).isEqualByComparingTo("70.7");
    assertThat(weight.getValueQuantity().getCode()).isEqualTo("kg");
    assertThat(weight.getCode().getCodingFirstRep().getCode()).isEqualTo("29463-7");
    assertThat(weight.getEffectiveDateTimeType().getValueAsString())
        .isEqualTo("2026-09-01T14:20:00+01:00");
    assertThat(weight.getSubject().getReference())
        .isEqualTo(
            one(Patient.class, keySystem(HOME_A, "resident"), "R1001")
                .getIdElement()
                .toUnqualifiedVersionless()
                .getValue());
    Observation news2 =
        search(
                Observation.class,
                "_profile",
                CareLinkProfiles.NEWS2_SCORE,
                "identifier",
                keySystem(HOME_A, "observation") + "|")
            .get(0);
    assertThat(news2.getComponentFirstRep().getCode().getCodingFirstRep().getCode())
        .isEqualTo("soft-signs");
    assertThat(news2.getComponentFirstRep().getValueStringType().getValue()).isNotBlank();
  }

  @Test
  void incidentsSampleStoresEveryFallWithItsComponents() {
    residentsOf("carehome-a");
    Parameters report =
        ingest("carehome-a", "incidents", "incidents.csv", sample(CsvUploads.INCIDENTS));

    assertThat(intParam(report, "rowsMapped")).isEqualTo(20);
    assertThat(intParam(report, "rowsSkipped")).isZero();
    assertThat(countWith("Observation", keySystem(HOME_A, "incident"))).isEqualTo(20);
    Observation fall = one(Observation.class, keySystem(HOME_A, "incident"), "INC-00001");
    assertThat(fall.getMeta().getProfile().get(0).getValue()).isEqualTo(CareLinkProfiles.FALL);
    assertThat(fall.getEffectiveDateTimeType().getValueAsString())
        .isEqualTo("2026-09-27T15:30:00+01:00");
    assertThat(
            component(fall, "fall-injury").getValueCodeableConcept().getCodingFirstRep().getCode())
        .isEqualTo("severe");
    assertThat(component(fall, "fall-witnessed").getValueBooleanType().booleanValue()).isTrue();
    assertThat(component(fall, "fall-hospital-attendance").getValueBooleanType().booleanValue())
        .isTrue();
    assertThat(component(fall, "fall-place").getValueStringType().getValue()).isEqualTo("Corridor");
  }

  @Test
  void emarSampleStoresOneMedicationAdministrationPerScheduledDose() {
    residentsOf("carehome-a");
    Parameters report =
        ingest("carehome-a", "emar", "administrations.csv", sample(CsvUploads.EMAR));

    assertThat(intParam(report, "rowsMapped")).isEqualTo(112);
    String keys = keySystem(HOME_A, "medication-administration");
    assertThat(countWith("MedicationAdministration", keys)).isEqualTo(112);
    assertThat(total("MedicationAdministration", "status", "completed", "identifier", keys + "|"))
        .isEqualTo(61);
    assertThat(total("MedicationAdministration", "status", "not-done", "identifier", keys + "|"))
        .isEqualTo(51);
    MedicationAdministration given =
        one(
            MedicationAdministration.class,
            keys,
            "R1001/2026-11-01T08:00:00Z/Furosemide 40mg tablets");
    assertThat(given.getStatus().toCode()).isEqualTo("completed");
    assertThat(given.getEffectiveDateTimeType().getValueAsString())
        .isEqualTo("2026-11-01T08:04:00Z");
    assertThat(given.getDosage().getDose().getValue()).isEqualByComparingTo("40");
    assertThat(given.getDosage().getDose().getCode()).isEqualTo("mg");
    assertThat(given.getDosage().getRoute().getCodingFirstRep().getCode()).isEqualTo("oral");
    MedicationAdministration notGiven =
        one(
            MedicationAdministration.class,
            keys,
            "R1001/2026-11-01T08:00:00Z/Paracetamol 500mg tablets");
    assertThat(notGiven.getStatus().toCode()).isEqualTo("not-done");
    assertThat(notGiven.getStatusReasonFirstRep().getCodingFirstRep().getCode())
        .isEqualTo("not-available");
  }

  @Test
  void reingestingTheSameFilesCreatesNothingAndChangesNothing() throws InterruptedException {
    ingest("carehome-a", "resident-register", "residents.csv", sample(CsvUploads.RESIDENTS));
    ingest("carehome-a", "incidents", "incidents.csv", sample(CsvUploads.INCIDENTS));
    int patients = count("Patient");
    int observations = count("Observation");
    // Let record linkage (MDM) see the residents first: its golden records must not be matched.
    Thread.sleep(1500);

    Parameters residents =
        ingest("carehome-a", "resident-register", "residents.csv", sample(CsvUploads.RESIDENTS));
    Parameters incidents =
        ingest("carehome-a", "incidents", "incidents.csv", sample(CsvUploads.INCIDENTS));

    assertThat(intParam(residents, "createdCount")).isZero();
    assertThat(intParam(residents, "updatedCount")).isZero();
    assertThat(intParam(residents, "unchangedCount")).isEqualTo(48);
    assertThat(intParam(incidents, "createdCount")).isZero();
    assertThat(intParam(incidents, "updatedCount")).isZero();
    assertThat(intParam(incidents, "unchangedCount")).isEqualTo(20);
    assertThat(count("Patient")).isEqualTo(patients);
    assertThat(count("Observation")).isEqualTo(observations);
    assertThat(countWith("Patient", keySystem(HOME_A, "resident"))).isEqualTo(24);
    assertThat(
            one(Observation.class, keySystem(HOME_A, "incident"), "INC-00001")
                .getMeta()
                .getVersionId())
        .isEqualTo("1");
  }

  @Test
  void anUnchangedReingestWritesNoNewVersionAndReportsEveryRowUnchanged() {
    residentsOf("carehome-a");
    // The sample's first 60 rows at second 07: records no other test makes.
    List<String> lines = sampleText(CsvUploads.OBSERVATIONS).lines().toList();
    List<String> rows =
        lines.subList(1, 61).stream()
            .map(line -> line.replaceFirst("^([^,]*,[^,]*)", "$1:07"))
            .toList();
    byte[] file = csv(lines.get(0), rows);
    Parameters first = ingest("carehome-a", "daily-observations", "obs-07.csv", file);
    List<String> stored = references(first, "created");
    assertThat(stored).hasSize(60);
    List<String> versionsBefore = versions(stored);

    Parameters again = ingest("carehome-a", "daily-observations", "obs-07.csv", file);

    assertThat(intParam(again, "rowsMapped")).isEqualTo(60);
    assertThat(intParam(again, "createdCount")).isZero();
    assertThat(intParam(again, "updatedCount")).isZero();
    assertThat(references(again, "unchanged")).containsExactlyInAnyOrderElementsOf(stored);
    assertThat(versions(stored)).containsExactlyElementsOf(versionsBefore);
    assertThat(versionsBefore).allMatch(v -> v.startsWith("1 "));
    // The upload itself is still recorded, naming the records it matched.
    Provenance provenance =
        read(
            Provenance.class,
            ((Reference) again.getParameter("provenance").getValue()).getReference());
    assertThat(provenance.getTarget().stream().map(Reference::getReference))
        .containsExactlyInAnyOrderElementsOf(stored);
  }

  @Test
  void eachResourceAnIngestWritesIsValidatedOnceNotAgainWhenStored() {
    residentsOf("carehome-a");
    List<String> lines = sampleText(CsvUploads.OBSERVATIONS).lines().toList();
    List<String> rows =
        lines.subList(1, 41).stream()
            .map(line -> line.replaceFirst("^([^,]*,[^,]*)", "$1:09"))
            .toList();
    long before = validations();

    Parameters report =
        ingest("carehome-a", "daily-observations", "obs-09.csv", csv(lines.get(0), rows));

    assertThat(intParam(report, "createdCount")).isEqualTo(40);
    // 40 Observations once in $ingest, and the Provenance once on write: 41. Validating each
    // Observation again on write would make 81 or more; below that is room for writes in the
    // background (record linkage of the residents just ingested, audit).
    assertThat(validations() - before).isBetween(41L, 80L);
  }

  @Test
  void anOverlappingLaterExportCreatesTheNewRowsAndUpdatesOnlyTheChangedOne() {
    residentsOf("carehome-b");
    List<String> lines = sampleText(CsvUploads.OBSERVATIONS).lines().toList();
    String header = lines.get(0);
    // First export: rows 1-200. Later export: rows 151-366, row 160's value corrected.
    List<String> first = new ArrayList<>(lines.subList(1, 201));
    List<String> later = new ArrayList<>(lines.subList(151, 367));
    String original = lines.get(160);
    String[] fields = original.split(",", -1);
    assertThat(fields[2]).isEqualTo("WEIGHT");
    fields[3] = new java.math.BigDecimal(fields[3]).add(java.math.BigDecimal.ONE).toPlainString();
    later.set(160 - 151, String.join(",", fields));

    Parameters one = ingest("carehome-b", "daily-observations", "obs-1.csv", csv(header, first));
    Parameters two = ingest("carehome-b", "daily-observations", "obs-2.csv", csv(header, later));

    assertThat(intParam(one, "createdCount")).isEqualTo(200);
    assertThat(intParam(two, "createdCount")).isEqualTo(166);
    assertThat(intParam(two, "updatedCount")).isEqualTo(1);
    assertThat(intParam(two, "unchangedCount")).isEqualTo(49);
    assertThat(countWith("Observation", keySystem(HOME_B, "observation"))).isEqualTo(366);
    Observation changed =
        one(Observation.class, keySystem(HOME_B, "observation"), observationKey(original));
    assertThat(changed.getMeta().getVersionId()).isEqualTo("2");
    assertThat(changed.getValueQuantity().getValue()).isEqualByComparingTo(fields[3]);
    Observation inBothButUnchanged =
        one(Observation.class, keySystem(HOME_B, "observation"), observationKey(lines.get(170)));
    assertThat(inBothButUnchanged.getMeta().getVersionId()).isEqualTo("1");
  }

  @Test
  void storeValidRowsStoresTheGoodRowsAndReturnsTheRejects() {
    residentsOf("carehome-b");
    String text =
        sampleText(CsvUploads.INCIDENTS)
            .replace("INC-00002,R1001,16/11/2026 12:16", "INC-09002,R1001,31/11/2026 12:16");

    Parameters report =
        parse(
            Parameters.class,
            upload(
                    fhirAs("carehome-b"),
                    "incidents",
                    "incidents.csv",
                    text.getBytes(StandardCharsets.UTF_8),
                    "onError",
                    "store-valid-rows")
                .then()
                .statusCode(200)
                .extract()
                .asString());

    assertThat(intParam(report, "rowsRejected")).isEqualTo(1);
    assertThat(intParam(report, "rowsMapped")).isEqualTo(19);
    Parameters.ParametersParameterComponent reject = report.getParameter("reject");
    assertThat(part(reject, "code")).isEqualTo("BAD_DATE");
    assertThat(part(reject, "row")).isEqualTo("2");
    assertThat(part(reject, "column")).isEqualTo("Date/Time");
    assertThat(part(reject, "value")).isEqualTo("31/11/2026 12:16");
    assertThat(total("Observation", "identifier", keySystem(HOME_B, "incident") + "|INC-09002"))
        .isZero();
    assertThat(total("Observation", "identifier", keySystem(HOME_B, "incident") + "|INC-00001"))
        .isEqualTo(1);
  }

  @Test
  void windows1252AndSemicolonsAndAByteOrderMarkAreRead() {
    residentsOf("carehome-b");
    String text =
        sampleText(CsvUploads.INCIDENTS)
            .replace(",Corridor,Y,Severe,Y,", ",Corridor,Y,Severe,Y,Found by Siân \u2013 ‘no pain’")
            .replace(',', ';');
    byte[] cp1252 = text.getBytes(java.nio.charset.Charset.forName("windows-1252"));

    ingest("carehome-b", "incidents", "incidents-1252.csv", cp1252);

    Observation fall = one(Observation.class, keySystem(HOME_B, "incident"), "INC-00001");
    assertThat(fall.getNoteFirstRep().getText()).isEqualTo("Found by Siân \u2013 ‘no pain’");
    byte[] bom = ("\uFEFF" + sampleText(CsvUploads.INCIDENTS)).getBytes(StandardCharsets.UTF_8);
    Parameters again = ingest("carehome-b", "incidents", "incidents-bom.csv", bom);
    assertThat(intParam(again, "rowsMapped")).isEqualTo(20);
    assertThat(intParam(again, "updatedCount")).isEqualTo(1);
  }

  @Test
  void onlyCareHomePartiesMayIngest() {
    upload(fhirAs("admin"), "incidents", "incidents.csv", sample(CsvUploads.INCIDENTS))
        .then()
        .statusCode(403)
        .body("resourceType", equalTo("OperationOutcome"))
        .body("issue[0].diagnostics", containsString("only a care home"));
    upload(fhirAs("analyst"), "incidents", "incidents.csv", sample(CsvUploads.INCIDENTS))
        .then()
        .statusCode(403)
        .body("issue[0].diagnostics", containsString("Bundle"));
  }

  @Test
  void anIngestNeedsTheScopesOfEveryEntryItWritesAndStoresNothingWithout() {
    residentsOf("carehome-a");
    String noProvenance =
        uk.carelink.server.support.SandboxTokens.fetch(
            port, "carehome-a", "system/Bundle.c system/Observation.cruds system/Patient.cruds");
    String text = sampleText(CsvUploads.INCIDENTS).replace("INC-00001,", "INC-08001,");

    upload(
            fhirAnonymous().auth().oauth2(noProvenance),
            "incidents",
            "incidents.csv",
            text.getBytes(StandardCharsets.UTF_8))
        .then()
        .statusCode(403)
        .body("resourceType", equalTo("OperationOutcome"))
        .body("issue[0].diagnostics", containsString("Bundle.entry[20]"))
        .body("issue[0].diagnostics", containsString("Provenance"));
    assertThat(total("Observation", "identifier", keySystem(HOME_A, "incident") + "|INC-08001"))
        .isZero();
  }

  @Test
  void theCommandLineToolPostsAFileToIngestAsTheCareHome() {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
    uk.carelink.mappings.cli.MappingsCli cli =
        new uk.carelink.mappings.cli.MappingsCli(
            new java.io.PrintStream(out, true, StandardCharsets.UTF_8),
            new java.io.PrintStream(err, true, StandardCharsets.UTF_8));

    int status =
        cli.run(
            new String[] {
              "post",
              "--format",
              "resident-register",
              "--server",
              "http://127.0.0.1:" + port + "/fhir",
              "--client-id",
              "carehome-b",
              "--client-secret",
              "sandbox-secret",
              "../mappings/resident-register/sample/residents.csv"
            });

    assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
    Parameters report = parse(Parameters.class, out.toString(StandardCharsets.UTF_8));
    assertThat(intParam(report, "rowsMapped")).isEqualTo(24);
    assertThat(countWith("Patient", keySystem(HOME_B, "resident"))).isEqualTo(24);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("HTTP 200");
  }

  @Test
  void anUnknownFormatIsABadRequestNamingTheKnownOnes() {
    upload(fhirAs("carehome-a"), "spreadsheet", "x.csv", sample(CsvUploads.INCIDENTS))
        .then()
        .statusCode(400)
        .body("resourceType", equalTo("OperationOutcome"))
        .body(
            "issue[0].diagnostics",
            containsString("daily-observations, emar, incidents, resident-register"));
  }

  // --- helpers ---

  private void residentsOf(String client) {
    ingest(client, "resident-register", "residents.csv", sample(CsvUploads.RESIDENTS));
  }

  private Parameters ingest(String client, String format, String file, byte[] body) {
    String answer =
        upload(fhirAs(client), format, file, body)
            .then()
            .log()
            .ifValidationFails()
            .statusCode(200)
            .extract()
            .asString();
    return parse(Parameters.class, answer);
  }

  /** Resources profile-validated so far (the validator's timer, carelink.validation). */
  private long validations() {
    return meters.get("carelink.validation").timer().count();
  }

  private static List<String> references(Parameters report, String name) {
    return report.getParameter().stream()
        .filter(p -> name.equals(p.getName()))
        .map(p -> ((Reference) p.getValue()).getReference())
        .toList();
  }

  /** "versionId lastUpdated" of each resource, in order. */
  private List<String> versions(List<String> references) {
    return references.stream()
        .map(r -> read(Observation.class, r).getMeta())
        .map(meta -> meta.getVersionId() + " " + meta.getLastUpdatedElement().getValueAsString())
        .toList();
  }

  private static byte[] csv(String header, List<String> rows) {
    return (header + "\r\n" + String.join("\r\n", rows) + "\r\n").getBytes(StandardCharsets.UTF_8);
  }

  private int countWith(String type, String system) {
    return total(type, "identifier", system + "|");
  }

  private int countProfile(String profile, String home) {
    return total(
        "Observation", "_profile", profile, "identifier", keySystem(home, "observation") + "|");
  }

  /** Total of a search: a type and name/value pairs, as the admin sees it. */
  private int total(String type, String... params) {
    io.restassured.specification.RequestSpecification request =
        fhir().queryParam("_summary", "count");
    for (int i = 0; i + 1 < params.length; i += 2) {
      request = request.queryParam(params[i], params[i + 1]);
    }
    return request.get("/" + type).then().statusCode(200).extract().path("total");
  }

  private <T extends Resource> T one(Class<T> type, String system, String value) {
    List<T> found = search(type, "identifier", system + "|" + value);
    assertThat(found).as(type.getSimpleName() + " " + system + "|" + value).hasSize(1);
    return found.get(0);
  }

  private <T extends Resource> List<T> search(Class<T> type, String... params) {
    io.restassured.specification.RequestSpecification request = fhir();
    for (int i = 0; i + 1 < params.length; i += 2) {
      request = request.queryParam(params[i], params[i + 1]);
    }
    Bundle bundle =
        parse(
            Bundle.class,
            request.get("/" + type.getSimpleName()).then().statusCode(200).extract().asString());
    return bundle.getEntry().stream().map(e -> type.cast(e.getResource())).toList();
  }

  private <T extends Resource> T read(Class<T> type, String reference) {
    return parse(type, fhir().get("/" + reference).then().statusCode(200).extract().asString());
  }

  /** The source key of a daily-observations line: resident/time with offset/measure. */
  private static String observationKey(String line) {
    String[] fields = line.split(",", -1);
    return fields[0]
        + "/"
        + java.time.LocalDateTime.parse(fields[1])
            .atZone(java.time.ZoneId.of("Europe/London"))
            .format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME)
        + "/"
        + fields[2];
  }

  private static Observation.ObservationComponentComponent component(
      Observation observation, String code) {
    return observation.getComponent().stream()
        .filter(c -> code.equals(c.getCode().getCodingFirstRep().getCode()))
        .findFirst()
        .orElseThrow();
  }

  private static int intParam(Parameters report, String name) {
    return ((IntegerType) report.getParameter(name).getValue()).getValue();
  }

  private static String part(Parameters.ParametersParameterComponent parameter, String name) {
    return parameter.getPart().stream()
        .filter(p -> name.equals(p.getName()))
        .findFirst()
        .orElseThrow()
        .getValue()
        .primitiveValue();
  }
}
