package uk.carelink.server.consent;

import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.Constants;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import java.util.List;

/**
 * Sizes the first pass of a search whose results consent filters. HAPI's search task loads {@code
 * _count + 1} results in its first pass; if consent withholds any of them the page is short, and
 * HAPI starts a second pass up to its next prefetch threshold (hundreds of results) and then makes
 * the request thread wait 500 ms before it looks again. Asking the first pass for a page plus
 * headroom lets a few withheld results go without that second pass. The page the client gets is
 * unchanged: it comes from the request's own {@code _count}.
 */
public class SearchPassHeadroom {

  private final double fraction;

  public SearchPassHeadroom(double fraction) {
    if (fraction < 0) {
      throw new IllegalArgumentException(
          "carelink.consent.first-pass-headroom must be 0 or more, not " + fraction);
    }
    this.fraction = fraction;
  }

  /** Widens the first pass of an asynchronous, counted search; others are left alone. */
  void widenFirstPass(RequestDetails request, SearchParameterMap map) {
    Integer count = map.getCount();
    if (fraction == 0
        || count == null
        || count <= 0
        || map.isLoadSynchronous()
        || map.isOffsetQuery()
        || asksForSynchronousLoad(request)) {
      return;
    }
    map.setCount(count + (int) Math.ceil(count * fraction));
  }

  /** {@code Cache-Control: no-store} makes HAPI load synchronously, up to its own limit. */
  private static boolean asksForSynchronousLoad(RequestDetails request) {
    List<String> cacheControl = request.getHeaders(Constants.HEADER_CACHE_CONTROL);
    return cacheControl != null
        && cacheControl.stream()
            .anyMatch(value -> value.contains(Constants.CACHE_CONTROL_NO_STORE));
  }
}
