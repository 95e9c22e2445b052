package uk.carelink.server.validation;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.ParserOptions;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.parser.IJsonLikeParser;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.List;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.UnknownCodeSystemWarningValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.utilities.json.model.JsonObject;
import org.hl7.fhir.utilities.validation.ValidationMessage;
import org.hl7.fhir.utilities.validation.ValidationMessage.IssueSeverity;

/**
 * Validates resources against CareLink profiles with terminology checks, entirely in memory: the
 * FHIR core definitions, the CareLink package and in-memory terminology, behind one cached chain.
 * Built once and shared; the HL7 validator itself is reused per thread ({@link
 * ReusedInstanceValidators}). Snapshots and expansions are computed on first use and then cached,
 * so a validation costs only the walk over the resource.
 */
public class ProfileValidator {

  private final FhirContext context;
  private final FhirContext encodingContext;
  private final ValidationSupportChain chain;
  private final ReusedInstanceValidators validators;
  private final Timer timer;

  public ProfileValidator(
      FhirContext context,
      IValidationSupport coreDefinitions,
      ProfilePackage profiles,
      MeterRegistry registry) {
    this.context = context;
    this.encodingContext = encodingContext(context);
    // SNOMED CT and LOINC are not loaded: ValueSets enumerate their codes, and a code system the
    // server does not hold is a warning rather than an error (the ValueSet check still applies).
    UnknownCodeSystemWarningValidationSupport unknownCodeSystems =
        new UnknownCodeSystemWarningValidationSupport(context);
    unknownCodeSystems.setNonExistentCodeSystemSeverity(IValidationSupport.IssueSeverity.WARNING);
    chain =
        new ValidationSupportChain(
            ValidationSupportChain.CacheConfiguration.defaultValues(),
            coreDefinitions,
            profiles.validationSupport(),
            new CommonCodeSystemsTerminologyService(context),
            new InMemoryTerminologyServerValidationSupport(context),
            new SnapshotGeneratingValidationSupport(context),
            unknownCodeSystems);
    validators = new ReusedInstanceValidators(chain);
    timer =
        Timer.builder("carelink.validation")
            .description("Profile validation of one resource on write")
            .register(registry);
  }

  /** Errors (and fatal issues) of the resource against the given profiles; empty if it is valid. */
  public List<SingleValidationMessage> errors(IBaseResource resource, Collection<String> profiles) {
    return errors(encoded(resource), profiles);
  }

  /**
   * The resource as the validator reads it. Taken on the thread that owns the resource, so that a
   * validation on another thread sees it exactly as it was when it was about to be stored.
   */
  JsonObject encoded(IBaseResource resource) {
    JsonTreeWriter tree = new JsonTreeWriter();
    try {
      ((IJsonLikeParser) encodingContext.newJsonParser())
          .encodeResourceToJsonLikeWriter(resource, tree);
    } catch (IOException e) {
      throw new UncheckedIOException("Writing to memory failed", e);
    }
    return tree.tree();
  }

  /**
   * A FHIR context like the server's for writing resources as the validator reads them, except that
   * it does not look for referenced resources to contain. HAPI's encoder walks the whole resource
   * for references that hold a resource without an id, to write it as a contained one; a resource
   * about to be stored holds none (its references were read as text, and contained resources keep
   * their own ids, which this context writes as every context does), yet the walk was about a
   * twentieth of the validation cost (bench/README.md, 2026-12-07, sixth session). The option
   * belongs to the context, so the server's own context, which also encodes what it stores, is not
   * changed.
   */
  private static FhirContext encodingContext(FhirContext serverContext) {
    FhirContext encoding = new FhirContext(serverContext.getVersion().getVersion());
    ParserOptions server = serverContext.getParserOptions();
    ParserOptions options = encoding.getParserOptions();
    options.setAutoContainReferenceTargetsWithNoId(false);
    options
        .setStripVersionsFromReferences(server.isStripVersionsFromReferences())
        .setOverrideResourceIdWithBundleEntryFullUrl(
            server.isOverrideResourceIdWithBundleEntryFullUrl())
        .setDontStripVersionsFromReferencesAtPaths(
            server.getDontStripVersionsFromReferencesAtPaths());
    return encoding;
  }

  /** Errors (and fatal issues) of an {@link #encoded} resource; safe on any thread. */
  List<SingleValidationMessage> errors(JsonObject json, Collection<String> profiles) {
    return timer.record(
        () ->
            validators.validate(json, profiles).stream()
                .filter(
                    m -> m.getLevel() == IssueSeverity.ERROR || m.getLevel() == IssueSeverity.FATAL)
                .map(ProfileValidator::toHapi)
                .toList());
  }

  /** Reused validators idle now (for tests). */
  int idleValidators() {
    return validators.idleValidators();
  }

  /** What the reused validators still hold of earlier resources (for tests). */
  int heldCodeTextPairs() {
    return validators.heldCodeTextPairs();
  }

  /** Codings the reused validators still hold of earlier resources (for tests). */
  int heldObservedCodings() {
    return validators.heldObservedCodings();
  }

  /** The cached in-memory chain behind this validator: core, package and terminology. */
  public ValidationSupportChain validationSupport() {
    return chain;
  }

  private static SingleValidationMessage toHapi(ValidationMessage message) {
    SingleValidationMessage hapi = new SingleValidationMessage();
    hapi.setSeverity(
        message.getLevel() == IssueSeverity.FATAL
            ? ResultSeverityEnum.FATAL
            : ResultSeverityEnum.ERROR);
    hapi.setLocationString(message.getLocation());
    hapi.setLocationLine(message.getLine());
    hapi.setLocationCol(message.getCol());
    hapi.setMessage(message.getMessage());
    hapi.setMessageId(message.getMessageId());
    return hapi;
  }
}
