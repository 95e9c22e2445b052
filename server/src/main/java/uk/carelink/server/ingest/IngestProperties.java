package uk.carelink.server.ingest;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * CSV ingest ({@code carelink.ingest.*}, docs/mappings.md).
 *
 * @param maxRows most data rows one {@code $ingest} upload may hold: the whole file is mapped,
 *     validated and stored in one transaction, so its size is bounded by the heap; a longer file is
 *     answered 413 with a {@code TOO_MANY_ROWS} OperationOutcome before anything is mapped (at most
 *     50,000, the mapping engine's own limit); the default suits a 1 GB heap (bench/README.md)
 * @param lookupChunkSize source keys per identifier search when the stored records matching a
 *     file's rows are looked up
 */
@ConfigurationProperties("carelink.ingest")
public record IngestProperties(
    @DefaultValue("10000") int maxRows, @DefaultValue("200") int lookupChunkSize) {

  public IngestProperties {
    if (maxRows < 1 || lookupChunkSize < 1) {
      throw new IllegalArgumentException(
          "carelink.ingest.max-rows and lookup-chunk-size must be positive");
    }
  }
}
