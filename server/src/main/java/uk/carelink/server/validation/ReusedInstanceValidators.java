package uk.carelink.server.validation;

import ca.uhn.fhir.context.support.IValidationSupport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.r5.elementmodel.Element;
import org.hl7.fhir.r5.elementmodel.JsonParser;
import org.hl7.fhir.r5.elementmodel.ParserBase.ValidationPolicy;
import org.hl7.fhir.r5.model.StructureDefinition;
import org.hl7.fhir.r5.utils.validation.ValidatorSession;
import org.hl7.fhir.r5.utils.validation.constants.BestPracticeWarningLevel;
import org.hl7.fhir.r5.utils.validation.constants.IdStatus;
import org.hl7.fhir.r5.utils.xver.XVerExtensionManagerOld;
import org.hl7.fhir.utilities.json.model.JsonObject;
import org.hl7.fhir.utilities.validation.ValidationMessage;
import org.hl7.fhir.validation.ValidatorSettings;
import org.hl7.fhir.validation.instance.InstanceValidator;
import uk.carelink.server.validation.RestatedImpliedProfiles.ValidatedAgainst;

/**
 * The HL7 instance validator and its element-model JSON parser, built once and reused, from a pool
 * that any thread borrows from (a validation thread, or a request thread validating what is still
 * queued at commit): there are as many as validations ever ran at once, not one per thread that
 * ever validated. Each holds a parsed OID table and caches of its own (a few MB), and a request
 * thread's own validator would be cold and rarely used among Tomcat's workers. HAPI's {@code
 * FhirInstanceValidator} builds a new validator for every resource, and with {@code
 * org.hl7.fhir.validation} 6.7.x that constructor parses an OID table from CSV each time: about 70
 * % of the cost of validating a small resource. The validator's own entry point for a stream also
 * builds a new parser (with a FHIRPath engine, profile utilities and a set of every resource type)
 * per call: about 15 % of what remained (bench/README.md); that parser also scanned every
 * StructureDefinition for the resource's type ({@link ValidatorJsonParser}). Settings are those
 * HAPI uses, with references not resolved (a transaction entry's targets may not be stored yet) and
 * core profiles the CareLink profile restates not walked again ({@link RestatedImpliedProfiles}).
 */
final class ReusedInstanceValidators {

  /**
   * A reused validator is rebuilt after this many resources: it keeps state between validations
   * that its {@code validate} does not reset (see {@link #forgetEarlierResources}), and a rebuild
   * (about the cost of one validation) bounds whatever else might be kept. With what is known
   * forgotten, a validator that was never renewed held no more after 17,750 resources than after
   * 10,650 (bench/README.md, 2026-12-06), so the bound can be loose: each renewal leaves a few MB
   * (the old validator's OID table and caches) for the old generation to collect.
   */
  static final int RENEW_AFTER_RESOURCES = 10_000;

  /**
   * Best-practice invariants are not reported, as in HAPI's validator: a write is rejected only for
   * what FHIR and the profiles require ({@link WarningOnlyConstraints}).
   */
  static final BestPracticeWarningLevel BEST_PRACTICE = BestPracticeWarningLevel.Ignore;

  /** A validator and the parser that feeds it; neither is thread-safe, so one user at a time. */
  private static final class Tools {
    private final InstanceValidator validator;
    private final JsonParser parser;
    private int used;

    private Tools(InstanceValidator validator, JsonParser parser) {
      this.validator = validator;
      this.parser = parser;
    }
  }

  private final RememberingWorkerContext context;
  private final EmptyElementRule emptyElements;
  private final ObservedCodings observedCodings = new ObservedCodings();
  private final Map<String, StructureDefinition> typeDefinitions = new ConcurrentHashMap<>();
  private final AbsentProperties absentProperties = new AbsentProperties();

  /** Idle tools, most recently used first (their caches and the JIT's profile are warmest). */
  private final Deque<Tools> idle = new ConcurrentLinkedDeque<>();

  ReusedInstanceValidators(IValidationSupport validationSupport) {
    context = new RememberingWorkerContext(validationSupport);
    emptyElements = new EmptyElementRule(context);
  }

