package uk.carelink.server.sandbox;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirResourceDao;
import ca.uhn.fhir.jpa.api.dao.IFhirSystemDao;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.Date;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Meta;
import org.hl7.fhir.r4.model.Provenance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import uk.carelink.world.PartyTransaction;
import uk.carelink.world.Rates;
import uk.carelink.world.WorldGenerator;
import uk.carelink.world.WorldParties;
import uk.carelink.world.WorldSpec;

/**
 * Loads the sandbox world on first start. It runs as an ApplicationRunner, so readiness turns UP
 * only after it has finished; a complete load leaves a {@link WorldMarker}, and later starts skip
 * the load. Each transaction is submitted as the party that writes it, so the controller of every
 * resource is that party.
 */
@Component
@ConditionalOnProperty(
    prefix = "carelink.sandbox",
    name = "enabled",
    havingValue = "true",
    matchIfMissing = true)
public class SandboxWorldLoader implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(SandboxWorldLoader.class);

  private final SandboxWorldProperties properties;
  private final IFhirSystemDao<Bundle, Meta> systemDao;
  private final DaoRegistry daoRegistry;
  private final PartyRequests partyRequests;
  private final WorldLinkageWait linkageWait;
  private final AtomicLong patients = new AtomicLong();

  public SandboxWorldLoader(
      SandboxWorldProperties properties,
      IFhirSystemDao<Bundle, Meta> systemDao,
      DaoRegistry daoRegistry,
      PartyRequests partyRequests,
      WorldLinkageWait linkageWait) {
    this.properties = properties;
    this.systemDao = systemDao;
    this.daoRegistry = daoRegistry;
    this.partyRequests = partyRequests;
    this.linkageWait = linkageWait;
  }

  @Override
  public void run(ApplicationArguments args) throws Exception {
    WorldSpec spec = properties.worldSpec();
    WorldGenerator world =
        new WorldGenerator(
            spec,
            WorldParties.from(partyRequests.organizations(), spec.careHomes()),
            Rates.ukCareHomes());
    String wanted = world.spec().describe();
    Optional<String> loaded = loadedSpec();
    if (loaded.isPresent()) {
      if (loaded.get().equals(wanted)) {
        LOG.info("Sandbox world already loaded ({})", wanted);
      } else {
        LOG.warn(
            "A different sandbox world is loaded ({}); reset the sandbox to load {}",
            loaded.get(),
            wanted);
      }
      return;
    }
    load(world);
  }

  private Optional<String> loadedSpec() {
    IFhirResourceDao<Provenance> provenances = daoRegistry.getResourceDao(Provenance.class);
    try {
      return WorldMarker.specOf(
          provenances.read(
              new org.hl7.fhir.r4.model.IdType("Provenance", WorldMarker.ID),
              new SystemRequestDetails()));
    } catch (ResourceNotFoundException | ResourceGoneException notLoaded) {
      return Optional.empty();
    }
  }

  private void load(WorldGenerator world) throws InterruptedException {
    long started = System.nanoTime();
    LOG.info("Loading the sandbox world ({})", world.spec().describe());
    AtomicLong resources = new AtomicLong();
    AtomicLong transactions = new AtomicLong();
    // Organisations first: everything else refers to them.
    world.generateOrganizations(
        transaction -> {
          submit(transaction, resources);
          transactions.incrementAndGet();
        });
    // The rest is independent per bundle: submitted as generated, a few at a time, so a large
    // world never sits in memory whole.
    int threads = properties.loaderThreads();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    Semaphore inFlight = new Semaphore(2 * threads);
    AtomicReference<RuntimeException> failure = new AtomicReference<>();
    try {
      world.generateRecords(
          transaction -> {
            throwIfFailed(failure);
            inFlight.acquireUninterruptibly();
            pool.execute(
                () -> {
                  try {
                    submit(transaction, resources);
                    transactions.incrementAndGet();
                  } catch (RuntimeException e) {
                    failure.compareAndSet(null, e);
                  } finally {
                    inFlight.release();
                  }
                });
          });
    } finally {
      pool.shutdown();
      pool.awaitTermination(1, TimeUnit.HOURS);
    }
    throwIfFailed(failure);
    // Agreements and residents' Consents refer to the records: last.
    world.generateGovernance(
        transaction -> {
          submit(transaction, resources);
          transactions.incrementAndGet();
        });
    linkageWait.await(patients.get(), properties.linkageWait());
    daoRegistry
        .getResourceDao(Provenance.class)
        .update(WorldMarker.of(world, new Date()), partyRequests.as(world.parties().admin()));
    LOG.info(
        "Sandbox world loaded: {} resources in {} transactions, {} s",
        resources.get(),
        transactions.get(),
        String.format("%.1f", (System.nanoTime() - started) / 1e9));
  }

  private static void throwIfFailed(AtomicReference<RuntimeException> failure) {
    RuntimeException first = failure.get();
    if (first != null) {
      throw first;
    }
  }

  private void submit(PartyTransaction transaction, AtomicLong resources) {
    try {
      systemDao.transaction(partyRequests.as(transaction.party()), transaction.bundle());
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          "Sandbox world transaction '" + transaction.label() + "' was rejected: " + e.getMessage(),
          e);
    }
    resources.addAndGet(transaction.bundle().getEntry().size());
    patients.addAndGet(
        transaction.bundle().getEntry().stream()
            .filter(entry -> "Patient".equals(entry.getResource().fhirType()))
            .count());
  }
}
