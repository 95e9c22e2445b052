package uk.carelink.server.consent;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.IPreResourceAccessDetails;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import uk.carelink.server.fhir.AccessControlInterceptor;

/**
 * Decides a type search's results, and what it includes, before HAPI stores them for paging (so
 * pages stay full and hidden resources get no place in them), from HAPI's indexes rather than by
 * loading each result: HAPI's consent interceptor would load and parse every result of the pass for
 * this, only for HAPI to load the page again to answer. Each result is described from the tables
 * ({@link IndexedFactsReader}) and decided by the same {@link AccessDecider}; a result the tables
 * cannot describe exactly, or whose decision depends on its codes (a Consent provision that names
 * codes), is loaded and decided as before. Runs for the searches {@link ControllerNarrowing} marks;
 * HAPI's consent interceptor still checks every resource of the answer as it is written.
 */
public class SearchResultScreening implements AccessControlInterceptor {

  private final ConsentEnforcement enforcement;
  private final IndexedFactsReader indexes;
  private final SearchResultPids pids;
  private final Counter fromIndexes;
  private final Counter loaded;

  SearchResultScreening(
      ConsentEnforcement enforcement,
      IndexedFactsReader indexes,
      SearchResultPids pids,
      MeterRegistry registry) {
    this.enforcement = enforcement;
    this.indexes = indexes;
    this.pids = pids;
    this.fromIndexes = decided("indexes", registry);
    this.loaded = decided("loaded", registry);
  }

  /** How many search results were decided each way: the share loaded is the cost left. */
  private static Counter decided(String how, MeterRegistry registry) {
    return Counter.builder("carelink.consent.screened.results")
        .description("Search results consent decided before paging, from indexes or loaded")
        .tag("decided", how)
        .register(registry);
  }

  @Hook(Pointcut.STORAGE_PREACCESS_RESOURCES)
  public void screen(RequestDetails request, IPreResourceAccessDetails results) {
    Optional<RequestAccess> access = RequestAccess.of(request);
    if (access.isEmpty() || !access.get().resultsDecidedFromIndexes()) {
      return;
    }
    List<Long> ids = pids.of(results).orElse(null);
    Map<Long, IndexedFactsReader.Indexed> indexed = ids == null ? Map.of() : indexes.read(ids);
    enforcement.prepare(access.get(), indexed.values());
    for (int i = 0; i < results.size(); i++) {
      IndexedFactsReader.Indexed described = ids == null ? null : indexed.get(ids.get(i));
      Optional<AccessDecision> decision =
          described == null ? Optional.empty() : enforcement.decide(access.get(), described);
      boolean permitted;
      if (decision.isPresent()) {
        fromIndexes.increment();
        permitted = decision.get().permitted();
      } else {
        loaded.increment();
        permitted = enforcement.permits(request, results.getResource(i));
      }
      if (!permitted) {
        results.setDontReturnResourceAtIndex(i);
      }
    }
  }
}
