package uk.carelink.server.ingest;

/** The code system of ingest reject codes in OperationOutcome.issue.details (docs/mappings.md). */
final class ErrorCodes {

  static final String SYSTEM = "https://carelink.example.org/fhir/CodeSystem/ingest-error";

  private ErrorCodes() {}
}
