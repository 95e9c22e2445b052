package uk.carelink.server.ingest;

import ca.uhn.fhir.context.FhirContext;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.CanonicalType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * Whether a mapped resource holds exactly what its stored record holds, so that writing it would
 * change nothing. Its references are compared as stored: a conditional reference or a reference to
 * another entry of the bundle resolved to {@code Type/id} first (one that cannot be resolved makes
 * it differ). Of {@code meta} only the claimed profiles count; id, version, last-updated, tags and
 * security labels are the server's, not the export's.
 */
final class SameContent {

  private SameContent() {}

  /**
   * @param resolve a reference that is not yet {@code Type/id} (conditional, or an entry's fullUrl)
   *     to the stored {@code Type/id} it stands for, or null if there is none
   */
  static boolean as(Resource mapped, Resource stored, UnaryOperator<String> resolve) {
    if (!profiles(mapped).equals(profiles(stored))) {
      return false;
    }
    Resource candidate = mapped.copy();
    for (Reference reference : references(candidate)) {
      String target = reference.getReference();
      if (target != null && (target.contains("?") || target.startsWith("urn:"))) {
        String id = resolve.apply(target);
        if (id == null) {
          return false;
        }
        reference.setReference(id);
      }
    }
    Resource current = stored.copy();
    for (Resource resource : new Resource[] {candidate, current}) {
      resource.setIdElement(null);
      resource.setMeta(null);
    }
    return candidate.equalsDeep(current);
  }

  private static Set<String> profiles(Resource resource) {
    return resource.getMeta().getProfile().stream()
        .map(CanonicalType::getValue)
        .collect(Collectors.toSet());
  }

  private static java.util.List<Reference> references(Resource resource) {
    return FhirContext.forR4Cached()
        .newTerser()
        .getAllPopulatedChildElementsOfType(resource, Reference.class);
  }
}
