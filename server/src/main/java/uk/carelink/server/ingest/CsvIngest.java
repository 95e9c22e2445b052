package uk.carelink.server.ingest;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirResourceDao;
import ca.uhn.fhir.jpa.api.dao.IFhirSystemDao;
import ca.uhn.fhir.jpa.searchparam.MatchUrlService;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.validation.SingleValidationMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.r4.model.Bundle.HTTPVerb;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import uk.carelink.mappings.csv.Reject;
import uk.carelink.mappings.engine.IngestBundle;
import uk.carelink.mappings.engine.IngestContext;
import uk.carelink.mappings.engine.MappedRow;
import uk.carelink.mappings.engine.MappingEngine;
import uk.carelink.mappings.engine.MappingResult;
import uk.carelink.server.security.SmartScopeInterceptor;
import uk.carelink.server.validation.AlreadyValidated;
import uk.carelink.server.validation.ProfileSelector;
import uk.carelink.server.validation.ProfileValidator;

/**
 * One CSV ingest: map the file, check what the server knows (the home, the residents referred to),
 * validate every resource against the profiles it claims, then store all of it in one transaction
 * through HAPI's system DAO with the caller's request, so that scopes, profile validation and the
 * other write interceptors apply as for a posted transaction. By default any reject rejects the
 * file and nothing is stored; {@code storeValidRows} stores the rows without problems and returns
 * the rejects.
 */
public class CsvIngest {

  private static final Function<Resource, List<Reference>> REFERENCES =
      resource ->
          FhirContext.forR4Cached()
              .newTerser()
              .getAllPopulatedChildElementsOfType(resource, Reference.class);

  private final MappingEngine engine;
  private final IFhirSystemDao<Bundle, ?> systemDao;
  private final DaoRegistry daos;
  private final MatchUrlService matchUrls;
  private final ProfileSelector profiles;
  private final ProfileValidator validator;
  private final IngestProperties properties;
  private final StoredRecords storedRecords;
  private final FhirContext fhir;
  private final Map<String, ReentrantLock> homeLocks = new ConcurrentHashMap<>();

  @SuppressWarnings("unchecked")
  public CsvIngest(
      MappingEngine engine,
      IFhirSystemDao<?, ?> systemDao,
      DaoRegistry daos,
      MatchUrlService matchUrls,
      ProfileSelector profiles,
      ProfileValidator validator,
      IngestProperties properties) {
    this.engine = engine;
    this.systemDao = (IFhirSystemDao<Bundle, ?>) systemDao;
    this.daos = daos;
    this.matchUrls = matchUrls;
    this.profiles = profiles;
    this.validator = validator;
    this.properties = properties;
    this.storedRecords = new StoredRecords(daos, properties.lookupChunkSize());
    this.fhir = engine.fhirContext();
  }

  /**
   * Ingests one file. One home's ingests run one at a time on this server: what is new and what is
   * stored is decided by looking up the stored records before the transaction, so two concurrent
   * uploads of the same new records must not both create them.
   */
  public IngestOutcome ingest(
      String format,
      String file,
      byte[] content,
      IngestContext context,
      boolean storeValidRows,
      RequestDetails request) {
    ReentrantLock home =
        homeLocks.computeIfAbsent(context.homeReference(), h -> new ReentrantLock());
    home.lock();
    try {
      return ingestAlone(format, file, content, context, storeValidRows, request);
    } finally {
      home.unlock();
    }
  }

