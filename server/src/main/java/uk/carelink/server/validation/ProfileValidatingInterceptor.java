package uk.carelink.server.validation;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.validation.SingleValidationMessage;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseBundle;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.utilities.json.model.JsonObject;
import org.springframework.stereotype.Component;
import uk.carelink.server.fhir.CareLinkInterceptor;

/**
 * Validates every resource written through the API (create, update, each transaction entry) against
 * the profiles {@link ProfileSelector} picks, and rejects the write with 422 and an
 * OperationOutcome listing each error with its FHIRPath location. Hooked at storage time so that
 * transaction entries are checked one by one after their references are resolved; a failure rolls
 * the whole transaction back, and {@code TransactionEntryErrorInterceptor} adds the entry index.
 * The entries of a FHIR transaction are validated on {@link ValidationThreads} while HAPI goes on
 * storing the next ones, and the database transaction waits for them before commit ({@link
 * PendingValidations}); single writes are validated in turn, before HAPI stores them. A resource
 * the same request has already validated against the same profiles ({@link AlreadyValidated}, e.g.
 * by {@code $ingest}) is not validated again.
 */
@Component
public class ProfileValidatingInterceptor implements CareLinkInterceptor {

  /** After TransactionEntryErrorInterceptor has remembered the entry being stored (order 0). */
  private static final int AFTER_ENTRY_TRACKING = 100;

  private static final String IN_TRANSACTION_BUNDLE =
      ProfileValidatingInterceptor.class.getName() + ".inTransactionBundle";

  private final ProfileSelector selector;
  private final ProfileValidator validator;
  private final ValidationProperties properties;
  private final ValidationThreads threads;

  /** What a transaction's commit spends on validations storage did not overlap. */
  private final Timer commitWait;

  public ProfileValidatingInterceptor(
      ProfileSelector selector,
      ProfileValidator validator,
      ValidationProperties properties,
      ValidationThreads threads,
      MeterRegistry registry) {
    this.selector = selector;
    this.validator = validator;
    this.properties = properties;
    this.threads = threads;
    commitWait =
        Timer.builder("carelink.validation.commit.wait")
            .description(
                "Time a transaction's commit spent validating entries and waiting for validations"
                    + " still running: the part of validation storage did not overlap")
            .register(registry);
  }

  /** Marks a request as a FHIR transaction, whose entries may be validated beside storage. */
  @Hook(Pointcut.STORAGE_TRANSACTION_PROCESSING)
  public void beforeTransaction(IBaseBundle bundle, RequestDetails request) {
    if (request != null
        && bundle instanceof Bundle transaction
        && transaction.getType() == Bundle.BundleType.TRANSACTION) {
      request.getUserData().put(IN_TRANSACTION_BUNDLE, Boolean.TRUE);
    }
  }

  @Hook(value = Pointcut.STORAGE_PRESTORAGE_RESOURCE_CREATED, order = AFTER_ENTRY_TRACKING)
  public void beforeCreate(IBaseResource resource, RequestDetails request) {
    validate(resource, request);
  }

  @Hook(value = Pointcut.STORAGE_PRESTORAGE_RESOURCE_UPDATED, order = AFTER_ENTRY_TRACKING)
  public void beforeUpdate(IBaseResource previous, IBaseResource resource, RequestDetails request) {
    validate(resource, request);
  }

  private void validate(IBaseResource resource, RequestDetails request) {
    if (!properties.enabled()) {
      return;
    }
    Set<String> profiles = selector.select(resource, request);
    if (profiles.isEmpty() || AlreadyValidated.covers(request, resource, profiles)) {
      return;
    }
    if (properties.concurrent() && inTransactionBundle(request) && PendingValidations.possible()) {
      JsonObject json = validator.encoded(resource);
      PendingValidations.ofCurrentTransaction(request, commitWait)
          .add(resource, profiles, threads.submit(() -> validator.errors(json, profiles)));
      return;
    }
    List<SingleValidationMessage> errors = validator.errors(resource, profiles);
    if (!errors.isEmpty()) {
      throw ProfileRejection.of(resource, profiles, errors);
    }
  }

  private static boolean inTransactionBundle(RequestDetails request) {
    // Entries are stored through sub-requests that share the transaction request's user data.
    return request != null && request.getUserData().get(IN_TRANSACTION_BUNDLE) != null;
  }
}
