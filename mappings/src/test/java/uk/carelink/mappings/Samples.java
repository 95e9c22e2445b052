package uk.carelink.mappings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The sample exports kept beside each format (mappings/<format>/sample/). */
public final class Samples {

  private Samples() {}

  public static final String RESIDENTS = "resident-register/sample/residents.csv";
  public static final String OBSERVATIONS = "daily-observations/sample/observations.csv";
  public static final String INCIDENTS = "incidents/sample/incidents.csv";
  public static final String EMAR = "emar/sample/administrations.csv";

  /** Tests run in mappings/; the samples are in its format folders. */
  public static byte[] bytes(String path) {
    try {
      return Files.readAllBytes(Path.of(path));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
