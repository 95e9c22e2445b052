package uk.carelink.server.validation;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.InternalErrorException;
import ca.uhn.fhir.validation.SingleValidationMessage;
import io.micrometer.core.instrument.Timer;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RunnableFuture;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import uk.carelink.server.fhir.TransactionEntryInProgress;

/**
 * The profile validations of one database transaction that run on {@link ValidationThreads} while
 * the transaction goes on storing: validation and storage of a transaction's entries overlap
 * instead of taking turns. When storage is done, the transaction's own thread validates what is
 * still queued rather than wait for it. Nothing is committed unless every one of them passed:
 * before commit the transaction waits for each in the order the resources were stored and fails on
 * the first that did not conform (naming its entry), which rolls everything back. A failure already
 * known is raised as soon as the next resource is stored, so a bad bundle stops early. When the
 * transaction rolls back for another reason (a later entry's bad reference, say), the validations
 * of the entries stored before it are still awaited, and the first that failed is what the answer
 * reports: the same answer as validating each entry in turn before storing it.
 */
final class PendingValidations implements TransactionSynchronization {

  private static final Object KEY = PendingValidations.class;

  private record Pending(
      IBaseResource resource, Set<String> profiles, Future<List<SingleValidationMessage>> errors) {}

  private final RequestDetails request;
  private final Timer commitWait;
  private final Deque<Pending> pending = new ArrayDeque<>();
  private boolean rejected;

  private PendingValidations(RequestDetails request, Timer commitWait) {
    this.request = request;
    this.commitWait = commitWait;
  }

  /** Whether validations can wait for the commit: only inside a Spring-managed transaction. */
  static boolean possible() {
    return TransactionSynchronizationManager.isSynchronizationActive();
  }

  /**
   * The pending validations of the current transaction, registered with it on first use; {@code
   * commitWait} times what its commit spends validating and waiting (the part not overlapped).
   */
  static PendingValidations ofCurrentTransaction(RequestDetails request, Timer commitWait) {
    PendingValidations existing =
        (PendingValidations) TransactionSynchronizationManager.getResource(KEY);
    if (existing != null) {
      return existing;
    }
    PendingValidations created = new PendingValidations(request, commitWait);
    TransactionSynchronizationManager.bindResource(KEY, created);
    TransactionSynchronizationManager.registerSynchronization(created);
    return created;
  }

  /** Adds a validation under way, after raising any earlier one already known to have failed. */
  void add(IBaseResource resource, Set<String> profiles, Future<List<SingleValidationMessage>> f) {
    while (!pending.isEmpty() && pending.peekFirst().errors().isDone()) {
      check(pending.removeFirst());
    }
    pending.addLast(new Pending(resource, profiles, f));
  }

  @Override
  public void beforeCommit(boolean readOnly) {
    Timer.Sample started = Timer.start();
    try {
      helpWithTheRest();
      while (!pending.isEmpty()) {
        check(pending.removeFirst());
      }
    } finally {
      started.stop(commitWait);
    }
  }

  /**
   * The transaction's thread has nothing left to store, so rather than wait it runs the queued
   * validations no validation thread has started yet, newest first (the validation threads work
   * from the oldest). A task already started or done is left alone ({@link RunnableFuture#run}).
   */
  private void helpWithTheRest() {
    Iterator<Pending> newestFirst = pending.descendingIterator();
    while (newestFirst.hasNext()) {
      if (newestFirst.next().errors() instanceof RunnableFuture<?> task) {
        task.run();
      }
    }
  }

  @Override
  public void afterCompletion(int status) {
    try {
      if (status != STATUS_COMMITTED && !rejected) {
        reportEarlierFailure();
      }
    } finally {
      pending.forEach(p -> p.errors().cancel(false));
      pending.clear();
      TransactionSynchronizationManager.unbindResourceIfPossible(KEY);
    }
  }

  /** Rolled back for another reason: the first entry stored before it that did not conform. */
  private void reportEarlierFailure() {
    while (!pending.isEmpty()) {
      Pending validation = pending.removeFirst();
      List<SingleValidationMessage> errors;
      try {
        errors = outcome(validation.errors());
      } catch (RuntimeException validatorFailure) {
        // The rollback's own cause is reported then; a validator fault must not hide it.
        return;
      }
      if (!errors.isEmpty()) {
        TransactionEntryInProgress.failedEarlier(
            request,
            validation.resource(),
            ProfileRejection.of(validation.resource(), validation.profiles(), errors));
        return;
      }
    }
  }

  private void check(Pending validation) {
    List<SingleValidationMessage> errors = outcome(validation.errors());
    if (!errors.isEmpty()) {
      rejected = true;
      TransactionEntryInProgress.remember(request, validation.resource());
      throw ProfileRejection.of(validation.resource(), validation.profiles(), errors);
    }
  }

  private static List<SingleValidationMessage> outcome(
      Future<List<SingleValidationMessage>> errors) {
    try {
      return errors.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InternalErrorException("Interrupted while waiting for profile validation", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException failure) {
        throw failure;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new InternalErrorException("Profile validation failed", e.getCause());
    }
  }
}
