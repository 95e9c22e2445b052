package uk.carelink.mappings.engine;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.StringType;

/**
 * Checks one value against its column's type and turns it into the FHIR primitive the map reads.
 * Every failure is a sentence saying what was expected; nothing is guessed (a two-digit year, a
 * month-first date or an unknown code is rejected, not interpreted).
 */
final class ColumnValues {

  private static final Pattern QUANTITY =
      Pattern.compile("^\\s*([0-9]+(?:\\.[0-9]+)?)\\s*(\\S.*)?$");
  private static final String UCUM = "http://unitsofmeasure.org";

  /** A converted value, or the error code and reason. */
  record Checked(Base value, String code, String reason) {
    static Checked ok(Base value) {
      return new Checked(value, null, null);
    }

    static Checked fail(String code, String reason) {
      return new Checked(null, code, reason);
    }

    boolean ok() {
      return code == null;
    }
  }

  private final ZoneId zone;
  private final Map<String, Set<String>> conceptMapCodes;

  ColumnValues(ZoneId zone, Map<String, Set<String>> conceptMapCodes) {
    this.zone = zone;
    this.conceptMapCodes = conceptMapCodes;
  }

  /** {@code raw} is stripped and not empty. */
  Checked check(ColumnSpec column, String raw) {
    return switch (column.type()) {
      case "string" -> string(column, raw);
      case "integer" -> number(column, raw, true);
      case "decimal" -> number(column, raw, false);
      case "date" -> date(column, raw);
      case "datetime" -> dateTime(column, raw);
      case "nhs-number" -> nhsNumber(raw);
      case "code" -> code(column, raw);
      case "boolean" -> bool(column, raw);
      case "quantity" -> quantity(column, raw);
      default -> throw new IllegalStateException("Unknown column type " + column.type());
    };
  }

  private static Checked string(ColumnSpec column, String raw) {
    if (column.maxLength() != null && raw.length() > column.maxLength()) {
      return Checked.fail(
          "FIELD_TOO_LONG", "at most " + column.maxLength() + " characters are accepted here");
    }
    if (column.pattern() != null && !raw.matches(column.pattern())) {
      return Checked.fail("BAD_VALUE", "does not have the expected form " + column.pattern());
    }
    return Checked.ok(new StringType(raw));
  }

  private static Checked number(ColumnSpec column, String raw, boolean integer) {
    BigDecimal number;
    try {
      number = new BigDecimal(raw);
    } catch (NumberFormatException e) {
      return Checked.fail(
          "BAD_NUMBER", "is not a number (digits with an optional '.' decimal point expected)");
    }
    if (integer && number.stripTrailingZeros().scale() > 0) {
      return Checked.fail("BAD_NUMBER", "must be a whole number");
    }
    if ((column.min() != null && number.compareTo(column.min()) < 0)
        || (column.max() != null && number.compareTo(column.max()) > 0)) {
      return Checked.fail(
          "OUT_OF_RANGE",
          "must be between "
              + (column.min() == null ? "-" : column.min().toPlainString())
              + " and "
              + (column.max() == null ? "-" : column.max().toPlainString()));
    }
    if (integer && number.abs().compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
      return Checked.fail("OUT_OF_RANGE", "is too large");
    }
    return Checked.ok(integer ? new IntegerType(number.intValueExact()) : new DecimalType(number));
  }

  private Checked date(ColumnSpec column, String raw) {
    for (String format : column.formats()) {
      try {
        LocalDate date = LocalDate.parse(raw, formatter(format));
        if (date.getYear() < 1850 || date.isAfter(LocalDate.now(zone).plusYears(1))) {
          return Checked.fail("BAD_DATE", "the year " + date.getYear() + " is not plausible");
        }
        // A dateTime of day precision: valid wherever a date or a dateTime goes.
        return Checked.ok(new DateTimeType(date.toString()));
      } catch (DateTimeParseException e) {
        // try the next format
      }
    }
    return Checked.fail(
        "BAD_DATE", "is not a valid date in the form " + String.join(" or ", column.formats()));
  }

