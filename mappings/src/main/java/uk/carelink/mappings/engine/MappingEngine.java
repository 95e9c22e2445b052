package uk.carelink.mappings.engine;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.hl7.fhir.exceptions.FHIRException;
import org.hl7.fhir.r4.hapi.ctx.HapiWorkerContext;
import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ConceptMap;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.StructureMap;
import org.hl7.fhir.r4.utils.StructureMapUtilities;
import org.hl7.fhir.utilities.npm.NpmPackage;
import uk.carelink.mappings.csv.CsvTable;
import uk.carelink.mappings.csv.CsvText;
import uk.carelink.mappings.csv.Reject;
import uk.carelink.profiles.CareLinkProfiles;

/**
 * Maps care home CSV exports to FHIR resources, one row at a time, with the HL7 reference
 * StructureMap engine ({@link StructureMapUtilities}) running each format's FHIR Mapping Language
 * file. Before mapping, every value is checked against the format's column schema, so a bad value
 * is reported with its row, column and reason instead of surfacing as a mapping failure.
 *
 * <p>Formats are read from the class path ({@code mappings/formats.txt} lists the folders, written
 * by the build from the folders holding a {@code format.yaml}). Thread-safe after construction: the
 * parsed maps are shared, a transformer is made per call.
 */
public final class MappingEngine {

  /** Longest field accepted (characters); longer ones are FIELD_TOO_LONG. */
  public static final int MAX_FIELD_LENGTH = 2_000;

  /** Most data rows in one file. */
  public static final int MAX_ROWS = 50_000;

  private final FhirContext fhir;
  private final HapiWorkerContext worker;
  private final ConceptMaps conceptMaps;
  private final Map<String, LoadedFormat> formats;

  private record LoadedFormat(FormatDefinition definition, StructureMap map, String fml) {}

  private MappingEngine(
      FhirContext fhir,
      HapiWorkerContext worker,
      ConceptMaps conceptMaps,
      Map<String, LoadedFormat> formats) {
    this.fhir = fhir;
    this.worker = worker;
    this.conceptMaps = conceptMaps;
    this.formats = formats;
  }

  /** Loads the CareLink package's ConceptMaps and every format on the class path. */
  public static MappingEngine load(FhirContext fhir) {
    HapiWorkerContext worker = new HapiWorkerContext(fhir, fhir.getValidationSupport());
    ConceptMaps conceptMaps = ConceptMaps.fromPackage(fhir);
    ClassLoader loader = MappingEngine.class.getClassLoader();
    Map<String, LoadedFormat> formats = new TreeMap<>();
    for (String name : resourceText(loader, "mappings/formats.txt").lines().toList()) {
      if (name.isBlank()) {
        continue;
      }
      String folder = "mappings/" + name.strip() + "/";
      FormatDefinition definition = readDefinition(resourceText(loader, folder + "format.yaml"));
      if (!name.strip().equals(definition.name())) {
        throw new IllegalStateException(
            folder + "format.yaml names the format " + definition.name() + ", not its folder");
      }
      String fml = resourceText(loader, folder + definition.map());
      StructureMap map = new StructureMapUtilities(worker).parse(fml, definition.map());
      formats.put(definition.name(), new LoadedFormat(definition, map, fml));
    }
    return new MappingEngine(fhir, worker, conceptMaps, Map.copyOf(formats));
  }

  public FhirContext fhirContext() {
    return fhir;
  }

  /** Names of the formats (the folders under mappings/). */
  public Set<String> formatNames() {
    return new java.util.TreeSet<>(formats.keySet());
  }

  public Optional<FormatDefinition> format(String name) {
    return Optional.ofNullable(formats.get(name)).map(LoadedFormat::definition);
  }

  /** Reads, checks and maps a file. Never throws for bad input: problems are rejects. */
  public MappingResult map(String formatName, String file, byte[] content, IngestContext context) {
    return map(formatName, file, content, context, MAX_ROWS);
  }

