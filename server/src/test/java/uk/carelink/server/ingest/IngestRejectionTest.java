package uk.carelink.server.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static uk.carelink.server.ingest.CsvUploads.HOME_A;
import static uk.carelink.server.ingest.CsvUploads.keySystem;
import static uk.carelink.server.ingest.CsvUploads.sample;
import static uk.carelink.server.ingest.CsvUploads.upload;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import uk.carelink.server.security.sandbox.SandboxProperties;
import uk.carelink.server.support.FhirApiTest;

/**
 * The malformed-input table (docs/mappings.md, "Errors"): each file gets a 422 OperationOutcome
 * whose issues carry the documented error code, the row and the column, and nothing of it is
 * stored, although every file also holds rows that alone would have been stored.
 */
class IngestRejectionTest extends FhirApiTest {

  @org.springframework.beans.factory.annotation.Autowired IngestProperties ingestProperties;

  private static final String RESIDENT_HEADER =
      "Resident ID,Title,Forename,Surname,Gender,Date of Birth,NHS No,GP Practice Code,Admission Date,"
          + "Discharge Date,Discharge Reason,Room,Funding,Previous Postcode";

  /** A valid new resident: stored if the file were accepted. */
  private static final String GOOD_RESIDENT =
      "R9001,Mrs,Jean,Valid,Female,02/03/1931,999 977 2765,S12345,01/02/2025,,,9,Self-funded,EH4 2XU";

  /** A second resident; the cases break one of its fields. */
  private static final String RESIDENT =
      "R9002,Mr,Tom,Broken,Male,04/05/1933,,S23456,01/03/2025,,,10,Local authority,EH6 7JR";

  private static final String OBSERVATION_HEADER =
      "ResidentRef,RecordedAt,Measure,Value,Unit,Comment";
  private static final String GOOD_OBSERVATION = "R1001,2026-11-20T09:00,WEIGHT,66.6,kg,";
  private static final String INCIDENT_HEADER =
      "Incident ID,Resident ID,Date/Time,Type,Location,Witnessed,Injury,Hospital Attendance,Notes";
  private static final String GOOD_INCIDENT =
      "INC-09001,R1001,20/11/2026 10:00,Fall,Lounge,Y,None,N,";
  private static final String EMAR_HEADER =
      "resident_id,medicine,dose,route,scheduled,administered,outcome_code";
  private static final String GOOD_DOSE =
      "R1001,Senna 7.5mg tablets,2 tablets,Oral,2026-11-20 22:00,2026-11-20 22:05,A";

  private static boolean residentsLoaded;

  @Autowired JWKSource<SecurityContext> sandboxKeys;
  @Autowired SandboxProperties sandbox;

