package uk.carelink.world;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;

/**
 * Writes a world as NDJSON: one transaction bundle per line, in load order, each tagged with the
 * client id of the party that must submit it ({@link #WRITING_PARTY}). A name ending in {@code .gz}
 * is gzipped. Benchmarks replay such files against a server.
 */
public final class WorldFiles {

  /** Tag system on each bundle's meta naming the party (OAuth2 client id) that writes it. */
  public static final String WRITING_PARTY = WorldCodes.PROJECT + "/CodeSystem/writing-party";

  private WorldFiles() {}

  /** Writes the world and returns how many bundles and resources it holds. */
  public static Summary write(WorldGenerator generator, Path file) {
    IParser parser = FhirContext.forR4Cached().newJsonParser().setPrettyPrint(false);
    long[] counts = new long[2];
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      try (OutputStream raw = Files.newOutputStream(file);
          OutputStream out =
              file.getFileName().toString().endsWith(".gz") ? new GZIPOutputStream(raw) : raw;
          BufferedWriter writer =
              new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8))) {
        generator.generate(
            transaction -> {
              Bundle bundle = transaction.bundle();
              bundle
                  .getMeta()
                  .addTag(new Coding(WRITING_PARTY, transaction.party().clientId(), null));
              try {
                writer.write(parser.encodeResourceToString(bundle));
                writer.write('\n');
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
              counts[0]++;
              counts[1] += bundle.getEntry().size();
            });
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
    return new Summary(counts[0], counts[1]);
  }

  /** Bundles and resources written. */
  public record Summary(long bundles, long resources) {}
}
