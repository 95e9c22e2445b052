package uk.carelink.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The outside workload: Synthea's FHIR R4 bundles, posted as the hospital party would. Order as in
 * PERFORMANCE.md: hospital bundles, then practitioner bundles (patient bundles refer to both by
 * conditional references), then patient bundles largest first.
 */
final class SyntheaWorkload {
  private static final JsonFactory JSON = new JsonFactory();

  /** One Synthea output file. */
  record BundleFile(Path path, long bytes, int entries, String type) {
    String name() {
      return path.getFileName().toString();
    }
  }

  private final List<BundleFile> hospitals = new ArrayList<>();
  private final List<BundleFile> practitioners = new ArrayList<>();
  private final List<BundleFile> patients = new ArrayList<>();

  /** Reads a Synthea output directory (the one holding fhir/, or fhir/ itself). */
  SyntheaWorkload(Path dir) throws IOException {
    Path fhir = Files.isDirectory(dir.resolve("fhir")) ? dir.resolve("fhir") : dir;
    List<Path> files;
    try (Stream<Path> s = Files.list(fhir)) {
      files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    if (files.isEmpty()) {
      throw new IOException("no Synthea bundles (*.json) in " + fhir);
    }
    for (Path p : files) {
      BundleFile f = describe(p);
      String name = f.name();
      if (name.startsWith("hospitalInformation")) {
        hospitals.add(f);
      } else if (name.startsWith("practitionerInformation")) {
        practitioners.add(f);
      } else {
        patients.add(f);
      }
    }
    patients.sort(
        Comparator.comparingLong(BundleFile::bytes).reversed().thenComparing(BundleFile::name));
  }

  List<BundleFile> files() {
    List<BundleFile> all = new ArrayList<>(hospitals);
    all.addAll(practitioners);
    all.addAll(patients);
    return all;
  }

  long entries() {
    return files().stream().mapToLong(BundleFile::entries).sum();
  }

  long patientBundles() {
    return patients.size();
  }

  List<List<IngestRunner.Item>> phases() {
    return List.of(items(hospitals), items(practitioners), items(patients));
  }

  private static List<IngestRunner.Item> items(List<BundleFile> files) {
    List<IngestRunner.Item> items = new ArrayList<>();
    for (BundleFile f : files) {
      items.add(
          new IngestRunner.Item(
              f.name(), null, f.entries(), "batch".equals(f.type()), c -> c.postBundle(f.path())));
    }
    return items;
  }

  /** Streams the file to count Bundle.entry and read Bundle.type without loading it. */
  static BundleFile describe(Path path) {
    try (JsonParser p = JSON.createParser(path.toFile())) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new IOException("not a JSON object: " + path);
      }
      String type = "";
      String resourceType = "";
      int entries = 0;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken value = p.nextToken();
        if ("entry".equals(field) && value == JsonToken.START_ARRAY) {
          while (p.nextToken() != JsonToken.END_ARRAY) {
            p.skipChildren();
            entries++;
          }
        } else if ("type".equals(field)) {
          type = p.getValueAsString("");
        } else if ("resourceType".equals(field)) {
          resourceType = p.getValueAsString("");
        } else {
          p.skipChildren();
        }
      }
      if (!"Bundle".equals(resourceType)) {
        throw new IOException("not a Bundle: " + path);
      }
      return new BundleFile(path, Files.size(path), entries, type);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
