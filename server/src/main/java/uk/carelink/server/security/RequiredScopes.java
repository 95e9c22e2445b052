package uk.carelink.server.security;

import static uk.carelink.server.security.Interaction.CREATE;
import static uk.carelink.server.security.Interaction.DELETE;
import static uk.carelink.server.security.Interaction.READ;
import static uk.carelink.server.security.Interaction.SEARCH;
import static uk.carelink.server.security.Interaction.UPDATE;
import static uk.carelink.server.security.SmartScope.ANY_TYPE;

import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.r4.model.Bundle.HTTPVerb;

/**
 * The SMART permissions a FHIR request needs, per resource type and interaction (README, "Access
 * control"). Reads, vreads and instance history need {@code r}; searches and type/system history
 * {@code s}; conditional writes {@code s} besides their own letter, because matching is a search.
 * Every entry of a transaction or batch is checked like the request it stands for. Operations:
 * {@code $everything} reads and searches across types, so it needs {@code *.rs}; {@code $validate},
 * {@code $meta} and terminology look-ups need {@code r}; {@code $ingest} needs {@code Bundle.c}
 * (and its entries their own scopes); any other operation needs every letter on its type, or on
 * {@code *} at system level, so an operation nobody classified is admin-only.
 */
final class RequiredScopes {

  private static final Set<Interaction> ALL = EnumSet.allOf(Interaction.class);
  private static final Set<String> READ_OPERATIONS =
      Set.of(
          "$validate",
          "$meta",
          "$lookup",
          "$validate-code",
          "$expand",
          "$subsumes",
          "$translate",
          "$snapshot",
          "$explain-access");
  private static final Set<String> UPDATE_OPERATIONS = Set.of("$meta-add", "$meta-delete");

  private RequiredScopes() {}

  /** Needs of a request; empty for requests that need none (the CapabilityStatement). */
  static List<ScopeNeed> of(RequestDetails request, RestOperationTypeEnum operation) {
    String type = request.getResourceName();
    return switch (operation) {
      case METADATA -> List.of();
      case READ, VREAD, HISTORY_INSTANCE, GET_TAGS -> List.of(ScopeNeed.of(type, READ));
      case SEARCH_TYPE, HISTORY_TYPE -> List.of(ScopeNeed.of(type, SEARCH));
      case SEARCH_SYSTEM, HISTORY_SYSTEM -> List.of(ScopeNeed.of(ANY_TYPE, SEARCH));
      case CREATE ->
          withSearchIf(
              request.getHeader("If-None-Exist") != null, ScopeNeed.of(type, CREATE), type);
      case UPDATE, PATCH -> withSearchIf(isConditional(request), ScopeNeed.of(type, UPDATE), type);
      case DELETE -> withSearchIf(isConditional(request), ScopeNeed.of(type, DELETE), type);
      case META -> List.of(ScopeNeed.of(type == null ? ANY_TYPE : type, READ));
      case META_ADD, META_DELETE, ADD_TAGS, DELETE_TAGS -> List.of(ScopeNeed.of(type, UPDATE));
      case VALIDATE -> List.of(ScopeNeed.of(type == null ? ANY_TYPE : type, READ));
      case TRANSACTION, BATCH -> ofBundle(request);
      case EXTENDED_OPERATION_SERVER, EXTENDED_OPERATION_TYPE, EXTENDED_OPERATION_INSTANCE ->
          ofOperation(request.getOperation(), type);
      default -> all(ANY_TYPE);
    };
  }

  private static boolean isConditional(RequestDetails request) {
    // A conditional update or delete names its target by a search URL instead of an id.
    return request.getId() == null || !request.getId().hasIdPart();
  }

  private static List<ScopeNeed> withSearchIf(boolean conditional, ScopeNeed need, String type) {
    return conditional ? List.of(need, ScopeNeed.of(type, SEARCH)) : List.of(need);
  }

  static List<ScopeNeed> ofOperation(String name, String type) {
    String target = type == null ? ANY_TYPE : type;
    if ("$ingest".equals(name)) {
      // A CSV upload stored as one transaction: like posting a transaction Bundle; each entry it
      // makes is then checked like a transaction entry (SmartScopeInterceptor.checkEntries).
      return List.of(ScopeNeed.of("Bundle", CREATE));
    }
    if ("$everything".equals(name)) {
      return List.of(ScopeNeed.of(ANY_TYPE, READ), ScopeNeed.of(ANY_TYPE, SEARCH));
    }
    if (READ_OPERATIONS.contains(name)) {
      return List.of(ScopeNeed.of(target, READ));
    }
    if (UPDATE_OPERATIONS.contains(name)) {
      return List.of(ScopeNeed.of(target, UPDATE));
    }
    return all(target);
  }

  private static List<ScopeNeed> all(String type) {
    return ALL.stream().map(interaction -> ScopeNeed.of(type, interaction)).toList();
  }

  private static List<ScopeNeed> ofBundle(RequestDetails request) {
    if (!(request.getResource() instanceof Bundle bundle)) {
      return all(ANY_TYPE);
    }
    List<ScopeNeed> needs = new ArrayList<>();
    List<BundleEntryComponent> entries = bundle.getEntry();
    for (int i = 0; i < entries.size(); i++) {
      String where = "Bundle.entry[" + i + "]";
      ofEntry(entries.get(i)).forEach(need -> needs.add(need.at(where)));
    }
    return needs;
  }

  /** The needs of one transaction or batch entry, from its method and URL. */
  static List<ScopeNeed> ofEntry(BundleEntryComponent entry) {
    Bundle.BundleEntryRequestComponent request = entry.getRequest();
    String url = request.getUrl() == null ? "" : request.getUrl().replaceFirst("^/+", "");
    int query = url.indexOf('?');
    boolean conditional = query >= 0;
    String[] path = (conditional ? url.substring(0, query) : url).split("/");
    String type = path[0].isEmpty() && entry.getResource() != null ? entry.fhirType() : path[0];
    if (type.isEmpty() || type.startsWith("$") || type.startsWith("_")) {
      return type.startsWith("$") ? ofOperation(type, null) : all(ANY_TYPE);
    }
    if (entry.getResource() != null && request.getMethod() == HTTPVerb.POST) {
      type = entry.getResource().fhirType();
    }
    String second = path.length > 1 ? path[1] : "";
    String last = path[path.length - 1];
    if (last.startsWith("$")) {
      return ofOperation(last, type);
    }
    HTTPVerb method = request.getMethod() == null ? HTTPVerb.NULL : request.getMethod();
    return switch (method) {
      case POST -> withSearchIf(request.hasIfNoneExist(), ScopeNeed.of(type, CREATE), type);
      case PUT, PATCH -> withSearchIf(conditional, ScopeNeed.of(type, UPDATE), type);
      case DELETE -> withSearchIf(conditional, ScopeNeed.of(type, DELETE), type);
      case GET, HEAD ->
          second.isEmpty() || "_history".equals(second) || "_search".equals(second)
              ? List.of(ScopeNeed.of(type, SEARCH))
              : List.of(ScopeNeed.of(type, READ));
      default -> all(type);
    };
  }
}
