package uk.carelink.server.validation;

import ca.uhn.fhir.context.support.IValidationSupport;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.hl7.fhir.common.hapi.validation.validator.WorkerContextValidationSupportAdapter;
import org.hl7.fhir.r5.model.Basic;
import org.hl7.fhir.r5.model.Resource;
import org.hl7.fhir.r5.model.StructureDefinition;

/**
 * HAPI's worker context for the HL7 validator, remembering the definitions it has found by type and
 * URL. The validator asks for a definition many times per resource (the type of every element, each
 * profile's base, whether a name is a resource type), and each time HAPI's adapter looks the
 * resource type up in the FHIR context, builds a key for the validation chain's cache and checks
 * that cache, then finds its converted R5 copy: about a tenth of a validation's CPU in a profile of
 * the validation bench's resources (bench/README.md, 2026-12-06). The chain behind this server's
 * validator is fixed when it starts (core definitions, the CareLink package, in-memory
 * terminology), so an answer found once stays right.
 *
 * <p>StructureDefinitions are handed out as the validator's own copies, one per definition, without
 * FHIR's invariant ele-1, which {@link EmptyElementRule} checks instead, without the invariants
 * that cannot make a write fail ({@link WarningOnlyConstraints}), and settled ({@link
 * SettledDefinitions}). The adapter's R5 conversions are shared with HAPI's other validators (it
 * keeps them on the definitions of the chain, which HAPI's {@code $validate} also uses), so they
 * are not changed.
 *
 * <p>A URL that names nothing is remembered too: the validator asks for some on every resource (the
 * UCUM system as a ValueSet, FHIRPath's {@code System.String} as a StructureDefinition). At most
 * {@link #MAX_REMEMBERED_PER_TYPE} answers are remembered per resource type, so URLs made up by a
 * client cannot grow it without bound; beyond that the chain is asked every time, as before.
 */
final class RememberingWorkerContext extends WorkerContextValidationSupportAdapter {

  /** Far above what the chain holds of any type (core R4 has 1,316 ValueSets, the most of any). */
  static final int MAX_REMEMBERED_PER_TYPE = 5_000;

  /** Stands for "the chain has no such resource" in the maps, which cannot hold null. */
  private static final Resource NOTHING = new Basic();

  private final int maxPerType;
  private final Map<Class<?>, Map<String, Resource>> found = new ConcurrentHashMap<>();

  /** The validator's copy of each StructureDefinition the adapter converted, by that conversion. */
  private final Map<StructureDefinition, StructureDefinition> copies =
      Collections.synchronizedMap(new IdentityHashMap<>());

  RememberingWorkerContext(IValidationSupport validationSupport) {
    this(validationSupport, MAX_REMEMBERED_PER_TYPE);
  }

  RememberingWorkerContext(IValidationSupport validationSupport, int maxPerType) {
    super(validationSupport);
    this.maxPerType = maxPerType;
  }

  @Override
  public <T extends Resource> T fetchResource(Class<T> type, String uri) {
    if (uri == null) {
      return ownCopy(super.fetchResource(type, uri));
    }
    Map<String, Resource> ofType = found.get(type);
    if (ofType == null) {
      ofType = found.computeIfAbsent(type, t -> new ConcurrentHashMap<>());
    }
    Resource known = ofType.get(uri);
    if (known != null) {
      return known == NOTHING ? null : type.cast(known);
    }
    T fetched = ownCopy(super.fetchResource(type, uri));
    if (ofType.size() < maxPerType) {
      ofType.putIfAbsent(uri, fetched == null ? NOTHING : fetched);
    }
    return fetched;
  }

  @Override
  public List<StructureDefinition> fetchTypeDefinitions(String typeName) {
    return super.fetchTypeDefinitions(typeName).stream().map(this::ownCopy).toList();
  }

  /**
   * The validator's copy of a definition this context handed out as the adapter converted it. Not
   * applied to {@link #fetchResourcesByType}, which the validator scans in full (copying every core
   * definition); the few definitions it keeps from such scans come through here.
   */
  @SuppressWarnings("unchecked")
  <T extends Resource> T ownCopy(T resource) {
    if (resource instanceof StructureDefinition definition) {
      return (T)
          copies.computeIfAbsent(
              definition,
              // settle makes the copy; the invariants are then removed from it in place.
              d ->
                  WarningOnlyConstraints.removeFrom(
                      EmptyElementRule.removeFrom(SettledDefinitions.settle(d))));
    }
    return resource;
  }

  @Override
  public void invalidateCaches() {
    super.invalidateCaches();
    found.clear();
    copies.clear();
  }

  /** Answers remembered now, found or not, of every type (for tests). */
  int remembered() {
    return found.values().stream().mapToInt(Map::size).sum();
  }
}