  private Checked dateTime(ColumnSpec column, String raw) {
    for (String format : column.formats()) {
      try {
        LocalDateTime local = LocalDateTime.parse(raw, formatter(format));
        if (local.getYear() < 1850 || local.isAfter(LocalDateTime.now(zone).plusYears(1))) {
          return Checked.fail("BAD_DATE", "the year " + local.getYear() + " is not plausible");
        }
        ZonedDateTime zoned = local.atZone(zone);
        return Checked.ok(
            new DateTimeType(
                zoned.toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)));
      } catch (DateTimeParseException e) {
        // try the next format
      }
    }
    return Checked.fail(
        "BAD_DATE",
        "is not a valid date and time in the form " + String.join(" or ", column.formats()));
  }

  private static DateTimeFormatter formatter(String format) {
    return DateTimeFormatter.ofPattern(format.replace("yyyy", "uuuu"), Locale.UK)
        .withResolverStyle(ResolverStyle.STRICT);
  }

  private static Checked nhsNumber(String raw) {
    String digits = raw.replace(" ", "").replace("-", "");
    if (!digits.matches("[0-9]{10}")) {
      return Checked.fail("BAD_NHS_NUMBER", "an NHS number has 10 digits");
    }
    int sum = 0;
    for (int i = 0; i < 9; i++) {
      sum += (digits.charAt(i) - '0') * (10 - i);
    }
    int check = 11 - (sum % 11);
    if (check == 11) {
      check = 0;
    }
    if (check == 10 || check != digits.charAt(9) - '0') {
      return Checked.fail("BAD_NHS_NUMBER", "the check digit (modulus 11) is wrong");
    }
    return Checked.ok(new StringType(digits));
  }

  private Checked code(ColumnSpec column, String raw) {
    Set<String> accepted =
        column.conceptMap() != null
            ? conceptMapCodes.getOrDefault(column.conceptMap(), Set.of())
            : Set.copyOf(column.values());
    if (accepted.contains(raw)) {
      return Checked.ok(new CodeType(raw));
    }
    for (String code : accepted) {
      if (code.equalsIgnoreCase(raw)) {
        return Checked.ok(new CodeType(code));
      }
    }
    return Checked.fail(
        "UNKNOWN_CODE",
        "is not a known code here (accepted: "
            + String.join(", ", new java.util.TreeSet<>(accepted))
            + (column.conceptMap() != null ? "; from " + column.conceptMap() : "")
            + ")");
  }

  private static Checked bool(ColumnSpec column, String raw) {
    if (column.trueValues().stream().anyMatch(raw::equalsIgnoreCase)) {
      return Checked.ok(new BooleanType(true));
    }
    if (column.falseValues().stream().anyMatch(raw::equalsIgnoreCase)) {
      return Checked.ok(new BooleanType(false));
    }
    return Checked.fail(
        "BAD_VALUE",
        "expected one of "
            + String.join(", ", column.trueValues())
            + " (yes) or "
            + String.join(", ", column.falseValues())
            + " (no)");
  }

  private static Checked quantity(ColumnSpec column, String raw) {
    Matcher m = QUANTITY.matcher(raw);
    if (!m.matches() || m.group(2) == null) {
      return Checked.fail(
          "BAD_QUANTITY",
          "expected a number followed by a unit, e.g. 40mg (units: " + units(column) + ")");
    }
    String unit = m.group(2).strip();
    String ucum = null;
    for (Map.Entry<String, String> known : column.units().entrySet()) {
      if (known.getKey().equalsIgnoreCase(unit)) {
        ucum = known.getValue();
      }
    }
    if (ucum == null) {
      return Checked.fail(
          "UNKNOWN_UNIT", "the unit '" + unit + "' is not known (units: " + units(column) + ")");
    }
    BigDecimal value = new BigDecimal(m.group(1));
    if ((column.min() != null && value.compareTo(column.min()) < 0)
        || (column.max() != null && value.compareTo(column.max()) > 0)) {
      return Checked.fail(
          "OUT_OF_RANGE", "the amount must be between " + column.min() + " and " + column.max());
    }
    Quantity quantity = new Quantity().setValue(value).setUnit(ucum).setSystem(UCUM).setCode(ucum);
    return Checked.ok(quantity);
  }

  private static String units(ColumnSpec column) {
    return String.join(", ", new java.util.TreeSet<>(column.units().keySet()));
  }
}
