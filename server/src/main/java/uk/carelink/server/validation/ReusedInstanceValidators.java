package uk.carelink.server.validation;

import static java.nio.charset.StandardCharsets.UTF_8;

import ca.uhn.fhir.context.support.IValidationSupport;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.common.hapi.validation.validator.WorkerContextValidationSupportAdapter;
import org.hl7.fhir.r5.context.IWorkerContext;
import org.hl7.fhir.r5.elementmodel.Manager.FhirFormat;
import org.hl7.fhir.r5.model.StructureDefinition;
import org.hl7.fhir.r5.utils.validation.ValidatorSession;
import org.hl7.fhir.r5.utils.validation.constants.BestPracticeWarningLevel;
import org.hl7.fhir.r5.utils.validation.constants.IdStatus;
import org.hl7.fhir.r5.utils.validation.constants.ReferenceValidationPolicy;
import org.hl7.fhir.r5.utils.xver.XVerExtensionManagerOld;
import org.hl7.fhir.utilities.validation.ValidationMessage;
import org.hl7.fhir.validation.ValidatorSettings;
import org.hl7.fhir.validation.instance.InstanceValidator;
import org.hl7.fhir.validation.instance.advisor.BasePolicyAdvisorForFullValidation;

/**
 * The HL7 instance validator, built once per thread and reused. HAPI's {@code
 * FhirInstanceValidator} builds a new one for every resource, and with {@code
 * org.hl7.fhir.validation} 6.7.x that constructor parses an OID table from CSV each time: about 70
 * % of the cost of validating a small resource (bench/README.md). Settings are those HAPI uses,
 * with references not resolved (a transaction entry's targets may not be stored yet).
 */
final class ReusedInstanceValidators {

  private final IWorkerContext context;
  private final ThreadLocal<InstanceValidator> perThread;

  ReusedInstanceValidators(IValidationSupport validationSupport) {
    context =
        WorkerContextValidationSupportAdapter.newVersionSpecificWorkerContextWrapper(
            validationSupport);
    perThread = ThreadLocal.withInitial(this::build);
  }

  /** Every message (all severities) for one resource, encoded as FHIR JSON. */
  List<ValidationMessage> validate(String json, Collection<String> profileUrls) {
    List<ValidationMessage> messages = new ArrayList<>();
    List<StructureDefinition> profiles = new ArrayList<>();
    for (String url : profileUrls) {
      StructureDefinition profile = context.fetchResource(StructureDefinition.class, url);
      if (profile == null) {
        messages.add(
            new ValidationMessage()
                .setLevel(ValidationMessage.IssueSeverity.ERROR)
                .setLocation("")
                .setMessage("Unknown profile " + url + ": the server does not know it"));
      } else {
        profiles.add(profile);
      }
    }
    if (!messages.isEmpty()) {
      return messages;
    }
    perThread
        .get()
        .validate(
            null,
            messages,
            new ByteArrayInputStream(json.getBytes(UTF_8)),
            FhirFormat.JSON,
            profiles);
    return messages;
  }

  private InstanceValidator build() {
    InstanceValidator validator =
        new InstanceValidator(
            context,
            new FhirInstanceValidator.NullEvaluationContext(),
            new XVerExtensionManagerOld(context),
            new ValidatorSession(),
            new ValidatorSettings());
    validator.setBestPracticeWarningLevel(BestPracticeWarningLevel.Ignore);
    validator.setAnyExtensionsAllowed(true);
    validator.setResourceIdRule(IdStatus.OPTIONAL);
    validator.setNoTerminologyChecks(false);
    validator.setErrorForUnknownProfiles(true);
    // As HAPI: unknown code systems are reported through UnknownCodeSystemWarningValidationSupport.
    validator.setUnknownCodeSystemsCauseErrors(true);
    validator.setPolicyAdvisor(
        new BasePolicyAdvisorForFullValidation(ReferenceValidationPolicy.IGNORE, Set.of()));
    validator.setAllowXsiLocation(true);
    return validator;
  }
}