  record Case(
      String name,
      String format,
      byte[] body,
      String code,
      int row,
      String column,
      String[] params) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> malformedInputs() {
    return Stream.of(
        residents(
            "missing column",
            RESIDENT_HEADER.replace(",Date of Birth", ""),
            drop(GOOD_RESIDENT, 5),
            "MISSING_COLUMN",
            0,
            "Date of Birth"),
        residents(
            "missing key column",
            RESIDENT_HEADER.replace("Resident ID,", "Ref,"),
            GOOD_RESIDENT,
            "MISSING_COLUMN",
            0,
            "Resident ID"),
        residents(
            "duplicate column",
            RESIDENT_HEADER + ",Surname",
            GOOD_RESIDENT + ",Valid",
            "DUPLICATE_COLUMN",
            0,
            ""),
        text("empty file", "resident-register", "", "EMPTY_FILE", 0, ""),
        text(
            "header but no rows",
            "resident-register",
            RESIDENT_HEADER + "\r\n",
            "NO_DATA_ROWS",
            0,
            ""),
        residentField("impossible date", 5, "31/02/1933", "BAD_DATE", "Date of Birth"),
        residentField("month-first date", 5, "12/31/1933", "BAD_DATE", "Date of Birth"),
        residentField("two-digit year", 5, "04/05/33", "BAD_DATE", "Date of Birth"),
        residentField("implausible year", 5, "04/05/1733", "BAD_DATE", "Date of Birth"),
        residentField("text as admission date", 8, "last spring", "BAD_DATE", "Admission Date"),
        residentField(
            "NHS number with a wrong check digit", 6, "999 977 2766", "BAD_NHS_NUMBER", "NHS No"),
        residentField("NHS number too short", 6, "999 977 276", "BAD_NHS_NUMBER", "NHS No"),
        residentField("NHS number with letters", 6, "999 ABC 2765", "BAD_NHS_NUMBER", "NHS No"),
        residentField("unknown gender code", 4, "M", "UNKNOWN_CODE", "Gender"),
        residentField("unknown funding", 12, "Council", "UNKNOWN_CODE", "Funding"),
        residentField(
            "unknown discharge reason", 10, "Went home", "UNKNOWN_CODE", "Discharge Reason"),
        residentField("missing surname", 3, "", "REQUIRED", "Surname"),
        residentField("bad GP practice code", 7, "not a code", "BAD_VALUE", "GP Practice Code"),
        residentField("bad postcode", 13, "EH99", "BAD_VALUE", "Previous Postcode"),
        residentField("resident id with spaces", 0, "R 9002", "BAD_VALUE", "Resident ID"),
        residentField(
            "surname longer than allowed", 3, "X".repeat(150), "FIELD_TOO_LONG", "Surname"),
        residentField("huge field", 3, "Y".repeat(100_000), "FIELD_TOO_LONG", "Surname"),
        residents(
            "discharge before admission",
            RESIDENT_HEADER,
            set(set(RESIDENT, 9, "01/01/2025"), 10, "Died"),
            "MAPPING_FAILED",
            2,
            ""),
        residents(
            "discharge reason without a date",
            RESIDENT_HEADER,
            set(RESIDENT, 10, "Died"),
            "MAPPING_FAILED",
            2,
            ""),
        residents(
            "the same resident twice",
            RESIDENT_HEADER,
            GOOD_RESIDENT.replace("Valid", "Twice"),
            "DUPLICATE_RECORD",
            2,
            ""),
        text(
            "truncated file (open quote)",
            "resident-register",
            RESIDENT_HEADER + "\r\n" + GOOD_RESIDENT + "\r\nR9002,Mr,\"Tom,Bro",
            "TRUNCATED_FILE",
            0,
            ""),
        text(
            "truncated last row",
            "resident-register",
            RESIDENT_HEADER + "\r\n" + GOOD_RESIDENT + "\r\nR9002,Mr,Tom,Broken,Male",
            "FIELD_COUNT",
            2,
            ""),
        text(
            "unquoted comma makes extra fields",
            "resident-register",
            RESIDENT_HEADER
                + "\r\n"
                + GOOD_RESIDENT
                + "\r\n"
                + RESIDENT.replace("Broken", "Broken, Jr"),
            "FIELD_COUNT",
            2,
            ""),
        encoded(
            "UTF-16 file",
            (RESIDENT_HEADER + "\r\n" + GOOD_RESIDENT + "\r\n").getBytes(StandardCharsets.UTF_16)),
        encoded("a spreadsheet, not CSV", new byte[] {'P', 'K', 3, 4, 20, 0, 6, 0, 8, 0}),
        encoded(
            "Windows-1252 bytes declared UTF-8",
            (RESIDENT_HEADER + "\r\n" + GOOD_RESIDENT.replace("Valid", "O\u2019Valid") + "\r\n")
                .getBytes(java.nio.charset.Charset.forName("windows-1252")),
            "charset",
            "utf-8"),
        encoded(
            "unsupported charset",
            (RESIDENT_HEADER + "\r\n" + GOOD_RESIDENT + "\r\n").getBytes(StandardCharsets.UTF_8),
            "charset",
            "ebcdic"),
        observations(
            "unknown measure", "R1001,2026-11-20T10:00,BMI,24,score,", "UNKNOWN_CODE", "Measure"),
        observations(
            "MUST score out of range",
            "R1001,2026-11-20T10:00,MUST,7,score,",
            "OUT_OF_RANGE",
            "Value"),
        observations(
            "fractional frailty score",
            "R1001,2026-11-20T10:00,CFS,3.5,score,",
            "BAD_NUMBER",
            "Value"),
        observations(
            "weight in words", "R1001,2026-11-20T10:00,WEIGHT,seventy,kg,", "BAD_NUMBER", "Value"),
        observations(
            "weight in pounds", "R1001,2026-11-20T10:00,WEIGHT,150,lb,", "UNKNOWN_CODE", "Unit"),
        observations(
            "impossible month", "R1001,2026-13-01T10:00,WEIGHT,66,kg,", "BAD_DATE", "RecordedAt"),
        observations(
            "a resource that does not conform to its profile",
            "R1001,2026-11-20T10:00,WEIGHT,66,kg," + MarkedObservationProfileRule.MARKER,
            "PROFILE_INVALID",
            ""),
        observations(
            "resident not in the register",
            "R9999,2026-11-20T10:00,WEIGHT,66,kg,",
            "UNKNOWN_RESIDENT",
            ""),
        incidents(
            "witnessed neither yes nor no",
            "INC-09002,R1001,20/11/2026 11:00,Fall,Lounge,Maybe,None,N,",
            "BAD_VALUE",
            "Witnessed"),
        incidents(
            "unknown injury",
            "INC-09002,R1001,20/11/2026 11:00,Fall,Lounge,Y,Catastrophic,N,",
            "UNKNOWN_CODE",
            "Injury"),
        incidents(
            "date without a time",
            "INC-09002,R1001,20/11/2026,Fall,Lounge,Y,None,N,",
            "BAD_DATE",
            "Date/Time"),
        emar(
            "unknown outcome code",
            "R1001,Senna 7.5mg tablets,2 tablets,Oral,2026-11-21 22:00,,X",
            "UNKNOWN_CODE",
            "outcome_code"),
        emar(
            "dose without a unit",
            "R1001,Senna 7.5mg tablets,lots,Oral,2026-11-21 22:00,,R",
            "BAD_QUANTITY",
            "dose"),
        emar(
            "dose in an unknown unit",
            "R1001,Senna 7.5mg tablets,5 spoons,Oral,2026-11-21 22:00,,R",
            "UNKNOWN_UNIT",
            "dose"),
        emar(
            "unknown route",
            "R1001,Senna 7.5mg tablets,2 tablets,Intravenous,2026-11-21 22:00,,R",
            "UNKNOWN_CODE",
            "route"),
        emar(
            "given without a time",
            "R1001,Senna 7.5mg tablets,2 tablets,Oral,2026-11-21 22:00,,A",
            "MAPPING_FAILED",
            ""),
        emar(
            "refused with a given time",
            "R1001,Senna 7.5mg tablets,2 tablets,Oral,2026-11-21 22:00,2026-11-21 22:03,R",
            "MAPPING_FAILED",
            ""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformedInputs")
  void malformedInputIsRejectedWithItsDocumentedErrorAndNothingIsStored(Case malformed) {
    loadResidentsOnce();
    int provenances = count("Provenance");
    int[] before = keyCounts();

    Response response =
        upload(
            fhirAs("carehome-a"),
            malformed.format(),
            "bad.csv",
            malformed.body(),
            malformed.params());

    response.then().statusCode(422).body("resourceType", equalTo("OperationOutcome"));
    OperationOutcome outcome = parse(OperationOutcome.class, response.asString());
    assertThat(outcome.getIssue())
        .as(response.asString())
        .anySatisfy(
            issue -> {
              assertThat(issue.getDetails().getCodingFirstRep().getCode())
                  .isEqualTo(malformed.code());
              assertThat(issue.getLocation().get(0).getValue())
                  .startsWith("bad.csv#row=" + malformed.row())
                  .endsWith(malformed.column().isEmpty() ? "" : ";column=" + malformed.column());
              assertThat(issue.getDiagnostics()).contains(malformed.code());
            });
    assertThat(count("Provenance")).isEqualTo(provenances);
    assertThat(keyCounts()).containsExactly(before);
  }

  @Test
  void anUploadFromAHomeCareLinkDoesNotKnowIsUnknownCareHomeAndStoresNothing() {
    loadResidentsOnce();
    int provenances = count("Provenance");
    // A valid care home token for a CQC location that has no Organization in CareLink.
    String unknownHome = "1-109999999";

    Response response =
        upload(
            fhirAnonymous().auth().oauth2(careHomeToken(unknownHome)),
            "incidents",
            "incidents.csv",
            sample(CsvUploads.INCIDENTS));

    assertRejected(response, 422, "UNKNOWN_CARE_HOME", "incidents.csv#row=0");
    assertThat(count("Provenance")).isEqualTo(provenances);
    assertThat(total("Observation", keySystem(unknownHome, "incident"))).isZero();
  }

  @Test
  void aFileOfMoreRowsThanOneUploadMayHoldIsTooLargeAndStoresNothing() {
    loadResidentsOnce();
    int provenances = count("Provenance");
    int[] before = keyCounts();
    StringBuilder file = new StringBuilder(OBSERVATION_HEADER).append("\r\n");
    // carelink.ingest.max-rows + 1 distinct rows.
    java.time.LocalDateTime at = java.time.LocalDateTime.of(2026, 1, 1, 0, 0);
    for (int i = 0; i <= ingestProperties.maxRows(); i++) {
      file.append("R1001,").append(at.plusMinutes(i)).append(",WEIGHT,66.6,kg,\r\n");
    }

    Response response =
        upload(
            fhirAs("carehome-a"),
            "daily-observations",
            "big.csv",
            file.toString().getBytes(StandardCharsets.UTF_8));

    assertRejected(response, 413, "TOO_MANY_ROWS", "big.csv#row=0");
    assertThat(count("Provenance")).isEqualTo(provenances);
    assertThat(keyCounts()).containsExactly(before);
  }

  private void assertRejected(Response response, int status, String code, String location) {
    response.then().statusCode(status).body("resourceType", equalTo("OperationOutcome"));
    OperationOutcome outcome = parse(OperationOutcome.class, response.asString());
    assertThat(outcome.getIssue())
        .as(response.asString())
        .anySatisfy(
            issue -> {
              assertThat(issue.getDetails().getCodingFirstRep().getCode()).isEqualTo(code);
              assertThat(issue.getLocation().get(0).getValue()).startsWith(location);
            });
  }

  /** A care home token signed by the sandbox issuer, for a home given by its CQC location id. */
  private String careHomeToken(String cqcLocation) {
    java.time.Instant now = java.time.Instant.now();
    JwtClaimsSet claims =
        JwtClaimsSet.builder()
            .issuer(sandbox.issuer())
            .subject("carehome-unknown")
            .audience(List.of("carelink-fhir"))
            .issuedAt(now)
            .expiresAt(now.plusSeconds(300))
            .claims(
                all ->
                    all.putAll(
                        Map.of(
                            "client_id", "carehome-unknown",
                            "org_system", "https://carelink.example.org/Id/cqc-location-id",
                            "org_value", cqcLocation,
                            "role", "carehome",
                            "purpose_of_use", "TREAT",
                            "scope",
                                List.of(
                                    "system/Bundle.c",
                                    "system/Observation.cruds",
                                    "system/Patient.cruds",
                                    "system/Provenance.cr"))))
            .build();
    return new NimbusJwtEncoder(sandboxKeys)
        .encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(), claims))
        .getTokenValue();
  }

  private int total(String type, String system) {
    return fhir()
        .queryParam("identifier", system + "|")
        .queryParam("_summary", "count")
        .get("/" + type)
        .then()
        .statusCode(200)
        .extract()
        .path("total");
  }

  private int[] keyCounts() {
    return List.of(
            "Patient:resident",
            "EpisodeOfCare:stay",
            "Observation:observation",
            "Observation:incident",
            "MedicationAdministration:medication-administration")
        .stream()
        .mapToInt(
            kind -> {
              String[] parts = kind.split(":");
              return fhir()
                  .queryParam("identifier", keySystem(HOME_A, parts[1]) + "|")
                  .queryParam("_summary", "count")
                  .get("/" + parts[0])
                  .then()
                  .statusCode(200)
                  .extract()
                  .path("total");
            })
        .toArray();
  }

  private void loadResidentsOnce() {
    if (!residentsLoaded) {
      upload(
              fhirAs("carehome-a"),
              "resident-register",
              "residents.csv",
              sample(CsvUploads.RESIDENTS))
          .then()
          .statusCode(200);
      residentsLoaded = true;
    }
  }

  // --- case builders: each file holds a good row first, then the broken one (row 2) ---

  private static Case residents(
      String name, String header, String row, String code, int rowNumber, String column) {
    String good = header.equals(RESIDENT_HEADER) ? GOOD_RESIDENT : row;
    String body =
        header + "\r\n" + good + (header.equals(RESIDENT_HEADER) ? "\r\n" + row : "") + "\r\n";
    return text(name, "resident-register", body, code, rowNumber, column);
  }

  private static Case residentField(
      String name, int field, String value, String code, String column) {
    return afterGoodRow(
        name,
        "resident-register",
        RESIDENT_HEADER,
        GOOD_RESIDENT,
        set(RESIDENT, field, value),
        code,
        column);
  }

  private static Case observations(String name, String row, String code, String column) {
    return afterGoodRow(
        name, "daily-observations", OBSERVATION_HEADER, GOOD_OBSERVATION, row, code, column);
  }

  private static Case incidents(String name, String row, String code, String column) {
    return afterGoodRow(name, "incidents", INCIDENT_HEADER, GOOD_INCIDENT, row, code, column);
  }

  private static Case emar(String name, String row, String code, String column) {
    return afterGoodRow(name, "emar", EMAR_HEADER, GOOD_DOSE, row, code, column);
  }

  /** A file of the header, one good row and the bad row (data row 2), which is rejected. */
  private static Case afterGoodRow(
      String name,
      String format,
      String header,
      String good,
      String row,
      String code,
      String column) {
    return text(name, format, header + "\r\n" + good + "\r\n" + row + "\r\n", code, 2, column);
  }

  /** A register file the server cannot read as text; params are extra query parameters. */
  private static Case encoded(String name, byte[] body, String... params) {
    return new Case(name, "resident-register", body, "UNSUPPORTED_ENCODING", 0, "", params);
  }

  private static Case text(
      String name, String format, String body, String code, int row, String column) {
    return new Case(
        name, format, body.getBytes(StandardCharsets.UTF_8), code, row, column, new String[0]);
  }

  private static String set(String row, int field, String value) {
    String[] fields = row.split(",", -1);
    fields[field] = value;
    return String.join(",", fields);
  }

  private static String drop(String row, int field) {
    List<String> fields = new java.util.ArrayList<>(List.of(row.split(",", -1)));
    fields.remove(field);
    return String.join(",", fields);
  }
}
