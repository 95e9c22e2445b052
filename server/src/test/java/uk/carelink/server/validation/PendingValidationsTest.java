package uk.carelink.server.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import uk.carelink.server.fhir.TransactionEntryInProgress;

/**
 * The validations of one transaction's entries that run beside storage: nothing commits unless all
 * passed, the first failing entry (in storage order) is the one reported, and a rollback for
 * another reason still reports an earlier entry's failure.
 */
class PendingValidationsTest {

  private static final Set<String> PROFILE = Set.of("https://example.org/profile");

  private final SystemRequestDetails request = new SystemRequestDetails();
  private final Timer commitWait = new SimpleMeterRegistry().timer("commit.wait");
  private final Patient first = new Patient();
  private final Observation second = new Observation();

  @BeforeEach
  void startTransaction() {
    TransactionSynchronizationManager.initSynchronization();
  }

  @AfterEach
  void endTransaction() {
    TransactionSynchronizationManager.clearSynchronization();
    TransactionSynchronizationManager.unbindResourceIfPossible(PendingValidations.class);
  }

  @Test
  void oneTransactionHasOneSetOfPendingValidations() {
    assertThat(PendingValidations.possible()).isTrue();
    PendingValidations pending = PendingValidations.ofCurrentTransaction(request, commitWait);

    assertThat(PendingValidations.ofCurrentTransaction(request, commitWait)).isSameAs(pending);
    assertThat(TransactionSynchronizationManager.getSynchronizations()).containsExactly(pending);
  }

  @Test
  void commitGoesAheadWhenEveryValidationPassed() {
    PendingValidations pending = PendingValidations.ofCurrentTransaction(request, commitWait);
    pending.add(first, PROFILE, passed());
    pending.add(second, PROFILE, passed());

    pending.beforeCommit(false);
    pending.afterCompletion(TransactionSynchronization.STATUS_COMMITTED);

    assertThat(TransactionEntryInProgress.earlierFailure(request)).isEmpty();
    assertThat(commitWait.count()).as("the commit's wait is timed").isEqualTo(1);
  }

  @Test
  void commitFailsOnTheFirstEntryInStorageOrderThatDidNotConform() {
    PendingValidations pending = PendingValidations.ofCurrentTransaction(request, commitWait);
    CompletableFuture<List<SingleValidationMessage>> slowFirst = new CompletableFuture<>();
    pending.add(first, PROFILE, slowFirst);
    pending.add(second, PROFILE, failed("Observation.status"));
    slowFirst.complete(List.of(error("Patient.birthDate")));

    assertThatThrownBy(() -> pending.beforeCommit(false))
        .isInstanceOf(UnprocessableEntityException.class)
        .hasMessageContaining("Patient does not conform")
        .hasMessageContaining("Patient.birthDate");
    assertThat(TransactionEntryInProgress.of(request)).containsSame(first);

    pending.afterCompletion(TransactionSynchronization.STATUS_ROLLED_BACK);
    // The rejection above is the answer; the second entry's failure does not replace it.
    assertThat(TransactionEntryInProgress.earlierFailure(request)).isEmpty();
  }

  @Test
  void atCommitTheTransactionsThreadRunsWhatNoValidationThreadHasStarted() {
    PendingValidations pending = PendingValidations.ofCurrentTransaction(request, commitWait);
    Thread committing = Thread.currentThread();
    List<Thread> ranOn = new ArrayList<>();
    FutureTask<List<SingleValidationMessage>> neverPickedUp =
        new FutureTask<>(
            () -> {
              ranOn.add(Thread.currentThread());
              return List.of(error("Observation.status"));
            });
    pending.add(first, PROFILE, passed());
    pending.add(second, PROFILE, neverPickedUp);

    assertThatThrownBy(() -> pending.beforeCommit(false))
        .isInstanceOf(UnprocessableEntityException.class)
        .hasMessageContaining("Observation.status");
    assertThat(ranOn).containsExactly(committing);
  }

  @Test
  void aFailureAlreadyKnownStopsTheTransactionAtTheNextEntry() {
    PendingValidations pending = PendingValidations.ofCurrentTransaction(request, commitWait);
    pending.add(first, PROFILE, failed("Patient.birthDate"));

    assertThatThrownBy(() -> pending.add(second, PROFILE, passed()))
        .isInstanceOf(UnprocessableEntityException.class)
        .hasMessageContaining("Patient.birthDate");
  }

  @Test
  void aRollbackForAnotherReasonReportsTheFirstEarlierEntryThatDidNotConform() {
    PendingValidations pending = PendingValidations.ofCurrentTransaction(request, commitWait);
    pending.add(first, PROFILE, passed());
    CompletableFuture<List<SingleValidationMessage>> stillRunning = new CompletableFuture<>();
    pending.add(second, PROFILE, stillRunning);
    CompletableFuture.runAsync(() -> stillRunning.complete(List.of(error("Observation.code"))));

    pending.afterCompletion(TransactionSynchronization.STATUS_ROLLED_BACK);

    assertThat(TransactionEntryInProgress.earlierFailure(request))
        .hasValueSatisfying(
            earlier -> {
              assertThat(earlier.entry()).isSameAs(second);
              assertThat(earlier.failure()).hasMessageContaining("Observation.code");
            });
    assertThat(TransactionSynchronizationManager.getResource(PendingValidations.class)).isNull();
  }

  @Test
  void aRollbackForAnotherReasonWithEveryEarlierEntryValidReportsThatReason() {
    PendingValidations pending = PendingValidations.ofCurrentTransaction(request, commitWait);
    pending.add(first, PROFILE, passed());

    pending.afterCompletion(TransactionSynchronization.STATUS_ROLLED_BACK);

    assertThat(TransactionEntryInProgress.earlierFailure(request)).isEmpty();
  }

  private static Future<List<SingleValidationMessage>> passed() {
    return CompletableFuture.completedFuture(List.of());
  }

  private static Future<List<SingleValidationMessage>> failed(String location) {
    return CompletableFuture.completedFuture(List.of(error(location)));
  }

  private static SingleValidationMessage error(String location) {
    SingleValidationMessage message = new SingleValidationMessage();
    message.setSeverity(ResultSeverityEnum.ERROR);
    message.setLocationString(location);
    message.setMessage(location + ": minimum required = 1, but only found 0");
    return message;
  }
}
