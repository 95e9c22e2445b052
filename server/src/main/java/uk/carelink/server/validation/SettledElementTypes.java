package uk.carelink.server.validation;

import org.hl7.fhir.r5.elementmodel.Element;

/**
 * Writes each parsed element's type onto the element, once. Unless the parser set it, {@code
 * Element.getType()} (and so {@code fhirType()}, which the validator asks for many times per
 * element) works the type out from the element's definition on every call: about a tenth of a
 * validation's CPU in a JFR profile of the validation bench (bench/README.md, 2026-12-07, fourth
 * session). Only elements whose definition allows exactly one type are settled, and with the type
 * {@code getType()} gives: that answer depends on the definition alone, which no longer changes
 * once the resource is parsed. Choice elements ({@code value[x]}) already carry the type the parser
 * read from their name; resources (the root, contained ones) and content references have no type on
 * their definition and are left as they are.
 */
final class SettledElementTypes {

  private SettledElementTypes() {}

  /** Settles the types of every element below {@code element}. */
  static void settle(Element element) {
    if (!element.hasChildren()) {
      return;
    }
    for (Element child : element.getChildren()) {
      if (child.getProperty().getDefinition().getType().size() == 1) {
        child.setType(child.getType());
      }
      settle(child);
    }
  }
}
