package uk.carelink.mappings.csv;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * A parsed CSV file (RFC 4180: quoted fields may hold delimiters, quotes doubled, line breaks; CRLF
 * or LF line ends). The delimiter is the one of {@code , ; TAB |} that splits the header into the
 * most known column names. Structural problems are rejects: a quote left open at the end of the
 * file (a truncated export), a row with more or fewer fields than the header, a field longer than
 * the limit.
 */
public final class CsvTable {

  private static final char[] DELIMITERS = {',', ';', '\t', '|'};

  /** A data row: its number (1 = first after the header), first line and fields. */
  public record DataRow(int row, int line, List<String> fields) {}

  private final char delimiter;
  private final List<String> header;
  private final List<DataRow> records;
  private final List<Reject> rejects;

  private CsvTable(
      char delimiter, List<String> header, List<DataRow> records, List<Reject> rejects) {
    this.delimiter = delimiter;
    this.header = header;
    this.records = records;
    this.rejects = rejects;
  }

  public char delimiter() {
    return delimiter;
  }

  public List<String> header() {
    return header;
  }

  /** Rows that parsed cleanly; rows with structural problems are in {@link #rejects()}. */
  public List<DataRow> records() {
    return records;
  }

  public List<Reject> rejects() {
    return rejects;
  }

  /**
   * Parses the text; {@code knownHeaders} (lower case) choose the delimiter. Rows beyond {@code
   * maxRows} and fields beyond {@code maxFieldLength} characters are rejected.
   */
  public static CsvTable parse(
      String text, String file, Collection<String> knownHeaders, int maxFieldLength, int maxRows) {
    List<Reject> rejects = new ArrayList<>();
    List<List<String>> rawRows = new ArrayList<>();
    List<Integer> lines = new ArrayList<>();
    String firstLine = text.lines().findFirst().orElse("");
    char delimiter = chooseDelimiter(firstLine, knownHeaders);

    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean fieldStarted = false;
    int line = 1;
    int rowLine = 1;
    int quoteLine = 0;
    int length = text.length();
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < length && text.charAt(i + 1) == '"') {
            field.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          if (c == '\n') {
            line++;
          }
          field.append(c);
        }
        continue;
      }
      if (c == '"' && field.length() == 0 && !fieldStarted) {
        quoted = true;
        fieldStarted = true;
        quoteLine = line;
      } else if (c == delimiter) {
        fields.add(field.toString());
        field.setLength(0);
        fieldStarted = false;
      } else if (c == '\r' || c == '\n') {
        if (c == '\r' && i + 1 < length && text.charAt(i + 1) == '\n') {
          i++;
        }
        fields.add(field.toString());
        field.setLength(0);
        fieldStarted = false;
        endRow(fields, rawRows, lines, rowLine);
        fields = new ArrayList<>();
        line++;
        rowLine = line;
      } else {
        field.append(c);
        fieldStarted = true;
      }
    }
    if (quoted) {
      rejects.add(
          Reject.ofFile(
              "TRUNCATED_FILE",
              file,
              quoteLine,
              "a quoted field opened on line "
                  + quoteLine
                  + " is never closed: the file is truncated or a quote is unbalanced"));
      return new CsvTable(delimiter, List.of(), List.of(), rejects);
    }
    if (field.length() > 0 || !fields.isEmpty()) {
      fields.add(field.toString());
      endRow(fields, rawRows, lines, rowLine);
    }
    if (rawRows.isEmpty()) {
      rejects.add(Reject.ofFile("EMPTY_FILE", file, 0, "the file has no header row"));
      return new CsvTable(delimiter, List.of(), List.of(), rejects);
    }
    List<String> header = rawRows.get(0).stream().map(String::strip).toList();
    List<DataRow> records = new ArrayList<>();
    for (int r = 1; r < rawRows.size(); r++) {
      List<String> row = rawRows.get(r);
      int rowNumber = r;
      int rowStart = lines.get(r);
      if (rowNumber > maxRows) {
        rejects.add(
            Reject.ofFile(
                "TOO_MANY_ROWS",
                file,
                rowStart,
                "more than " + maxRows + " data rows; split the export into smaller files"));
        break;
      }
      if (row.size() != header.size()) {
        boolean last = r == rawRows.size() - 1;
        rejects.add(
            new Reject(
                "FIELD_COUNT",
                file,
                rowNumber,
                rowStart,
                "",
                "",
                "the row has "
                    + row.size()
                    + " fields but the header has "
                    + header.size()
                    + (last && row.size() < header.size()
                        ? " (the last row is cut short: is the file truncated?)"
                        : " (check the delimiter and quoting)")));
        continue;
      }
      boolean tooLong = false;
      for (int f = 0; f < row.size(); f++) {
        if (row.get(f).length() > maxFieldLength) {
          tooLong = true;
          rejects.add(
              new Reject(
                  "FIELD_TOO_LONG",
                  file,
                  rowNumber,
                  rowStart,
                  header.get(f),
                  row.get(f),
                  "the field has "
                      + row.get(f).length()
                      + " characters; at most "
                      + maxFieldLength
                      + " are accepted"));
        }
      }
      if (!tooLong) {
        records.add(new DataRow(rowNumber, rowStart, row));
      }
    }
    return new CsvTable(delimiter, header, records, rejects);
  }

  private static void endRow(
      List<String> fields, List<List<String>> rows, List<Integer> lines, int line) {
    // Blank lines (a single empty field) are skipped, e.g. a trailing line break.
    if (fields.size() == 1 && fields.get(0).isBlank()) {
      return;
    }
    rows.add(fields);
    lines.add(line);
  }

  private static char chooseDelimiter(String headerLine, Collection<String> knownHeaders) {
    char best = ',';
    long bestScore = -1;
    for (char candidate : DELIMITERS) {
      long score = 0;
      for (String name :
          java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(String.valueOf(candidate)))
              .split(headerLine)) {
        String cleaned = name.strip().replace("\"", "").replace("\uFEFF", "");
        if (knownHeaders.contains(cleaned.toLowerCase(Locale.ROOT))) {
          score++;
        }
      }
      if (score > bestScore) {
        best = candidate;
        bestScore = score;
      }
    }
    return best;
  }
}
