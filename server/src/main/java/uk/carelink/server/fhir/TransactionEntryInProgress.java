package uk.carelink.server.fhir;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * The transaction entry a request is working on, so that a failed transaction can name the entry at
 * fault. Storage hooks remember each entry as HAPI stores it. A check that runs beside storage
 * (profile validation on its own threads) may find fault with an earlier entry only after a later
 * one has failed for another reason; it then records its own failure as the one to report, as it
 * would have come first had the check run in turn. Kept in the request's user data, which HAPI's
 * per-entry sub-requests share.
 */
public final class TransactionEntryInProgress {

  private static final String ENTRY = TransactionEntryInProgress.class.getName() + ".entry";
  private static final String EARLIER_FAILURE =
      TransactionEntryInProgress.class.getName() + ".earlierFailure";

  /** A failure of an earlier entry than the one HAPI was working on when the transaction failed. */
  public record EarlierFailure(IBaseResource entry, BaseServerResponseException failure) {}

  private TransactionEntryInProgress() {}

  /** The entry whose resource is {@code resource} is the one being worked on (or at fault). */
  public static void remember(RequestDetails request, IBaseResource resource) {
    if (request != null) {
      request.getUserData().put(ENTRY, resource);
    }
  }

  /** The resource of the entry last remembered, if any. */
  public static Optional<IBaseResource> of(RequestDetails request) {
    return request == null
        ? Optional.empty()
        : Optional.ofNullable((IBaseResource) request.getUserData().get(ENTRY));
  }

  /**
   * Records that {@code entry}, stored before the failure the transaction is rolling back for, did
   * not pass a check; the answer reports this failure instead.
   */
  public static void failedEarlier(
      RequestDetails request, IBaseResource entry, BaseServerResponseException failure) {
    if (request != null) {
      request.getUserData().put(EARLIER_FAILURE, new EarlierFailure(entry, failure));
    }
  }

  /** The earlier failure to report instead of the one the transaction failed with, if any. */
  public static Optional<EarlierFailure> earlierFailure(RequestDetails request) {
    return request == null
        ? Optional.empty()
        : Optional.ofNullable((EarlierFailure) request.getUserData().get(EARLIER_FAILURE));
  }
}
