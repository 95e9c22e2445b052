package uk.carelink.mappings.engine;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * A source format, read from {@code mappings/<name>/format.yaml}: the column schema of the export
 * (its logical model) and the FHIR Mapping Language file that maps one row.
 *
 * @param name the folder name, used as {@code ?format=} of {@code $ingest}
 * @param version the mapping version, recorded in every ingest's Provenance
 * @param title one line
 * @param description what the export is and which systems write it
 * @param sourceSystem the kind of record system that writes it (Provenance)
 * @param rowType the logical type name of one row in the map ({@code source row : <rowType>})
 * @param map the .fml file in the same folder
 * @param timeZone zone of local date-times in the export (UK exports: Europe/London)
 * @param columns the columns; other columns in a file are ignored
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record FormatDefinition(
    String name,
    String version,
    String title,
    String description,
    String sourceSystem,
    String rowType,
    String map,
    String timeZone,
    List<ColumnSpec> columns) {

  public FormatDefinition {
    timeZone = timeZone == null ? "Europe/London" : timeZone;
    columns = columns == null ? List.of() : List.copyOf(columns);
  }

  /** {@code name@version}, as recorded in Provenance. */
  public String mappingVersion() {
    return name + "@" + version;
  }
}
