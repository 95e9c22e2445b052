package uk.carelink.server.validation;

import java.lang.reflect.Field;
import java.util.List;
import org.hl7.fhir.validation.codesystem.CodingsObserver;
import org.hl7.fhir.validation.instance.InstanceValidator;

/**
 * What the HL7 validator's codings observer has seen. {@code org.hl7.fhir.validation} 6.7.x records
 * every coding it validates, with the node stack it sits in, for an optional check of SNOMED CT
 * codes against the IPS set that this server does not run, and never forgets them: the node stack
 * holds the whole element model of the resource and its parsed JSON. A reused validator kept every
 * resource it had validated until it was renewed (about 30 KB each): on an ingesting server that
 * was 60 MB copied by every young collection and 5 MB promoted by each, then reclaimed by full
 * collections (bench/README.md, 2026-12-06). Neither field has an accessor, so both are read by
 * reflection, looked up when the server starts: a validator version that changes them stops the
 * server at once rather than quietly keeping every resource again.
 */
final class ObservedCodings {

  private static final String OBSERVER_FIELD = "codingObserver";
  private static final String LIST_FIELD = "list";

  private final Field observer;
  private final Field list;

  ObservedCodings() {
    observer = field(InstanceValidator.class, OBSERVER_FIELD, CodingsObserver.class);
    list = field(CodingsObserver.class, LIST_FIELD, List.class);
  }

  /** Forgets every coding the validator has seen so far; call between resources. */
  void forget(InstanceValidator validator) {
    seen(validator).clear();
  }

  /** How many codings the validator holds from the resources it validated. */
  int held(InstanceValidator validator) {
    return seen(validator).size();
  }

  private List<?> seen(InstanceValidator validator) {
    try {
      return (List<?>) list.get(observer.get(validator));
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("cannot read the HL7 validator's codings observer", e);
    }
  }

  private static Field field(Class<?> owner, String name, Class<?> type) {
    Field field;
    try {
      field = owner.getDeclaredField(name);
    } catch (NoSuchFieldException e) {
      throw new IllegalStateException(
          owner.getName()
              + " has no field "
              + name
              + ": the reused validators need org.hl7.fhir.validation 6.7's layout to forget"
              + " the resources they validated",
          e);
    }
    if (!type.isAssignableFrom(field.getType())) {
      throw new IllegalStateException(
          owner.getName() + "." + name + " is no longer a " + type.getSimpleName());
    }
    field.setAccessible(true);
    return field;
  }
}
