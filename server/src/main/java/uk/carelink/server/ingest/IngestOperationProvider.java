package uk.carelink.server.ingest;

import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.AuthenticationException;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.PayloadTooLargeException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Parameters.ParametersParameterComponent;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import uk.carelink.mappings.csv.Reject;
import uk.carelink.mappings.engine.IngestContext;
import uk.carelink.mappings.engine.MappingEngine;
import uk.carelink.profiles.CareLinkProfiles;
import uk.carelink.server.security.Party;

/**
 * {@code POST /fhir/$ingest?format=NAME} with a care home's CSV export as the body ({@code
 * text/csv}): maps it with the format's mapping ({@code mappings/NAME/}), validates and stores it
 * in one transaction, and answers with a Parameters resource (rows read, mapped, skipped, the
 * resources created, updated and unchanged, the Provenance, any rejects). A file with problems is
 * answered 422 with an OperationOutcome naming file, row, column, value and reason of each, and
 * nothing is stored, unless {@code onError=store-valid-rows}; a file of more rows than {@code
 * carelink.ingest.max-rows} is answered 413 with the same kind of OperationOutcome. Only care home
 * parties ingest: the home's regulator id in the token qualifies the records' identifiers
 * (docs/mappings.md).
 *
 * <p>Optional parameters: {@code filename} (else the Content-Disposition file name), {@code
 * charset} (else the Content-Type charset, else detected).
 */
public class IngestOperationProvider {

  static final String REJECT_FILE = "reject-file";
  static final String STORE_VALID_ROWS = "store-valid-rows";
  private static final Pattern CHARSET = Pattern.compile("(?i)charset\\s*=\\s*\"?([^\";]+)");
  private static final Pattern DISPOSITION_NAME =
      Pattern.compile("(?i)filename\\s*=\\s*\"?([^\";]+)");

  private final MappingEngine engine;
  private final CsvIngest ingest;

  public IngestOperationProvider(MappingEngine engine, CsvIngest ingest) {
    this.engine = engine;
    this.ingest = ingest;
  }

  @Operation(name = "$ingest", manualRequest = true)
  public Parameters ingest(RequestDetails request) {
    Party party =
        Party.from(request)
            .orElseThrow(() -> new AuthenticationException("No authenticated party"));
    if (!CareLinkProfiles.CQC_LOCATION.equals(party.organizationSystem())
        && !CareLinkProfiles.CARE_INSPECTORATE_SERVICE.equals(party.organizationSystem())) {
      throw forbidden(
          "only a care home may ingest its exports: the token's organisation ("
              + party.organizationToken()
              + ") is not a CQC location or Care Inspectorate service");
    }
    String format = single(request, "format");
    if (format == null || format.isBlank()) {
      throw invalid(
          "the format parameter is required: one of " + String.join(", ", engine.formatNames()),
          "format");
    }
    if (engine.format(format).isEmpty()) {
      throw invalid(
          "unknown format '" + format + "': one of " + String.join(", ", engine.formatNames()),
          "format");
    }
    String onError = single(request, "onError");
    if (onError != null && !REJECT_FILE.equals(onError) && !STORE_VALID_ROWS.equals(onError)) {
      throw invalid(
          "onError must be " + REJECT_FILE + " (the default) or " + STORE_VALID_ROWS, "onError");
    }
    String contentType = request.getHeader("Content-Type");
    String charset = single(request, "charset");
    if (charset == null && contentType != null) {
      Matcher m = CHARSET.matcher(contentType);
      charset = m.find() ? m.group(1).strip() : null;
    }
    byte[] content = request.loadRequestContents();
    IngestContext context =
        new IngestContext(
            party.organizationSystem(), party.organizationValue(), party.clientId(), charset);
    IngestOutcome outcome =
        ingest.ingest(
            format,
            fileName(request),
            content == null ? new byte[0] : content,
            context,
            STORE_VALID_ROWS.equals(onError),
            request);
    if (!outcome.stored()
        && outcome.rejects().stream().anyMatch(IngestOperationProvider::tooLarge)) {
      // Too large to take in one transaction: the same OperationOutcome, as 413 like an oversized
      // body (carelink.ingest.max-rows).
      PayloadTooLargeException tooLarge =
          new PayloadTooLargeException(
              outcome.file()
                  + " was rejected and nothing was stored: "
                  + outcome.rejects().stream()
                      .filter(IngestOperationProvider::tooLarge)
                      .findFirst()
                      .orElseThrow()
                      .describe());
      tooLarge.setOperationOutcome(rejectsOutcome(outcome));
      throw tooLarge;
    }
    if (!outcome.stored() && !outcome.rejects().isEmpty()) {
      UnprocessableEntityException rejected =
          new UnprocessableEntityException(
              outcome.file()
                  + " was rejected and nothing was stored: "
                  + outcome.rejects().size()
                  + " problem(s); the first: "
                  + outcome.rejects().get(0).describe());
      rejected.setOperationOutcome(rejectsOutcome(outcome));
      throw rejected;
    }
    return report(outcome);
  }

  private static boolean tooLarge(Reject reject) {
    return "TOO_MANY_ROWS".equals(reject.code());
  }