  private IngestOutcome ingestAlone(
      String format,
      String file,
      byte[] content,
      IngestContext context,
      boolean storeValidRows,
      RequestDetails request) {
    Instant started = Instant.now();
    MappingResult result = engine.map(format, file, content, context, properties.maxRows());
    List<Reject> rejects = new ArrayList<>(result.rejects());
    int skipped = (int) result.mapped().stream().filter(r -> r.resources().isEmpty()).count();
    if (result.hasFileRejects()) {
      return rejected(result, 0, skipped, rejects);
    }
    List<MappedRow> rows = result.mapped().stream().filter(r -> !r.resources().isEmpty()).toList();
    IngestBundle.Assembled assembled = IngestBundle.assemble(result, rows, context, started);
    rejects.addAll(assembled.rejects());
    Map<String, String> resolved = new HashMap<>();
    rejects.addAll(unresolvedReferences(result, rows, assembled, context, resolved));
    if (rejects.stream().anyMatch(r -> r.row() == 0)) {
      return rejected(result, 0, skipped, sorted(rejects));
    }
    Map<String, Resource> stored = storedRecords.byKey(assembled.transaction().getEntry());
    Set<Integer> unchanged = unchanged(assembled.transaction(), stored, resolved);
    rejects.addAll(profileErrors(result, rows, assembled, unchanged, request));
    Set<Integer> rejectedRows = new HashSet<>();
    rejects.forEach(r -> rejectedRows.add(r.row()));
    List<MappedRow> valid = rows.stream().filter(r -> !rejectedRows.contains(r.row())).toList();
    if (!rejects.isEmpty() && (!storeValidRows || valid.isEmpty())) {
      return rejected(result, valid.size(), skipped, sorted(rejects));
    }
    if (valid.isEmpty()) {
      return new IngestOutcome(
          result.format(),
          file,
          false,
          result.rowsRead(),
          0,
          skipped,
          List.of(),
          List.of(),
          List.of(),
          null,
          List.of());
    }
    // The scopes of every entry the file makes, whether or not it turns out unchanged.
    SmartScopeInterceptor.checkEntries(request, assembled.transaction());
    ToStore toStore = toStore(assembled, stored, unchanged, rejectedRows);
    Bundle response = systemDao.transaction(request, toStore.transaction());
    return stored(result, valid.size(), skipped, toStore, response, sorted(rejects));
  }

  /**
   * Indexes of the entries whose stored record already holds exactly what the row maps to: they are
   * not written (HAPI would store no new version of them either), only counted and named.
   */
  private static Set<Integer> unchanged(
      Bundle transaction, Map<String, Resource> stored, Map<String, String> resolved) {
    Map<String, String> storedIdByFullUrl = new HashMap<>();
    for (BundleEntryComponent entry : transaction.getEntry()) {
      IngestBundle.key(entry.getResource())
          .map(stored::get)
          .ifPresent(record -> storedIdByFullUrl.put(entry.getFullUrl(), versionless(record)));
    }
    Set<Integer> unchanged = new HashSet<>();
    List<BundleEntryComponent> entries = transaction.getEntry();
    for (int i = 0; i < entries.size(); i++) {
      Resource mapped = entries.get(i).getResource();
      Resource record = IngestBundle.key(mapped).map(stored::get).orElse(null);
      if (record != null
          && SameContent.as(
              mapped,
              record,
              reference ->
                  reference.startsWith("urn:")
                      ? storedIdByFullUrl.get(reference)
                      : resolved.get(reference))) {
        unchanged.add(i);
      }
    }
    return unchanged;
  }

  /**
   * What is written: the entries of accepted rows that are new or changed, and the Provenance,
   * whose targets (and any reference to an entry left out) name the stored records of unchanged
   * rows.
   */
  private static ToStore toStore(
      IngestBundle.Assembled assembled,
      Map<String, Resource> stored,
      Set<Integer> unchanged,
      Set<Integer> rejectedRows) {
    List<BundleEntryComponent> entries = assembled.transaction().getEntry();
    Bundle transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
    List<String> priorVersions = new ArrayList<>();
    List<String> unchangedIds = new ArrayList<>();
    Map<String, String> leftOut = new HashMap<>();
    Set<String> rejectedFullUrls = new HashSet<>();
    for (int i = 0; i < entries.size(); i++) {
      BundleEntryComponent entry = entries.get(i);
      Integer row = assembled.rowByEntry().get(i);
      if (row != null && rejectedRows.contains(row)) {
        rejectedFullUrls.add(entry.getFullUrl());
        continue;
      }
      Resource record = IngestBundle.key(entry.getResource()).map(stored::get).orElse(null);
      if (unchanged.contains(i)) {
        unchangedIds.add(versionless(record));
        leftOut.put(entry.getFullUrl(), versionless(record));
        continue;
      }
      // By id or as a plain create: no entry is conditional, so HAPI neither searches for a match
      // per entry nor compares every conditional URL with every entry written (quadratic).
      if (record == null) {
        entry.getRequest().setMethod(HTTPVerb.POST).setUrl(entry.getResource().fhirType());
        priorVersions.add(null);
      } else {
        entry.getRequest().setMethod(HTTPVerb.PUT).setUrl(versionless(record));
        priorVersions.add(record.getIdElement().getVersionIdPart());
      }
      transaction.addEntry(entry);
    }
    for (BundleEntryComponent entry : transaction.getEntry()) {
      if (entry.getResource() instanceof Provenance provenance) {
        provenance.getTarget().removeIf(t -> rejectedFullUrls.contains(t.getReference()));
      }
      for (Reference reference : REFERENCES.apply(entry.getResource())) {
        String storedId = leftOut.get(reference.getReference());
        if (storedId != null) {
          reference.setReference(storedId);
        }
      }
    }
    return new ToStore(transaction, priorVersions, unchangedIds);
  }

