package uk.carelink.server.ingest;

import java.util.List;
import uk.carelink.mappings.csv.Reject;
import uk.carelink.mappings.engine.FormatDefinition;

/**
 * What an ingest did.
 *
 * @param format the format and mapping version used
 * @param file the file name
 * @param stored whether anything was stored (false: the file was rejected)
 * @param rowsRead data rows in the file
 * @param rowsMapped rows that became resources and were stored (or would have been, if rejected)
 * @param rowsSkipped rows that map to nothing by design (e.g. incidents that are not falls)
 * @param created references of resources created
 * @param updated references of resources whose content changed
 * @param unchanged references of resources that matched and were already up to date
 * @param provenance reference of the ingest's Provenance, if stored
 * @param rejects every problem found, in file order
 */
public record IngestOutcome(
    FormatDefinition format,
    String file,
    boolean stored,
    int rowsRead,
    int rowsMapped,
    int rowsSkipped,
    List<String> created,
    List<String> updated,
    List<String> unchanged,
    String provenance,
    List<Reject> rejects) {}