  private static String fileName(RequestDetails request) {
    String named = single(request, "filename");
    if (named != null && !named.isBlank()) {
      return named.strip();
    }
    String disposition = request.getHeader("Content-Disposition");
    if (disposition != null) {
      Matcher m = DISPOSITION_NAME.matcher(disposition);
      if (m.find()) {
        return m.group(1).strip();
      }
    }
    return "upload.csv";
  }

  private static String single(RequestDetails request, String name) {
    String[] values = request.getParameters().get(name);
    return values == null || values.length == 0 ? null : values[0];
  }

  static OperationOutcome rejectsOutcome(IngestOutcome outcome) {
    OperationOutcome result = new OperationOutcome();
    for (Reject reject : outcome.rejects()) {
      OperationOutcome.OperationOutcomeIssueComponent issue =
          result
              .addIssue()
              .setSeverity(IssueSeverity.ERROR)
              .setCode(issueType(reject.code()))
              .setDiagnostics(reject.describe());
      issue
          .getDetails()
          .addCoding(new org.hl7.fhir.r4.model.Coding(ErrorCodes.SYSTEM, reject.code(), null))
          .setText(reject.reason());
      issue.addLocation(location(reject));
    }
    return result;
  }

  /** {@code residents.csv#row=3;line=4;column=Date of Birth}: where, for tools. */
  static String location(Reject reject) {
    StringBuilder where = new StringBuilder(reject.file());
    where.append("#row=").append(reject.row());
    if (reject.line() > 0) {
      where.append(";line=").append(reject.line());
    }
    if (!reject.column().isEmpty()) {
      where.append(";column=").append(reject.column());
    }
    return where.toString();
  }

  private static IssueType issueType(String code) {
    return switch (code) {
      case "REQUIRED", "MISSING_COLUMN" -> IssueType.REQUIRED;
      case "UNKNOWN_CODE", "UNKNOWN_UNIT" -> IssueType.CODEINVALID;
      case "FIELD_TOO_LONG", "TOO_MANY_ROWS" -> IssueType.TOOLONG;
      case "TRUNCATED_FILE",
          "FIELD_COUNT",
          "EMPTY_FILE",
          "NO_DATA_ROWS",
          "DUPLICATE_COLUMN",
          "UNSUPPORTED_ENCODING" ->
          IssueType.STRUCTURE;
      case "UNKNOWN_RESIDENT", "UNKNOWN_CARE_HOME", "AMBIGUOUS_REFERENCE" -> IssueType.NOTFOUND;
      case "DUPLICATE_RECORD" -> IssueType.DUPLICATE;
      case "PROFILE_INVALID", "MAPPING_FAILED" -> IssueType.PROCESSING;
      default -> IssueType.VALUE;
    };
  }

  static Parameters report(IngestOutcome outcome) {
    Parameters report = new Parameters();
    report.addParameter("format", new StringType(outcome.format().name()));
    report.addParameter("mappingVersion", new StringType(outcome.format().mappingVersion()));
    report.addParameter("file", new StringType(outcome.file()));
    report.addParameter("stored", new BooleanType(outcome.stored()));
    report.addParameter("rowsRead", new IntegerType(outcome.rowsRead()));
    report.addParameter("rowsMapped", new IntegerType(outcome.rowsMapped()));
    report.addParameter("rowsSkipped", new IntegerType(outcome.rowsSkipped()));
    report.addParameter(
        "rowsRejected",
        new IntegerType((int) outcome.rejects().stream().map(Reject::row).distinct().count()));
    addReferences(report, "created", outcome.created());
    addReferences(report, "updated", outcome.updated());
    addReferences(report, "unchanged", outcome.unchanged());
    if (outcome.provenance() != null) {
      report.addParameter().setName("provenance").setValue(new Reference(outcome.provenance()));
    }
    for (Reject reject : outcome.rejects()) {
      ParametersParameterComponent part = report.addParameter().setName("reject");
      part.addPart().setName("code").setValue(new StringType(reject.code()));
      part.addPart().setName("row").setValue(new IntegerType(reject.row()));
      part.addPart().setName("line").setValue(new IntegerType(reject.line()));
      part.addPart().setName("column").setValue(new StringType(reject.column()));
      part.addPart().setName("value").setValue(new StringType(reject.value()));
      part.addPart().setName("reason").setValue(new StringType(reject.reason()));
    }
    return report;
  }

  private static void addReferences(Parameters report, String name, List<String> references) {
    report.addParameter(name + "Count", new IntegerType(references.size()));
    references.forEach(r -> report.addParameter().setName(name).setValue(new Reference(r)));
  }

  private static InvalidRequestException invalid(String message, String parameter) {
    OperationOutcome outcome = new OperationOutcome();
    outcome
        .addIssue()
        .setSeverity(IssueSeverity.ERROR)
        .setCode(IssueType.INVALID)
        .setDiagnostics(message)
        .addLocation("$ingest?" + parameter);
    InvalidRequestException error = new InvalidRequestException(message);
    error.setOperationOutcome(outcome);
    return error;
  }

  private static ForbiddenOperationException forbidden(String message) {
    OperationOutcome outcome = new OperationOutcome();
    outcome
        .addIssue()
        .setSeverity(IssueSeverity.ERROR)
        .setCode(IssueType.FORBIDDEN)
        .setDiagnostics(message);
    return new ForbiddenOperationException(message, outcome);
  }
}