  /**
   * The transaction to store, the version each of its entries' records had before (null for new
   * records; the Provenance is new), and the records left out as unchanged.
   */
  private record ToStore(Bundle transaction, List<String> priorVersions, List<String> unchanged) {}

  private static String versionless(Resource record) {
    return record.getIdElement().toUnqualifiedVersionless().getValue();
  }

  private IngestOutcome rejected(
      MappingResult result, int mapped, int skipped, List<Reject> rejects) {
    return new IngestOutcome(
        result.format(),
        result.file(),
        false,
        result.rowsRead(),
        mapped,
        skipped,
        List.of(),
        List.of(),
        List.of(),
        null,
        List.copyOf(rejects));
  }

  /**
   * Classifies each row's records: left out as unchanged; or stored, and then created if it had no
   * record before, updated if the transaction answered a new version, unchanged if HAPI found
   * nothing to change (content equal but for a difference this ingest does not compare).
   */
  private static IngestOutcome stored(
      MappingResult result,
      int mapped,
      int skipped,
      ToStore toStore,
      Bundle response,
      List<Reject> rejects) {
    List<String> created = new ArrayList<>();
    List<String> updated = new ArrayList<>();
    List<String> unchanged = new ArrayList<>(toStore.unchanged());
    String provenance = null;
    List<BundleEntryComponent> requests = toStore.transaction().getEntry();
    for (int i = 0; i < requests.size(); i++) {
      IdType location = new IdType(response.getEntry().get(i).getResponse().getLocation());
      String reference = location.toUnqualifiedVersionless().getValue();
      String before = toStore.priorVersions().get(i);
      if (requests.get(i).getResource() instanceof Provenance) {
        provenance = reference;
      } else if (before == null) {
        created.add(reference);
      } else if (before.equals(location.getVersionIdPart())) {
        unchanged.add(reference);
      } else {
        updated.add(reference);
      }
    }
    return new IngestOutcome(
        result.format(),
        result.file(),
        true,
        result.rowsRead(),
        mapped,
        skipped,
        created,
        updated,
        unchanged,
        provenance,
        rejects);
  }

