package uk.carelink.mappings.engine;

import ca.uhn.fhir.context.FhirContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.r4.model.Bundle.HTTPVerb;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import uk.carelink.mappings.csv.Reject;
import uk.carelink.profiles.CareLinkProfiles;

/**
 * Turns mapped rows into one FHIR transaction: every resource a conditional update on its source
 * key (the identifier whose system starts with {@link IngestContext#KEY_PREFIX}), so that
 * re-ingesting creates nothing new and changes only what changed; references written as searches on
 * a key that this bundle itself writes are pointed at that entry; and one Provenance (profile
 * ingest-provenance) naming the file, the source system, the mapping version, the uploading party
 * and the time, with every entry as a target.
 */
public final class IngestBundle {

  /** System of the uploaded file's identifier in Provenance.entity. */
  public static final String FILE_SYSTEM = "https://carelink.example.org/Id/ingest-file";

  /** System of the source format's identifier in Provenance.entity. */
  public static final String FORMAT_SYSTEM = "https://carelink.example.org/Id/ingest-format";

  private static final String PROVENANCE_TYPES =
      "http://terminology.hl7.org/CodeSystem/provenance-participant-type";

  /**
   * The transaction, which row each entry came from (the Provenance entry, last, has none), and the
   * rows dropped here (duplicate records within the file, resources without a source key).
   */
  public record Assembled(
      Bundle transaction, Map<Integer, Integer> rowByEntry, List<Reject> rejects) {

    /** Number of resource entries (the Provenance not counted). */
    public int resourceCount() {
      return rowByEntry.size();
    }
  }

  private IngestBundle() {}

  public static Assembled assemble(
      MappingResult result, List<MappedRow> rows, IngestContext context, Instant recorded) {
    Bundle bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
    Map<Integer, Integer> rowByEntry = new LinkedHashMap<>();
    List<Reject> rejects = new ArrayList<>();
    Map<String, Integer> rowByKey = new HashMap<>();
    Map<String, String> fullUrlByKey = new HashMap<>();
    for (MappedRow row : rows) {
      List<String> keys = new ArrayList<>();
      Reject problem = null;
      for (Resource resource : row.resources()) {
        Optional<String> key = key(resource);
        if (key.isEmpty()) {
          problem =
              new Reject(
                  "MAPPING_FAILED",
                  result.file(),
                  row.row(),
                  row.line(),
                  "",
                  "",
                  "the map made a "
                      + resource.fhirType()
                      + " without a source key identifier ("
                      + IngestContext.KEY_PREFIX
                      + "...)");
          break;
        }
        Integer earlier = rowByKey.get(key.get());
        if (earlier != null || keys.contains(key.get())) {
          problem =
              new Reject(
                  "DUPLICATE_RECORD",
                  result.file(),
                  row.row(),
                  row.line(),
                  "",
                  "",
                  "the same "
                      + resource.fhirType()
                      + " as row "
                      + (earlier == null ? row.row() : earlier)
                      + " (source key "
                      + key.get().substring(key.get().indexOf('=') + 1)
                      + "); a file may hold each record once");
          break;
        }
        keys.add(key.get());
      }
      if (problem != null) {
        rejects.add(problem);
        continue;
      }
      for (int i = 0; i < row.resources().size(); i++) {
        Resource resource = row.resources().get(i);
        String fullUrl = "urn:uuid:" + UUID.randomUUID();
        rowByKey.put(keys.get(i), row.row());
        fullUrlByKey.put(keys.get(i), fullUrl);
        BundleEntryComponent entry = bundle.addEntry().setFullUrl(fullUrl).setResource(resource);
        entry.getRequest().setMethod(HTTPVerb.PUT).setUrl(encodedSearch(keys.get(i)));
        rowByEntry.put(bundle.getEntry().size() - 1, row.row());
      }
    }
    FhirContext fhir = FhirContext.forR4Cached();
    for (BundleEntryComponent entry : bundle.getEntry()) {
      for (Reference reference :
          fhir.newTerser()
              .getAllPopulatedChildElementsOfType(entry.getResource(), Reference.class)) {
        String target = fullUrlByKey.get(reference.getReference());
        if (target != null) {
          reference.setReference(target);
        }
      }
    }
    if (!bundle.getEntry().isEmpty()) {
      Provenance provenance = provenance(result, context, recorded, bundle);
      bundle
          .addEntry()
          .setFullUrl("urn:uuid:" + UUID.randomUUID())
          .setResource(provenance)
          .getRequest()
          .setMethod(HTTPVerb.POST)
          .setUrl("Provenance");
    }
    return new Assembled(bundle, rowByEntry, rejects);
  }

