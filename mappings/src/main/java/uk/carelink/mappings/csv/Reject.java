package uk.carelink.mappings.csv;

/**
 * One problem found in an uploaded file: where (file, data row, column), what (the value) and why.
 * File-level problems (encoding, missing columns, truncation) have row 0; problems of a whole row
 * have an empty column.
 *
 * @param code stable error code (docs/mappings.md, "Errors"), e.g. {@code BAD_DATE}
 * @param file the file name as uploaded
 * @param row 1-based data row (the header is row 0); {@code line} is its line in the file
 * @param line 1-based physical line where the row starts (0 if unknown)
 * @param column the column header, or empty
 * @param value the offending value (shortened to 80 characters), or empty
 * @param reason what is wrong and what is expected, in plain language
 */
public record Reject(
    String code, String file, int row, int line, String column, String value, String reason) {

  private static final int SHOWN_VALUE = 80;

  public Reject {
    column = column == null ? "" : column;
    value = value == null ? "" : shorten(value);
  }

  public static Reject ofFile(String code, String file, int line, String reason) {
    return new Reject(code, file, 0, line, "", "", reason);
  }

  /** One sentence naming everything, e.g. for a CLI or an OperationOutcome diagnostics. */
  public String describe() {
    StringBuilder text = new StringBuilder(file);
    if (row > 0) {
      text.append(" row ").append(row);
    }
    if (line > 0) {
      text.append(" (line ").append(line).append(')');
    }
    if (!column.isEmpty()) {
      text.append(" column '").append(column).append('\'');
    }
    if (!value.isEmpty()) {
      text.append(" value '").append(value).append('\'');
    }
    return text.append(": ").append(code).append(": ").append(reason).toString();
  }

  private static String shorten(String value) {
    return value.length() <= SHOWN_VALUE ? value : value.substring(0, SHOWN_VALUE) + "...";
  }
}
