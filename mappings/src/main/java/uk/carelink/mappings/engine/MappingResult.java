package uk.carelink.mappings.engine;

import java.util.List;
import uk.carelink.mappings.csv.Reject;

/**
 * What mapping a file gave: the rows that mapped and every reject. A file-level reject (row 0)
 * means no row could be read.
 *
 * @param format the format used
 * @param file the file name
 * @param sha256 hex SHA-256 of the uploaded bytes
 * @param charset the character set the file was read in (empty if it could not be read)
 * @param rowsRead data rows found in the file
 * @param mapped rows that mapped
 * @param rejects problems, in file order
 */
public record MappingResult(
    FormatDefinition format,
    String file,
    String sha256,
    String charset,
    int rowsRead,
    List<MappedRow> mapped,
    List<Reject> rejects) {

  public boolean hasRejects() {
    return !rejects.isEmpty();
  }

  public boolean hasFileRejects() {
    return rejects.stream().anyMatch(r -> r.row() == 0);
  }
}