  /**
   * References the bundle does not satisfy itself must match exactly one stored resource: the
   * uploading home's Organization (else the whole file is rejected) and the residents referred to
   * (else the rows that refer to them are).
   */
  private List<Reject> unresolvedReferences(
      MappingResult result,
      List<MappedRow> rows,
      IngestBundle.Assembled assembled,
      IngestContext context,
      Map<String, String> resolved) {
    Map<String, List<Integer>> rowsByReference = new LinkedHashMap<>();
    List<BundleEntryComponent> entries = assembled.transaction().getEntry();
    for (int i = 0; i < entries.size(); i++) {
      Integer row = assembled.rowByEntry().get(i);
      for (Reference reference : REFERENCES.apply(entries.get(i).getResource())) {
        String target = reference.getReference();
        if (target != null && target.contains("?")) {
          rowsByReference
              .computeIfAbsent(target, t -> new ArrayList<>())
              .add(row == null ? 0 : row);
        }
      }
    }
    Map<Integer, Integer> lineByRow = new HashMap<>();
    rows.forEach(r -> lineByRow.put(r.row(), r.line()));
    List<Reject> rejects = new ArrayList<>();
    for (Map.Entry<String, List<Integer>> reference : rowsByReference.entrySet()) {
      List<String> found = matches(reference.getKey());
      int matches = found.size();
      if (matches == 1) {
        resolved.put(reference.getKey(), found.get(0));
        continue;
      }
      String url = reference.getKey();
      String value = url.substring(url.lastIndexOf('|') + 1);
      if (url.equals(context.homeReference())) {
        rejects.add(
            Reject.ofFile(
                "UNKNOWN_CARE_HOME",
                result.file(),
                0,
                "the care home "
                    + context.homeId()
                    + " has no Organization in CareLink"
                    + (matches > 1 ? " (it has " + matches + ")" : "")
                    + "; the service desk registers care homes"));
        return rejects;
      }
      for (Integer row : new java.util.TreeSet<>(reference.getValue())) {
        rejects.add(
            new Reject(
                matches == 0 ? "UNKNOWN_RESIDENT" : "AMBIGUOUS_REFERENCE",
                result.file(),
                row,
                lineByRow.getOrDefault(row, 0),
                "",
                value,
                matches == 0
                    ? "no resident with this id in this home's register in CareLink: ingest the"
                        + " resident register first"
                    : matches + " resources match " + url));
      }
    }
    return rejects;
  }

  /** {@code Type/id} of every stored resource the conditional reference matches. */
  private List<String> matches(String url) {
    String type = url.substring(0, url.indexOf('?'));
    SearchParameterMap map =
        matchUrls.translateMatchUrl(
            IngestBundle.encodedSearch(url), fhir.getResourceDefinition(type));
    map.setLoadSynchronous(true);
    IFhirResourceDao<?> dao = daos.getResourceDao(type);
    List<IIdType> ids = dao.searchForResourceIds(map, new SystemRequestDetails());
    return ids.stream().map(id -> id.toUnqualifiedVersionless().getValue()).toList();
  }

  /**
   * Every resource to be written against the profiles the write interceptor will select for it, so
   * that a row's problems are rejects of that row; each resource that passes is recorded as {@link
   * AlreadyValidated} for this request and not validated again when stored. Unchanged records are
   * not written and not validated: their stored content was validated when it was written.
   */
  private List<Reject> profileErrors(
      MappingResult result,
      List<MappedRow> rows,
      IngestBundle.Assembled assembled,
      Set<Integer> unchanged,
      RequestDetails request) {
    Map<Integer, Integer> lineByRow = new HashMap<>();
    rows.forEach(r -> lineByRow.put(r.row(), r.line()));
    List<Reject> rejects = new ArrayList<>();
    List<BundleEntryComponent> entries = assembled.transaction().getEntry();
    Set<Integer> failedRows = new HashSet<>();
    for (int i = 0; i < entries.size(); i++) {
      Integer row = assembled.rowByEntry().get(i);
      Resource resource = entries.get(i).getResource();
      if (row == null || unchanged.contains(i) || failedRows.contains(row)) {
        continue;
      }
      Set<String> selected = profiles.select(resource, request);
      if (selected.isEmpty()) {
        continue;
      }
      List<SingleValidationMessage> errors = validator.errors(resource, selected);
      if (errors.isEmpty()) {
        AlreadyValidated.record(request, resource, selected);
      } else {
        failedRows.add(row);
        SingleValidationMessage first = errors.get(0);
        rejects.add(
            new Reject(
                "PROFILE_INVALID",
                result.file(),
                row,
                lineByRow.getOrDefault(row, 0),
                "",
                "",
                resource.fhirType()
                    + " does not conform to "
                    + String.join(", ", selected)
                    + ": "
                    + first.getLocationString()
                    + ": "
                    + first.getMessage()
                    + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : "")));
      }
    }
    return rejects;
  }

  private static List<Reject> sorted(List<Reject> rejects) {
    List<Reject> copy = new ArrayList<>(rejects);
    copy.sort(java.util.Comparator.comparingInt(Reject::row));
    return copy;
  }
}
