package uk.carelink.server.ingest;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Sample exports (mappings/<format>/sample/) and uploads to {@code $ingest}. */
final class CsvUploads {

  static final String RESIDENTS = "resident-register/sample/residents.csv";
  static final String OBSERVATIONS = "daily-observations/sample/observations.csv";
  static final String INCIDENTS = "incidents/sample/incidents.csv";
  static final String EMAR = "emar/sample/administrations.csv";

  static final String HOME_A = "1-101000001";
  static final String HOME_B = "1-101000002";

  private CsvUploads() {}

  static byte[] sample(String path) {
    try {
      return Files.readAllBytes(Path.of("..", "mappings").resolve(path));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String sampleText(String path) {
    return new String(sample(path), StandardCharsets.UTF_8);
  }

  /** POST /fhir/$ingest?format=...&filename=... with the bytes as text/csv. */
  static Response upload(
      RequestSpecification spec, String format, String file, byte[] body, String... params) {
    RequestSpecification request =
        spec.contentType("text/csv").queryParam("format", format).queryParam("filename", file);
    for (int i = 0; i + 1 < params.length; i += 2) {
      request = request.queryParam(params[i], params[i + 1]);
    }
    return request.body(body).post("/$ingest");
  }

  /** The identifier system of one home's records of one kind, e.g. resident. */
  static String keySystem(String home, String kind) {
    return "https://carelink.example.org/Id/source/" + home + "/" + kind;
  }
}
