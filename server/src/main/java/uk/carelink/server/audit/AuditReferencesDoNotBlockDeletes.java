package uk.carelink.server.audit;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.api.model.DeleteConflictList;

/**
 * The audit trail names the records it disclosed, but must not keep them from being deleted: HAPI's
 * referential integrity would refuse to delete a Patient once any AuditEvent mentioned it. Such
 * conflicts are dropped; every other conflict still blocks the delete.
 */
public class AuditReferencesDoNotBlockDeletes {

  @Hook(Pointcut.STORAGE_PRESTORAGE_DELETE_CONFLICTS)
  public void ignoreAuditEvents(DeleteConflictList conflicts) {
    conflicts.removeIf(conflict -> "AuditEvent".equals(conflict.getSourceId().getResourceType()));
  }
}
