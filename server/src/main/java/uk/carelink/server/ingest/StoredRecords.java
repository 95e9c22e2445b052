package uk.carelink.server.ingest;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.r4.model.Resource;
import uk.carelink.mappings.engine.IngestBundle;

/**
 * The stored resources that an ingest's entries match by source key ({@code
 * Type?identifier=system|value}), fetched with one identifier search per chunk of keys and type
 * rather than one search per entry.
 */
final class StoredRecords {

  private final DaoRegistry daos;
  private final int chunkSize;

  StoredRecords(DaoRegistry daos, int chunkSize) {
    this.daos = daos;
    this.chunkSize = chunkSize;
  }

  /**
   * Source key to the current stored version of each entry's record; keys of new records are
   * absent, and so are keys that match more than one stored resource.
   */
  Map<String, Resource> byKey(List<BundleEntryComponent> entries) {
    Map<String, List<String>> tokensByType = new LinkedHashMap<>();
    for (BundleEntryComponent entry : entries) {
      IngestBundle.key(entry.getResource())
          .ifPresent(
              key ->
                  tokensByType
                      .computeIfAbsent(entry.getResource().fhirType(), t -> new ArrayList<>())
                      .add(key.substring(key.indexOf('=') + 1)));
    }
    Map<String, Resource> stored = new HashMap<>();
    Set<String> ambiguous = new HashSet<>();
    for (Map.Entry<String, List<String>> type : tokensByType.entrySet()) {
      List<String> tokens = type.getValue();
      for (int from = 0; from < tokens.size(); from += chunkSize) {
        TokenOrListParam any = new TokenOrListParam();
        for (String token : tokens.subList(from, Math.min(tokens.size(), from + chunkSize))) {
          int bar = token.indexOf('|');
          any.add(token.substring(0, bar), token.substring(bar + 1));
        }
        SearchParameterMap map = SearchParameterMap.newSynchronous();
        map.add("identifier", any);
        IBundleProvider found =
            daos.getResourceDao(type.getKey()).search(map, new SystemRequestDetails());
        for (IBaseResource resource : found.getAllResources()) {
          Resource record = (Resource) resource;
          IngestBundle.key(record)
              .filter(key -> stored.putIfAbsent(key, record) != null)
              .ifPresent(ambiguous::add);
        }
      }
    }
    // Left to the conditional update, which answers a key matching several records with an error.
    ambiguous.forEach(stored::remove);
    return stored;
  }
}