  /** {@code Type?identifier=system|value} of the resource's source key. */
  public static Optional<String> key(Resource resource) {
    if (!(resource instanceof DomainResource)
        || FhirContext.forR4Cached().getResourceDefinition(resource).getChildByName("identifier")
            == null) {
      return Optional.empty();
    }
    List<Identifier> identifiers =
        FhirContext.forR4Cached()
            .newTerser()
            .getValues(resource, resource.fhirType() + ".identifier", Identifier.class);
    return identifiers.stream()
        .filter(
            i ->
                i.hasSystem() && i.getSystem().startsWith(IngestContext.KEY_PREFIX) && i.hasValue())
        .findFirst()
        .map(i -> resource.fhirType() + "?identifier=" + i.getSystem() + "|" + i.getValue());
  }

  /** The search URL with system and value URL-encoded (values hold '+', ':', '/' and spaces). */
  public static String encodedSearch(String key) {
    int eq = key.indexOf('=');
    int bar = key.indexOf('|', eq);
    return key.substring(0, eq + 1)
        + URLEncoder.encode(key.substring(eq + 1, bar), StandardCharsets.UTF_8)
        + "|"
        + URLEncoder.encode(key.substring(bar + 1), StandardCharsets.UTF_8);
  }

  private static Provenance provenance(
      MappingResult result, IngestContext context, Instant recorded, Bundle bundle) {
    Provenance provenance = new Provenance();
    provenance.getMeta().addProfile(CareLinkProfiles.INGEST_PROVENANCE);
    provenance.addExtension(
        CareLinkProfiles.EXT_MAPPING_VERSION, new StringType(result.format().mappingVersion()));
    for (BundleEntryComponent entry : bundle.getEntry()) {
      provenance.addTarget(new Reference(entry.getFullUrl()));
    }
    provenance.setRecorded(Date.from(recorded));
    Provenance.ProvenanceAgentComponent author = provenance.addAgent();
    author.setType(new CodeableConcept(new Coding(PROVENANCE_TYPES, "author", "Author")));
    author.setWho(
        new Reference(context.homeReference())
            .setDisplay("care home " + context.homeId() + ", uploaded by " + context.party()));
    Provenance.ProvenanceEntityComponent file = provenance.addEntity();
    file.setRole(Provenance.ProvenanceEntityRole.SOURCE);
    file.getWhat()
        .setIdentifier(new Identifier().setSystem(FILE_SYSTEM).setValue(result.sha256()))
        .setDisplay(
            result.file()
                + " ("
                + result.rowsRead()
                + " rows, "
                + result.charset()
                + ", sha256 "
                + result.sha256()
                + ")");
    Provenance.ProvenanceEntityComponent source = provenance.addEntity();
    source.setRole(Provenance.ProvenanceEntityRole.SOURCE);
    source
        .getWhat()
        .setIdentifier(new Identifier().setSystem(FORMAT_SYSTEM).setValue(result.format().name()))
        .setDisplay(result.format().sourceSystem());
    provenance.getActivity().setText("CSV ingest with mapping " + result.format().mappingVersion());
    return provenance;
  }
}
