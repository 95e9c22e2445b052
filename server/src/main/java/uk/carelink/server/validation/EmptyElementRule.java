package uk.carelink.server.validation;

import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r5.context.IWorkerContext;
import org.hl7.fhir.r5.elementmodel.Element;
import org.hl7.fhir.r5.model.ElementDefinition;
import org.hl7.fhir.r5.model.ElementDefinition.ElementDefinitionConstraintComponent;
import org.hl7.fhir.r5.model.StructureDefinition;
import org.hl7.fhir.utilities.NamedItemList;
import org.hl7.fhir.utilities.Utilities;
import org.hl7.fhir.utilities.i18n.I18nConstants;
import org.hl7.fhir.utilities.json.model.JsonArray;
import org.hl7.fhir.utilities.json.model.JsonElement;
import org.hl7.fhir.utilities.json.model.JsonLocationData;
import org.hl7.fhir.utilities.json.model.JsonNull;
import org.hl7.fhir.utilities.json.model.JsonObject;
import org.hl7.fhir.utilities.json.model.JsonProperty;
import org.hl7.fhir.utilities.validation.ValidationMessage;
import org.hl7.fhir.utilities.validation.ValidationMessage.IssueSeverity;
import org.hl7.fhir.utilities.validation.ValidationMessage.IssueType;
import org.hl7.fhir.utilities.validation.ValidationMessage.Source;

/**
 * FHIR's invariant ele-1, "All FHIR elements must have a @value or children", checked by one walk
 * over the parsed resource instead of by the HL7 validator as a FHIRPath expression on every
 * element. Every element definition of core FHIR carries ele-1, so the validator parsed its
 * version, looked up its expression and evaluated it for every element of every resource: about a
 * tenth of a validation's CPU on the validation bench's resources (bench/README.md, 2026-12-06).
 * The validator's private copies of the definitions leave ele-1 out ({@link #removeFrom}) and this
 * walk reports exactly what its evaluation reported, with the same message, location and id, so
 * what a client sees does not change.
 *
 * <p>In {@code org.hl7.fhir.validation} 6.7.x, FHIRPath's {@code hasValue()} is true for any
 * element that is not a primitive (it tests the element's text form), so ele-1 can only fail on a
 * primitive: one with no value and nothing but an {@code id} (a JSON {@code "_birthDate": {"id":
 * "a"}}, say). Resources themselves (the root, contained ones) carry no ele-1.
 */
final class EmptyElementRule {

  static final String KEY = "ele-1";

  /** Where ele-1 is defined, as its constraints in core definitions name it. */
  static final String SOURCE = "http://hl7.org/fhir/StructureDefinition/Element";

  /** ele-1's human text, as the core definitions state it. */
  private static final String HUMAN = "All FHIR elements must have a @value or children";

  private final IWorkerContext context;

  EmptyElementRule(IWorkerContext context) {
    this.context = context;
  }

  /**
   * Removes ele-1 from every element of the definition's snapshot, in place: meant for the
   * validator's own copy ({@link RememberingWorkerContext#ownCopy}), so that validators elsewhere
   * in the server that share the original (HAPI's {@code $validate}) still evaluate it.
   */
  static StructureDefinition removeFrom(StructureDefinition copy) {
    for (ElementDefinition element : copy.getSnapshot().getElement()) {
      element.getConstraint().removeIf(EmptyElementRule::isEle1);
    }
    return copy;
  }

  private static boolean isEle1(ElementDefinitionConstraintComponent constraint) {
    return KEY.equals(constraint.getKey())
        && (!constraint.hasSource() || SOURCE.equals(constraint.getSource()));
  }

  /** Adds an error for every element of the resource that ele-1 rejects. */
  void check(Element resource, List<ValidationMessage> errors) {
    checkChildren(resource, new Step(null, resource, false, 0), errors);
  }

  /**
   * One element on the way down from the resource, and how it sits among its siblings: enough to
   * write its location, which is only written for an element that fails.
   */
  private record Step(Step parent, Element element, boolean repeated, int index) {}

  private void checkChildren(Element parent, Step parentStep, List<ValidationMessage> errors) {
    if (!parent.hasChildren()) {
      return;
    }
    NamedItemList<Element> children = parent.getChildren();
    int index = 0;
    for (int i = 0; i < children.size(); i++) {
      Element child = children.get(i);
      boolean repeated = repeatsName(children, i);
      // The items of a list sit next to each other: count on from the previous one, as the
      // validator does.
      boolean sameAsPrevious = i > 0 && children.get(i - 1).getName().equals(child.getName());
      index = sameAsPrevious ? index + 1 : 0;
      Step step = new Step(parentStep, child, repeated, index);
      // A resource (contained, say) is never primitive: ele-1 is not on resources.
      if (isEmpty(child) && child.isPrimitive()) {
        report(error(child, path(step)), errors);
      }
      checkChildren(child, step, errors);
    }
  }

  /** Whether the child next to it, on either side, has the same name (an item of a list). */
  private static boolean repeatsName(NamedItemList<Element> children, int i) {
    String name = children.get(i).getName();
    return (i > 0 && children.get(i - 1).getName().equals(name))
        || (i + 1 < children.size() && children.get(i + 1).getName().equals(name));
  }

