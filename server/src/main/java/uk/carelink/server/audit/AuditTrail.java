package uk.carelink.server.audit;

import ca.uhn.fhir.jpa.api.dao.IFhirSystemDao;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Stores AuditEvents in the background, in batches, from a bounded queue. Requests hand their
 * AuditEvent over and go on; when the queue is full they wait for room rather than drop it. On
 * shutdown (after the web server has stopped taking requests) the queue is drained before the
 * database goes away.
 */
public class AuditTrail implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(AuditTrail.class);

  private final IFhirSystemDao<Bundle, ?> systemDao;
  private final AuditProperties properties;
  private final BlockingQueue<AuditEvent> queue;
  private volatile boolean running;
  private Thread writer;

  public AuditTrail(IFhirSystemDao<Bundle, ?> systemDao, AuditProperties properties) {
    this.systemDao = systemDao;
    this.properties = properties;
    this.queue = new ArrayBlockingQueue<>(properties.queueCapacity());
  }

  /** Queues an AuditEvent; waits only while the queue is full. */
  public void record(AuditEvent event) {
    try {
      queue.put(event);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      store(List.of(event));
    }
  }

  /** AuditEvents queued and not yet stored. */
  public int pending() {
    return queue.size();
  }

  @Override
  public synchronized void start() {
    running = true;
    writer = new Thread(this::drainWhileRunning, "audit-writer");
    writer.setDaemon(true);
    writer.start();
  }

  @Override
  public synchronized void stop() {
    running = false;
    if (writer != null) {
      writer.interrupt();
      try {
        writer.join(TimeUnit.SECONDS.toMillis(30));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    // Whatever arrived after the writer's last batch.
    List<AuditEvent> rest = new ArrayList<>();
    queue.drainTo(rest);
    storeInBatches(rest);
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** Stops after the web server (higher phases stop first), before the database. */
  @Override
  public int getPhase() {
    return 0;
  }

  private void drainWhileRunning() {
    List<AuditEvent> batch = new ArrayList<>(properties.batchSize());
    while (running) {
      try {
        AuditEvent first = queue.poll(properties.flushInterval().toMillis(), TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, properties.batchSize() - 1);
        store(batch);
        batch.clear();
      } catch (InterruptedException e) {
        // stop(): the remaining events are stored there.
        if (!batch.isEmpty()) {
          store(batch);
        }
        return;
      } catch (RuntimeException e) {
        log.error("Could not store {} AuditEvents", batch.size(), e);
        batch.clear();
      }
    }
  }

  private void storeInBatches(List<AuditEvent> events) {
    for (int from = 0; from < events.size(); from += properties.batchSize()) {
      store(events.subList(from, Math.min(events.size(), from + properties.batchSize())));
    }
  }

  /**
   * One batch bundle: entries are stored independently, so one bad AuditEvent (a Patient deleted
   * meanwhile) costs only itself.
   */
  private void store(List<AuditEvent> events) {
    Bundle batch = new Bundle().setType(Bundle.BundleType.BATCH);
    for (AuditEvent event : events) {
      BundleEntryComponent entry = batch.addEntry().setResource(event);
      entry.getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("AuditEvent");
    }
    Bundle response = systemDao.transaction(new SystemRequestDetails(), batch);
    for (BundleEntryComponent entry : response.getEntry()) {
      String status = entry.getResponse().getStatus();
      if (status == null || !status.startsWith("2")) {
        log.error("An AuditEvent was not stored: {}", entry.getResponse().getStatus());
      }
    }
  }
}
