package uk.carelink.server.validation;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.hl7.fhir.r5.elementmodel.Property;
import org.hl7.fhir.r5.model.ElementDefinition;
import org.hl7.fhir.utilities.json.model.JsonProperty;

/**
 * Tells the element-model parser which of an element's properties a JSON object certainly does not
 * have, so it can skip them. The parser tries every property the element's definition allows
 * (thirty or so for a Patient), present or not, and for each works out its JSON name from the
 * definition's path, its type and, for a primitive, two paths, before finding no JSON property of
 * that name: about a tenth of a validation's CPU in a JFR profile of the package examples
 * (bench/README.md, 2026-12-07, fourth session). The JSON names' hashes are worked out once per
 * element definition instead, and a property is absent when no unread JSON property has either
 * hash: the parser itself matches names by hash, so a property it skips is one it would have found
 * nothing for. Choice properties ({@code value[x]}), whose JSON names depend on the type, are never
 * reported absent.
 */
final class AbsentProperties {

  /**
   * Definitions whose names are remembered, at most: far above the elements of every definition the
   * validator uses, so that definitions made afresh somewhere cannot grow the map without bound.
   */
  static final int MAX_REMEMBERED = 100_000;

  /** Hashes of a property's JSON name and of its primitive extension's ({@code _name}). */
  private record NameHashes(int value, int primitiveExtension) {}

  private final Map<ElementDefinition, NameHashes> byDefinition = new ConcurrentHashMap<>();

  /** True if none of the not yet read {@code children} can be {@code property}'s. */
  boolean certainlyAbsent(Property property, List<JsonProperty> children) {
    ElementDefinition definition = property.getDefinition();
    if (definition.getType().size() > 1
        || property.isChoice()
        || definition.getPath().endsWith("data[x]")) {
      return false;
    }
    NameHashes names = byDefinition.get(definition);
    if (names == null) {
      String name = property.getJsonName();
      names = new NameHashes(name.hashCode(), ("_" + name).hashCode());
      if (byDefinition.size() < MAX_REMEMBERED) {
        byDefinition.putIfAbsent(definition, names);
      }
    }
    for (JsonProperty child : children) {
      // Tag 0: not read yet, as the parser's own lookup requires.
      if (child.getTag() == 0
          && (child.getNameHash() == names.value()
              || child.getNameHash() == names.primitiveExtension())) {
        return false;
      }
    }
    return true;
  }

  /** Definitions whose names are remembered now (for tests). */
  int remembered() {
    return byDefinition.size();
  }
}
