package uk.carelink.server.storage;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.api.model.ResourceVersionConflictResolutionStrategy;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;

/**
 * Lets HAPI run a DELETE's transaction again when it fails on a version conflict.
 *
 * <p>With subscriptions on (linkage), HAPI 8.8 queues a message for every write in
 * HFJ_RESOURCE_MODIFIED, keyed by resource and version. A delete's message carries the version
 * before the delete, the key of the message its last write queued. If that message is being drained
 * while the delete commits, Hibernate updates a row that has just gone and the delete fails with
 * "two clients/threads were trying to update the same resource" (409), though no client did. Run
 * again, the delete finds the row gone and inserts its own. Other writes are not retried: their
 * messages carry new versions, and a transaction bundle re-run would repeat work that is not
 * idempotent.
 */
public class RetriedDeleteConflicts {

  private final int maxRetries;

  public RetriedDeleteConflicts(int maxRetries) {
    this.maxRetries = maxRetries;
  }

  @Hook(Pointcut.STORAGE_VERSION_CONFLICT)
  public ResourceVersionConflictResolutionStrategy retryDeletes(RequestDetails request) {
    ResourceVersionConflictResolutionStrategy strategy =
        new ResourceVersionConflictResolutionStrategy();
    if (maxRetries > 0
        && request != null
        && request.getRestOperationType() == RestOperationTypeEnum.DELETE) {
      strategy.setRetry(true);
      strategy.setMaxRetries(maxRetries);
    }
    return strategy;
  }
}