  /** Every message (all severities) for one resource written as FHIR JSON text (for tests). */
  List<ValidationMessage> validate(String json, Collection<String> profileUrls) {
    try {
      return validate(
          org.hl7.fhir.utilities.json.parser.JsonParser.parseObject(json, false, true, 0),
          profileUrls);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Every message (all severities) for one resource, as a FHIR JSON tree ({@link JsonTreeWriter}).
   */
  List<ValidationMessage> validate(JsonObject json, Collection<String> profileUrls) {
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
    // What InstanceValidator.validate(..., InputStream, JSON, profiles) does, minus building a
    // parser and reading text: parse the JSON tree into the element model (structure errors land
    // in the messages), then validate the element.
    Tools tools = borrow();
    try {
      validate(tools, json, profiles, new ValidatedAgainst(List.copyOf(profileUrls)), messages);
    } finally {
      giveBack(tools);
    }
    return messages;
  }

  private Tools borrow() {
    Tools tools = idle.pollFirst();
    return tools != null ? tools : newTools();
  }

  /** Back to the pool, unless it has served its share: the next borrower then builds a new one. */
  private void giveBack(Tools tools) {
    if (++tools.used < RENEW_AFTER_RESOURCES) {
      idle.offerFirst(tools);
    }
  }

  private void validate(
      Tools tools,
      JsonObject json,
      List<StructureDefinition> profiles,
      ValidatedAgainst against,
      List<ValidationMessage> messages) {
    Element resource;
    try {
      resource = tools.parser.parse(messages, json);
    } catch (RuntimeException unreadable) {
      // Rejected with a message, not a server error; the parser may be left half-way, so it is
      // not lent again.
      tools.used = RENEW_AFTER_RESOURCES;
      messages.addAll(emptyElements.unreadable(json, unreadable));
      return;
    }
    if (resource == null) {
      return;
    }
    try {
      tools.validator.validate(against, messages, null, resource, profiles);
      emptyElements.check(resource, messages);
    } finally {
      forgetEarlierResources(tools.validator);
    }
  }

  /**
   * What the validator keeps of a resource after validating it, forgotten. It records every coding
   * whose display differs from its CodeableConcept's text, with the element tree it sits in, for an
   * optional AI text check that this server does not run (a 9,882-row {@code $ingest} once ran a 1
   * GiB heap out of memory with them); and every coding it saw, with the same tree, for an optional
   * IPS check ({@link ObservedCodings}). It never forgets either.
   */
  private void forgetEarlierResources(InstanceValidator validator) {
    validator.getTextsToCheck().clear();
    observedCodings.forget(validator);
  }

  /** Validators built and idle now (for tests). */
  int idleValidators() {
    return idle.size();
  }

  /** Code-and-text pairs the idle validators hold now (for tests). */
  int heldCodeTextPairs() {
    return idle.stream().mapToInt(t -> t.validator.getTextsToCheck().size()).sum();
  }

  /** Codings the idle validators hold from the resources they validated (for tests). */
  int heldObservedCodings() {
    return idle.stream().mapToInt(t -> observedCodings.held(t.validator)).sum();
  }

  private Tools newTools() {
    return new Tools(build(), parser());
  }

  private JsonParser parser() {
    // What Manager.makeParser(context, JSON) builds, with type definitions looked up, not scanned.
    JsonParser parser = new ValidatorJsonParser(context, typeDefinitions, absentProperties);
    parser.setupValidation(ValidationPolicy.EVERYTHING);
    return parser;
  }

  private InstanceValidator build() {
    InstanceValidator validator =
        new InstanceValidator(
            context,
            new FhirInstanceValidator.NullEvaluationContext(),
            new XVerExtensionManagerOld(context),
            new ValidatorSession(),
            new ValidatorSettings());
    validator.setBestPracticeWarningLevel(BEST_PRACTICE);
    validator.setAnyExtensionsAllowed(true);
    validator.setResourceIdRule(IdStatus.OPTIONAL);
    validator.setNoTerminologyChecks(false);
    validator.setErrorForUnknownProfiles(true);
    // As HAPI: unknown code systems are reported through UnknownCodeSystemWarningValidationSupport.
    validator.setUnknownCodeSystemsCauseErrors(true);
    validator.setPolicyAdvisor(new RestatedImpliedProfiles());
    validator.setAllowXsiLocation(true);
    return validator;
  }
}
