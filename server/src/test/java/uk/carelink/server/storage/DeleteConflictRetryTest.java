package uk.carelink.server.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.IInterceptorService;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
import java.util.concurrent.atomic.AtomicInteger;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.carelink.server.support.FhirApiTest;
import uk.carelink.server.support.Fixtures;

/**
 * A DELETE whose transaction fails on a version conflict (as when it collides with HAPI's
 * subscription queue) is run again; other writes still answer 409 at once.
 */
class DeleteConflictRetryTest extends FhirApiTest {

  @Autowired IInterceptorService interceptors;

  private ConflictOnFirstAttempts conflicts;

  @AfterEach
  void removeConflicts() {
    if (conflicts != null) {
      interceptors.unregisterInterceptor(conflicts);
    }
  }

  @Test
  void aDeleteThatMeetsAVersionConflictIsRunAgainAndSucceeds() {
    String id = createResident("Ferguson", "Isla");
    conflicts = conflictOnFirstAttempts(id, 1);

    fhir().delete("/Patient/" + id).then().statusCode(200);

    assertThat(conflicts.attempts()).isEqualTo(2);
    fhir().get("/Patient/" + id).then().statusCode(410);
  }

  @Test
  void aDeleteThatKeepsMeetingConflictsAnswers409AfterTheConfiguredRetries() {
    String id = createResident("Ferguson", "Morag");
    conflicts = conflictOnFirstAttempts(id, Integer.MAX_VALUE);

    fhir().delete("/Patient/" + id).then().statusCode(409);

    // The first run and three retries (carelink.storage.delete-conflict-retries).
    assertThat(conflicts.attempts()).isEqualTo(4);
    fhir().get("/Patient/" + id).then().statusCode(200);
  }

  @Test
  void anUpdateThatMeetsAVersionConflictIsNotRunAgain() {
    String id = createResident("Ferguson", "Eilidh");
    conflicts = conflictOnFirstAttempts(id, 1);
    Patient changed = Fixtures.resident("Ferguson", "Ellie");
    changed.setId(id);

    fhir().body(json(changed)).put("/Patient/" + id).then().statusCode(409);

    assertThat(conflicts.attempts()).isEqualTo(1);
    fhir().get("/Patient/" + id).then().statusCode(200).body("name[0].given[0]", equalTo("Eilidh"));
  }

  private ConflictOnFirstAttempts conflictOnFirstAttempts(String id, int failures) {
    ConflictOnFirstAttempts interceptor = new ConflictOnFirstAttempts(id, failures);
    interceptors.registerInterceptor(interceptor);
    return interceptor;
  }

  /** Fails the first writes of one Patient inside their transaction, as a conflict would. */
  public static class ConflictOnFirstAttempts {
    private final String patientId;
    private final int failures;
    private final AtomicInteger attempts = new AtomicInteger();

    ConflictOnFirstAttempts(String patientId, int failures) {
      this.patientId = patientId;
      this.failures = failures;
    }

    @Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_DELETED)
    public void deleting(IBaseResource resource) {
      conflictIfFirst(resource);
    }

    @Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_UPDATED)
    public void updating(IBaseResource previous, IBaseResource updated) {
      conflictIfFirst(updated);
    }

    private void conflictIfFirst(IBaseResource resource) {
      if (patientId.equals(resource.getIdElement().getIdPart())
          && attempts.incrementAndGet() <= failures) {
        throw new ResourceVersionConflictException("injected conflict on Patient/" + patientId);
      }
    }

    int attempts() {
      return attempts.get();
    }
  }
}
