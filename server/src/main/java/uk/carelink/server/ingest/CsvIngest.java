package uk.carelink.server.ingest;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
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
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.r4.model.CanonicalType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import uk.carelink.mappings.csv.Reject;
import uk.carelink.mappings.engine.IngestBundle;
import uk.carelink.mappings.engine.IngestContext;
import uk.carelink.mappings.engine.MappedRow;
import uk.carelink.mappings.engine.MappingEngine;
import uk.carelink.mappings.engine.MappingResult;
import uk.carelink.server.security.SmartScopeInterceptor;
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

  private final MappingEngine engine;
  private final IFhirSystemDao<Bundle, ?> systemDao;
  private final DaoRegistry daos;
  private final MatchUrlService matchUrls;
  private final ProfileValidator validator;
  private final FhirContext fhir;

  @SuppressWarnings("unchecked")
  public CsvIngest(
      MappingEngine engine,
      IFhirSystemDao<?, ?> systemDao,
      DaoRegistry daos,
      MatchUrlService matchUrls,
      ProfileValidator validator) {
    this.engine = engine;
    this.systemDao = (IFhirSystemDao<Bundle, ?>) systemDao;
    this.daos = daos;
    this.matchUrls = matchUrls;
    this.validator = validator;
    this.fhir = engine.fhirContext();
  }

  public IngestOutcome ingest(
      String format,
      String file,
      byte[] content,
      IngestContext context,
      boolean storeValidRows,
      RequestDetails request) {
    Instant started = Instant.now();
    MappingResult result = engine.map(format, file, content, context);
    List<Reject> rejects = new ArrayList<>(result.rejects());
    int skipped = (int) result.mapped().stream().filter(r -> r.resources().isEmpty()).count();
    if (result.hasFileRejects()) {
      return rejected(result, 0, skipped, rejects);
    }
    List<MappedRow> rows = result.mapped().stream().filter(r -> !r.resources().isEmpty()).toList();
    IngestBundle.Assembled assembled = IngestBundle.assemble(result, rows, context, started);
    rejects.addAll(assembled.rejects());
    rejects.addAll(unresolvedReferences(result, rows, assembled, context));
    if (rejects.stream().anyMatch(r -> r.row() == 0)) {
      return rejected(result, 0, skipped, sorted(rejects));
    }
    rejects.addAll(profileErrors(result, rows, assembled));
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
    if (valid.size() != rows.size()) {
      assembled = IngestBundle.assemble(result, valid, context, started);
    }
    Bundle transaction = assembled.transaction();
    SmartScopeInterceptor.checkEntries(request, transaction);
    Map<String, String> versionsBefore = storedVersions(transaction);
    Bundle response = systemDao.transaction(request, transaction);
    Map<String, String> versionsAfter = storedVersions(transaction);
    return stored(
        result, valid.size(), skipped, response, versionsBefore, versionsAfter, sorted(rejects));
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
   * Classifies what the transaction did by the versions of the matched resources before and after
   * it (by source key): new ones were created, a new version means updated, the same version means
   * HAPI found nothing to change.
   */
  private static IngestOutcome stored(
      MappingResult result,
      int mapped,
      int skipped,
      Bundle response,
      Map<String, String> versionsBefore,
      Map<String, String> versionsAfter,
      List<Reject> rejects) {
    List<String> created = new ArrayList<>();
    List<String> updated = new ArrayList<>();
    List<String> unchanged = new ArrayList<>();
    for (Map.Entry<String, String> after : versionsAfter.entrySet()) {
      String before = versionsBefore.get(after.getKey());
      if (before == null) {
        created.add(after.getKey());
      } else if (before.equals(after.getValue())) {
        unchanged.add(after.getKey());
      } else {
        updated.add(after.getKey());
      }
    }
    String provenance = null;
    for (BundleEntryComponent entry : response.getEntry()) {
      String location = entry.getResponse().getLocation();
      if (location != null && location.startsWith("Provenance/")) {
        provenance = new IdType(location).toUnqualifiedVersionless().getValue();
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
   * The current version of every stored resource the transaction's conditional updates will match
   * (by source key, 100 keys per search), as {@code Type/id -> versionId}: an entry answered with
   * the same version was left unchanged.
   */
  private Map<String, String> storedVersions(Bundle transaction) {
    Map<String, List<String>> keysByType = new LinkedHashMap<>();
    for (BundleEntryComponent entry : transaction.getEntry()) {
      IngestBundle.key(entry.getResource())
          .ifPresent(
              key ->
                  keysByType
                      .computeIfAbsent(entry.getResource().fhirType(), t -> new ArrayList<>())
                      .add(key.substring(key.indexOf('=') + 1)));
    }
    Map<String, String> versions = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> type : keysByType.entrySet()) {
      List<String> tokens = type.getValue();
      for (int from = 0; from < tokens.size(); from += 100) {
        ca.uhn.fhir.rest.param.TokenOrListParam any = new ca.uhn.fhir.rest.param.TokenOrListParam();
        for (String token : tokens.subList(from, Math.min(tokens.size(), from + 100))) {
          int bar = token.indexOf('|');
          any.add(token.substring(0, bar), token.substring(bar + 1));
        }
        SearchParameterMap map = SearchParameterMap.newSynchronous();
        map.add("identifier", any);
        ca.uhn.fhir.rest.api.server.IBundleProvider found =
            daos.getResourceDao(type.getKey()).search(map, new SystemRequestDetails());
        for (org.hl7.fhir.instance.model.api.IBaseResource stored : found.getAllResources()) {
          IdType id = (IdType) stored.getIdElement();
          versions.put(id.toUnqualifiedVersionless().getValue(), id.getVersionIdPart());
        }
      }
    }
    return versions;
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
      IngestContext context) {
    Map<String, List<Integer>> rowsByReference = new LinkedHashMap<>();
    List<BundleEntryComponent> entries = assembled.transaction().getEntry();
    for (int i = 0; i < entries.size(); i++) {
      Integer row = assembled.rowByEntry().get(i);
      for (Reference reference :
          fhir.newTerser()
              .getAllPopulatedChildElementsOfType(entries.get(i).getResource(), Reference.class)) {
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
      int matches = matches(reference.getKey());
      if (matches == 1) {
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

  private int matches(String url) {
    String type = url.substring(0, url.indexOf('?'));
    SearchParameterMap map =
        matchUrls.translateMatchUrl(
            IngestBundle.encodedSearch(url), fhir.getResourceDefinition(type));
    map.setLoadSynchronous(true);
    return daos.getResourceDao(type).searchForIds(map, new SystemRequestDetails()).size();
  }

  /** Every resource against the profiles it claims, as the server will check it on write. */
  private List<Reject> profileErrors(
      MappingResult result, List<MappedRow> rows, IngestBundle.Assembled assembled) {
    Map<Integer, Integer> lineByRow = new HashMap<>();
    rows.forEach(r -> lineByRow.put(r.row(), r.line()));
    List<Reject> rejects = new ArrayList<>();
    List<BundleEntryComponent> entries = assembled.transaction().getEntry();
    Set<Integer> failedRows = new HashSet<>();
    for (int i = 0; i < entries.size(); i++) {
      Integer row = assembled.rowByEntry().get(i);
      Resource resource = entries.get(i).getResource();
      List<String> profiles =
          resource.getMeta().getProfile().stream().map(CanonicalType::getValue).toList();
      if (row == null || profiles.isEmpty() || failedRows.contains(row)) {
        continue;
      }
      List<SingleValidationMessage> errors = validator.errors(resource, profiles);
      if (!errors.isEmpty()) {
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
                    + String.join(", ", profiles)
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
