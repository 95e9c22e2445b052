package uk.carelink.server.validation;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationOptions;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Collection;
import java.util.List;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.UnknownCodeSystemWarningValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r5.utils.validation.constants.BestPracticeWarningLevel;

/**
 * Validates resources against CareLink profiles with terminology checks, entirely in memory: the
 * FHIR core definitions, the CareLink package and in-memory terminology, behind one cached chain.
 * Built once and shared (HAPI's validator is thread-safe); snapshots and expansions are computed on
 * first use and then cached, so a validation costs only the walk over the resource.
 */
public class ProfileValidator {

  private final FhirValidator validator;
  private final ValidationSupportChain chain;
  private final Timer timer;

  public ProfileValidator(
      FhirContext context,
      IValidationSupport coreDefinitions,
      ProfilePackage profiles,
      MeterRegistry registry) {
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
    FhirInstanceValidator instanceValidator = new FhirInstanceValidator(chain);
    instanceValidator.setBestPracticeWarningLevel(BestPracticeWarningLevel.Ignore);
    instanceValidator.setAnyExtensionsAllowed(true);
    validator = context.newValidator();
    validator.setValidateAgainstStandardSchema(false);
    validator.setValidateAgainstStandardSchematron(false);
    validator.registerValidatorModule(instanceValidator);
    timer =
        Timer.builder("carelink.validation")
            .description("Profile validation of one resource on write")
            .register(registry);
  }

  /** Errors (and fatal issues) of the resource against the given profiles; empty if it is valid. */
  public List<SingleValidationMessage> errors(IBaseResource resource, Collection<String> profiles) {
    ValidationOptions options = new ValidationOptions();
    profiles.forEach(options::addProfile);
    List<SingleValidationMessage> messages =
        timer.record(() -> validator.validateWithResult(resource, options).getMessages());
    return messages.stream()
        .filter(
            m ->
                m.getSeverity() == ResultSeverityEnum.ERROR
                    || m.getSeverity() == ResultSeverityEnum.FATAL)
        .toList();
  }

  /** The cached in-memory chain behind this validator: core, package and terminology. */
  public ValidationSupportChain validationSupport() {
    return chain;
  }
}