  /**
   * As {@link #map(String, String, byte[], IngestContext)}, with at most {@code maxRows} data rows
   * (capped at {@link #MAX_ROWS}): a longer file is one {@code TOO_MANY_ROWS} reject and no row is
   * mapped.
   */
  public MappingResult map(
      String formatName, String file, byte[] content, IngestContext context, int maxRows) {
    LoadedFormat format = formats.get(formatName);
    if (format == null) {
      throw new IllegalArgumentException("Unknown format " + formatName);
    }
    FormatDefinition definition = format.definition();
    String sha256 = sha256(content);
    CsvText.Decoded decoded = CsvText.decode(content, file, context.charset());
    if (!decoded.ok()) {
      return new MappingResult(
          definition, file, sha256, "", 0, List.of(), List.of(decoded.reject()));
    }
    Map<String, ColumnSpec> byHeader = new LinkedHashMap<>();
    for (ColumnSpec column : definition.columns()) {
      byHeader.put(normalise(column.header()), column);
      column.aliases().forEach(alias -> byHeader.put(normalise(alias), column));
    }
    CsvTable table =
        CsvTable.parse(
            decoded.text(), file, byHeader.keySet(), MAX_FIELD_LENGTH, Math.min(maxRows, MAX_ROWS));
    List<Reject> rejects = new ArrayList<>(table.rejects());
    if (table.header().isEmpty()) {
      return new MappingResult(
          definition, file, sha256, decoded.charset().name(), 0, List.of(), rejects);
    }
    Map<ColumnSpec, Integer> positions = positions(table.header(), byHeader, file, rejects);
    if (rejects.stream().anyMatch(r -> r.row() == 0)) {
      return new MappingResult(
          definition,
          file,
          sha256,
          decoded.charset().name(),
          table.records().size(),
          List.of(),
          sorted(rejects));
    }
    if (table.records().isEmpty() && table.rejects().isEmpty()) {
      rejects.add(Reject.ofFile("NO_DATA_ROWS", file, 0, "the file has a header but no data rows"));
    }
    ColumnValues values =
        new ColumnValues(ZoneId.of(definition.timeZone()), conceptMaps.sourceCodesByUrl());
    StructureMapUtilities transformer = new StructureMapUtilities(worker, conceptMaps.services());
    List<MappedRow> mapped = new ArrayList<>();
    for (CsvTable.DataRow record : table.records()) {
      List<Reject> rowRejects = new ArrayList<>();
      SourceRow row = checkRow(definition, record, positions, values, context, file, rowRejects);
      if (!rowRejects.isEmpty()) {
        rejects.addAll(rowRejects);
        continue;
      }
      try {
        Bundle out = new Bundle().setType(Bundle.BundleType.COLLECTION);
        transformer.transform(null, row, format.map(), out);
        List<Resource> resources =
            out.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).toList();
        mapped.add(new MappedRow(record.row(), record.line(), resources));
      } catch (FHIRException | IllegalArgumentException | Error e) {
        rejects.add(
            new Reject(
                "MAPPING_FAILED",
                file,
                record.row(),
                record.line(),
                "",
                "",
                "the map "
                    + definition.mappingVersion()
                    + " could not map the row: "
                    + e.getMessage()));
      }
    }
    int rowsRead =
        table.records().size()
            + (int)
                table.rejects().stream()
                    .filter(r -> r.row() > 0)
                    .map(Reject::row)
                    .distinct()
                    .count();
    return new MappingResult(
        definition, file, sha256, decoded.charset().name(), rowsRead, mapped, sorted(rejects));
  }

  private static List<Reject> sorted(List<Reject> rejects) {
    List<Reject> copy = new ArrayList<>(rejects);
    copy.sort(java.util.Comparator.comparingInt(Reject::row));
    return List.copyOf(copy);
  }

  private static Map<ColumnSpec, Integer> positions(
      List<String> header, Map<String, ColumnSpec> byHeader, String file, List<Reject> rejects) {
    Map<ColumnSpec, Integer> positions = new HashMap<>();
    for (int i = 0; i < header.size(); i++) {
      ColumnSpec column = byHeader.get(normalise(header.get(i)));
      if (column == null) {
        continue;
      }
      if (positions.containsKey(column)) {
        rejects.add(
            Reject.ofFile(
                "DUPLICATE_COLUMN",
                file,
                1,
                "the column '" + column.header() + "' appears twice in the header"));
      }
      positions.put(column, i);
    }
    for (ColumnSpec column : new java.util.LinkedHashSet<>(byHeader.values())) {
      if (!positions.containsKey(column)) {
        rejects.add(
            new Reject(
                "MISSING_COLUMN",
                file,
                0,
                1,
                column.header(),
                "",
                "the header has no column '"
                    + column.header()
                    + "'"
                    + (column.aliases().isEmpty()
                        ? ""
                        : " (or " + String.join(", ", column.aliases()) + ")")
                    + "; found: "
                    + String.join(", ", header)));
      }
    }
    return positions;
  }

  private static SourceRow checkRow(
      FormatDefinition definition,
      CsvTable.DataRow record,
      Map<ColumnSpec, Integer> positions,
      ColumnValues values,
      IngestContext context,
      String file,
      List<Reject> rejects) {
    Map<String, Base> elements = new LinkedHashMap<>();
    Map<String, String> rawByHeader = new HashMap<>();
    for (Map.Entry<ColumnSpec, Integer> position : positions.entrySet()) {
      rawByHeader.put(
          normalise(position.getKey().header()), record.fields().get(position.getValue()).strip());
    }
    for (ColumnSpec declared : definition.columns()) {
      String raw = rawByHeader.getOrDefault(normalise(declared.header()), "");
      ColumnSpec column = declared;
      if (declared.by() != null) {
        String selector = rawByHeader.getOrDefault(normalise(declared.by()), "");
        ColumnSpec variant =
            declared.variants().entrySet().stream()
                .filter(v -> v.getKey().equalsIgnoreCase(selector))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(null);
        if (variant != null) {
          column = declared.with(variant);
        }
      }
      if (raw.isEmpty()) {
        if (column.required()) {
          rejects.add(
              new Reject(
                  "REQUIRED",
                  file,
                  record.row(),
                  record.line(),
                  column.header(),
                  "",
                  "a value is required"));
        }
        elements.put(column.element(), null);
        continue;
      }
      ColumnValues.Checked checked = values.check(column, raw);
      if (!checked.ok()) {
        rejects.add(
            new Reject(
                checked.code(),
                file,
                record.row(),
                record.line(),
                column.header(),
                raw,
                checked.reason()));
        continue;
      }
      elements.put(column.element(), checked.value());
    }
    elements.put("home", new StringType(context.homeId()));
    elements.put("homeSystem", new StringType(context.homeSystem()));
    elements.put("keyBase", new StringType(context.keyBase()));
    elements.put("homeReference", new StringType(context.homeReference()));
    elements.put("rowNumber", new StringType(Integer.toString(record.row())));
    return new SourceRow(definition.rowType(), elements);
  }

  static String normalise(String header) {
    return header.replace("\uFEFF", "").strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }

  private static FormatDefinition readDefinition(String yaml) {
    try {
      return new ObjectMapper(new YAMLFactory()).readValue(yaml, FormatDefinition.class);
    } catch (IOException e) {
      throw new UncheckedIOException("Unreadable format.yaml", e);
    }
  }

  static String resourceText(ClassLoader loader, String path) {
    try (InputStream in = loader.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("Not on the class path: " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(path, e);
    }
  }

  static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The ConceptMaps of the CareLink package, for translate() and for code checks. */
  static final class ConceptMaps {
    private final Map<String, ConceptMap> byUrl;

    private ConceptMaps(Map<String, ConceptMap> byUrl) {
      this.byUrl = byUrl;
    }

    static ConceptMaps fromPackage(FhirContext fhir) {
      Map<String, ConceptMap> byUrl = new HashMap<>();
      try (InputStream tgz =
          MappingEngine.class
              .getClassLoader()
              .getResourceAsStream(CareLinkProfiles.PACKAGE_CLASSPATH)) {
        if (tgz == null) {
          throw new IllegalStateException(
              "No " + CareLinkProfiles.PACKAGE_CLASSPATH + " on the class path");
        }
        NpmPackage npm = NpmPackage.fromPackage(tgz);
        for (String file : npm.list("package")) {
          if (!file.startsWith("ConceptMap-") || !file.endsWith(".json")) {
            continue;
          }
          try (InputStream in = npm.load("package", file)) {
            ConceptMap map = (ConceptMap) fhir.newJsonParser().parseResource(in);
            byUrl.put(map.getUrl(), map);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return new ConceptMaps(Map.copyOf(byUrl));
    }

    Map<String, Set<String>> sourceCodesByUrl() {
      return byUrl.entrySet().stream()
          .collect(
              Collectors.toMap(
                  Map.Entry::getKey,
                  e ->
                      e.getValue().getGroup().stream()
                          .flatMap(g -> g.getElement().stream())
                          .map(ConceptMap.SourceElementComponent::getCode)
                          .collect(Collectors.toUnmodifiableSet())));
    }

    StructureMapUtilities.ITransformerServices services() {
      return new TransformerServices(byUrl);
    }
  }
}
