package uk.carelink.mappings.engine;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * One column of a source format (format.yaml): its header as exported, the element name the map
 * reads it by, its type and the checks made before mapping. See docs/mappings.md for the types.
 *
 * @param header the column header as the source system writes it
 * @param aliases other headers accepted for the same column (case and spacing are ignored)
 * @param element the source element name in the map (an FML identifier)
 * @param type string, integer, decimal, date, datetime, nhs-number, code, boolean or quantity
 * @param required whether an empty value is a reject
 * @param description what the column holds
 * @param formats date/datetime patterns accepted, in java.time syntax, tried in order
 * @param pattern regular expression a string must match
 * @param min lowest accepted number
 * @param max highest accepted number
 * @param maxLength longest accepted text
 * @param conceptMap ConceptMap whose source codes are the accepted values of a code column
 * @param values accepted values of a code column (when there is no ConceptMap)
 * @param trueValues values meaning true (boolean)
 * @param falseValues values meaning false (boolean)
 * @param units quantity units as written in the export, mapped to UCUM codes
 * @param by another column whose value selects one of the {@code variants}
 * @param variants checks by the value of the {@code by} column (type, min, max, values, units)
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record ColumnSpec(
    String header,
    List<String> aliases,
    String element,
    String type,
    Boolean required,
    String description,
    List<String> formats,
    String pattern,
    BigDecimal min,
    BigDecimal max,
    Integer maxLength,
    String conceptMap,
    List<String> values,
    List<String> trueValues,
    List<String> falseValues,
    Map<String, String> units,
    String by,
    Map<String, ColumnSpec> variants) {

  public ColumnSpec {
    aliases = aliases == null ? List.of() : List.copyOf(aliases);
    type = type == null ? "string" : type;
    required = required != null && required;
    formats = formats == null ? List.of() : List.copyOf(formats);
    values = values == null ? List.of() : List.copyOf(values);
    trueValues = trueValues == null ? List.of("Y", "Yes", "True", "1") : List.copyOf(trueValues);
    falseValues = falseValues == null ? List.of("N", "No", "False", "0") : List.copyOf(falseValues);
    units = units == null ? Map.of() : Map.copyOf(units);
    variants = variants == null ? Map.of() : Map.copyOf(variants);
  }

  /**
   * This column with a variant's checks laid over it (the variant wins where it says something).
   */
  ColumnSpec with(ColumnSpec variant) {
    return new ColumnSpec(
        header,
        aliases,
        element,
        variant.type != null && !"string".equals(variant.type) ? variant.type : type,
        required,
        description,
        variant.formats.isEmpty() ? formats : variant.formats,
        variant.pattern != null ? variant.pattern : pattern,
        variant.min != null ? variant.min : min,
        variant.max != null ? variant.max : max,
        variant.maxLength != null ? variant.maxLength : maxLength,
        variant.conceptMap != null ? variant.conceptMap : conceptMap,
        variant.values.isEmpty() ? values : variant.values,
        trueValues,
        falseValues,
        variant.units.isEmpty() ? units : variant.units,
        null,
        Map.of());
  }
}