  /**
   * The element's location as the validator writes it: {@code Patient.name[0].given[1]}, {@code
   * Patient.extension[0].value.ofType(string)}, {@code Patient.contained[0]/*Patient/p*}{@code
   * /.gender}.
   */
  private String path(Step step) {
    Element element = step.element();
    if (step.parent() == null) {
      return element.getPath() != null ? element.getPath() : element.getName();
    }
    String path = path(step.parent()) + "." + segment(step);
    return element.isResource()
        ? path + "/*" + element.fhirType() + "/" + element.getIdBase() + "*/"
        : path;
  }

  private String segment(Step step) {
    Element element = step.element();
    String name = element.getName();
    if (step.repeated() || element.getProperty().isList()) {
      return name + "[" + step.index() + "]";
    }
    String choice = element.getProperty().getName();
    if (element.getProperty().isChoice() && choice.endsWith("[x]")) {
      String base = choice.substring(0, choice.length() - 3);
      String type = name.substring(base.length());
      if (context.isPrimitiveType(Utilities.uncapitalize(type))) {
        type = Utilities.uncapitalize(type);
      }
      return base + ".ofType(" + type + ")";
    }
    return name;
  }

  /**
   * What stopped the element-model parser reading a resource, as errors. HAPI's JSON encoder writes
   * an item of a list of primitives that holds only an id (a client's {@code "_given": [null,
   * {"id": "a"}]}) as a bare {@code null} and drops the id; ele-1 rejects such an item, and the
   * parser fails on it (a NullPointerException in 6.7.x). Each such item is reported as ele-1; any
   * other failure is reported as what it is, so the resource is rejected rather than stored.
   */
  List<ValidationMessage> unreadable(JsonObject resource, RuntimeException failure) {
    List<ValidationMessage> errors = new ArrayList<>();
    String root = resource.asString("resourceType");
    bareNullItems(resource, root, errors);
    if (errors.isEmpty()) {
      errors.add(
          new ValidationMessage(
              Source.InstanceValidator,
              IssueType.STRUCTURE,
              root == null ? "" : root,
              "The resource could not be read for validation: " + failure,
              IssueSeverity.FATAL));
    }
    return errors;
  }

  private void bareNullItems(JsonObject object, String path, List<ValidationMessage> errors) {
    for (JsonProperty property : object.getProperties()) {
      String name = property.getName();
      if (name.startsWith("_")) {
        continue;
      }
      JsonElement value = property.getValue();
      if (value instanceof JsonObject child) {
        bareNullItems(child, path + "." + name + resourceMark(child), errors);
      } else if (value instanceof JsonArray items) {
        JsonElement extra = object.get("_" + name);
        for (int i = 0; i < items.size(); i++) {
          String itemPath = path + "." + name + "[" + i + "]";
          JsonElement item = items.get(i);
          if (item instanceof JsonNull && !hasMoreThanAnId(extra, i)) {
            errors.add(error(items.getStart(), itemPath));
          } else if (item instanceof JsonObject child) {
            bareNullItems(child, itemPath + resourceMark(child), errors);
          }
        }
      }
    }
  }

  /** Whether the {@code _name} array's item at {@code i} says anything but an id. */
  private static boolean hasMoreThanAnId(JsonElement extra, int i) {
    if (!(extra instanceof JsonArray items) || i >= items.size()) {
      return false;
    }
    return items.get(i) instanceof JsonObject object
        && object.getProperties().stream().anyMatch(p -> !"id".equals(p.getName()));
  }

  /** The validator's mark after a resource inside another: {@code /*Patient/p*}{@code /}. */
  private static String resourceMark(JsonObject object) {
    return object.has("resourceType")
        ? "/*" + object.asString("resourceType") + "/" + object.asString("id") + "*/"
        : "";
  }

  /** No value and no children but an id: cheap tests first, most elements pass the first. */
  private static boolean isEmpty(Element element) {
    if (element.hasXhtml() || !Utilities.noString(element.getValue())) {
      return false;
    }
    if (element.hasChildren()) {
      for (Element child : element.getChildren()) {
        if (!"id".equals(child.getName())) {
          return false;
        }
      }
    }
    return true;
  }

  /**
   * Adds the error unless the validator reported it itself: a definition it found by scanning all
   * of them (rather than by URL) is the shared one, which still has ele-1.
   */
  private static void report(ValidationMessage error, List<ValidationMessage> errors) {
    for (ValidationMessage earlier : errors) {
      if (earlier.preciseMatch(error)) {
        return;
      }
    }
    errors.add(error);
  }

  private ValidationMessage error(Element element, String path) {
    return error(element.line(), element.col(), path);
  }

  private ValidationMessage error(JsonLocationData where, String path) {
    return where == null ? error(0, 0, path) : error(where.getLine(), where.getCol(), path);
  }

  private ValidationMessage error(int line, int col, String path) {
    String id = SOURCE + "#" + KEY;
    String message = context.formatMessage(I18nConstants.INV_FAILED_SOURCE, KEY, HUMAN, SOURCE);
    return new ValidationMessage(
            Source.InstanceValidator,
            IssueType.INVARIANT,
            line,
            col,
            path,
            message,
            IssueSeverity.ERROR)
        .setMessageId(id)
        .setInvId(id);
  }
}
