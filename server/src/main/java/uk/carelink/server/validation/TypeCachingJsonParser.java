package uk.carelink.server.validation;

import java.util.List;
import java.util.Map;
import org.hl7.fhir.exceptions.FHIRFormatError;
import org.hl7.fhir.r5.elementmodel.JsonParser;
import org.hl7.fhir.r5.model.StructureDefinition;
import org.hl7.fhir.utilities.validation.ValidationMessage;

/**
 * The HL7 element-model JSON parser, finding a resource's type definition by a map lookup instead
 * of a scan. For every resource it parses, {@code ParserBase.getDefinition} walks every
 * StructureDefinition the context holds (over a thousand: core and package), building a URL string
 * for each to compare: about 16 % of a validation in a JFR profile of the validation bench. The
 * definitions do not change while the server runs (the package is loaded at start-up), so the first
 * answer for a type name is kept and shared by every thread's parser: the validator's own copy of
 * it ({@link RememberingWorkerContext#ownCopy}), as every other definition the validator uses.
 */
final class TypeCachingJsonParser extends JsonParser {

  /** The parser's context, as the class that hands out the validator's own copies. */
  private final RememberingWorkerContext definitionCopies;

  private final Map<String, StructureDefinition> definitions;

  /**
   * @param definitions the type definitions found so far, by type name; shared by the parsers of
   *     one worker context, so it must be safe for concurrent use
   */
  TypeCachingJsonParser(
      RememberingWorkerContext context, Map<String, StructureDefinition> definitions) {
    super(context);
    this.definitionCopies = context;
    this.definitions = definitions;
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
