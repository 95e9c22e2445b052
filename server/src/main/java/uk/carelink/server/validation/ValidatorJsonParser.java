package uk.carelink.server.validation;

import java.util.List;
import java.util.Map;
import org.hl7.fhir.exceptions.FHIRException;
import org.hl7.fhir.exceptions.FHIRFormatError;
import org.hl7.fhir.r5.elementmodel.Element;
import org.hl7.fhir.r5.elementmodel.JsonParser;
import org.hl7.fhir.r5.elementmodel.Property;
import org.hl7.fhir.r5.model.StructureDefinition;
import org.hl7.fhir.utilities.json.model.JsonObject;
import org.hl7.fhir.utilities.json.model.JsonProperty;
import org.hl7.fhir.utilities.validation.ValidationMessage;

/**
 * The HL7 element-model JSON parser as the server's validators use it, with three shortcuts that
 * leave what it parses and reports unchanged:
 *
 * <ul>
 *   <li>A resource's type definition is found by a map lookup instead of a scan. For every
 *       resource, {@code ParserBase.getDefinition} walks every StructureDefinition the context
 *       holds (over a thousand: core and package), building a URL string for each to compare: about
 *       16 % of a validation in a JFR profile of the validation bench. The definitions do not
 *       change while the server runs (the package is loaded at start-up), so the first answer for a
 *       type name is kept and shared by every thread's parser: the validator's own copy of it
 *       ({@link RememberingWorkerContext#ownCopy}), as every other definition the validator uses.
 *   <li>Properties the JSON certainly does not have are skipped ({@link AbsentProperties}).
 *   <li>The elements it returns have their types settled ({@link SettledElementTypes}).
 * </ul>
 */
final class ValidatorJsonParser extends JsonParser {

  /** The parser's context, as the class that hands out the validator's own copies. */
  private final RememberingWorkerContext definitionCopies;

  private final Map<String, StructureDefinition> definitions;
  private final AbsentProperties absent;

  /**
   * @param definitions the type definitions found so far, by type name; shared by the parsers of
   *     one worker context, so it must be safe for concurrent use
   * @param absent shared by the parsers of one worker context
   */
  ValidatorJsonParser(
      RememberingWorkerContext context,
      Map<String, StructureDefinition> definitions,
      AbsentProperties absent) {
    super(context);
    this.definitionCopies = context;
    this.definitions = definitions;
    this.absent = absent;
  }

  @Override
  public Element parse(List<ValidationMessage> errors, JsonObject object) throws FHIRException {
    Element resource = super.parse(errors, object);
    if (resource != null) {
      SettledElementTypes.settle(resource);
    }
    return resource;
  }

  @Override
  public void parseChildItem(
      List<ValidationMessage> errors,
      String path,
      List<JsonProperty> children,
      Element context,
      Property property) {
    if (!absent.certainlyAbsent(property, children)) {
      super.parseChildItem(errors, path, children, context, property);
    }
  }

  @Override
  protected StructureDefinition getDefinition(
      List<ValidationMessage> errors, int line, int col, String name) throws FHIRFormatError {
    if (name == null) {
      return super.getDefinition(errors, line, col, name);
    }
    StructureDefinition known = definitions.get(name);
    if (known != null) {
      return known;
    }
    // Unknown names (and their error messages) are not cached: each such resource reports them.
    StructureDefinition found =
        definitionCopies.ownCopy(super.getDefinition(errors, line, col, name));
    if (found != null) {
      definitions.putIfAbsent(name, found);
    }
    return found;
  }
}
