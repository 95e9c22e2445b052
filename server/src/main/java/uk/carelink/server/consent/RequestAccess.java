package uk.carelink.server.consent;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import uk.carelink.server.security.Party;

/**
 * One request's consent state: who asks and for what purpose, the Consents and links it decides
 * with (one snapshot for the whole request), and what was decided, for the audit record.
 */
public final class RequestAccess implements PatientDirectory {

  private static final String USER_DATA_KEY = RequestAccess.class.getName();

  private final Party party;
  private final String purpose;
  private final Instant at;
  private final AccessSnapshots.Snapshot snapshot;
  private final IndexedPatientControllers records;
  private final Map<String, AccessDecision> decided = new ConcurrentHashMap<>();
  private final Map<String, Optional<DataController>> unlinkedControllers = new HashMap<>();
  private final Set<String> decidingConsents = Collections.synchronizedSet(new LinkedHashSet<>());
  private final Set<String> withheldPatients = Collections.synchronizedSet(new LinkedHashSet<>());
  private final AtomicInteger withheld = new AtomicInteger();
  private volatile boolean resultsFromIndexes;

  RequestAccess(
      Party party,
      String purpose,
      AccessSnapshots.Snapshot snapshot,
      IndexedPatientControllers records) {
    this.party = party;
    this.purpose = purpose;
    this.at = Instant.now();
    this.snapshot = snapshot;
    this.records = records;
  }

  public static Optional<RequestAccess> of(RequestDetails request) {
    return request == null
        ? Optional.empty()
        : Optional.ofNullable((RequestAccess) request.getUserData().get(USER_DATA_KEY));
  }

  void attachTo(RequestDetails request) {
    request.getUserData().put(USER_DATA_KEY, this);
  }

  public Party party() {
    return party;
  }

  public String purpose() {
    return purpose;
  }

  public Instant at() {
    return at;
  }

  ConsentIndex consents() {
    return snapshot.consents();
  }

  ControllerHoldings.Snapshot holdings() {
    return snapshot.holdings();
  }

  /**
   * Marks a type search whose results {@link SearchResultScreening} decides from HAPI's indexes, in
   * place of HAPI's consent interceptor, which would load every result to decide on it.
   */
  void decideResultsFromIndexes() {
    resultsFromIndexes = true;
  }

  boolean resultsDecidedFromIndexes() {
    return resultsFromIndexes;
  }

  /** A decision already taken for this version of the resource in this request. */
  Optional<AccessDecision> decided(String versionedId) {
    return Optional.ofNullable(decided.get(versionedId));
  }

  void record(String versionedId, AccessDecision decision, Set<String> patientIds) {
    decided.put(versionedId, decision);
    if (!decision.permitted()) {
      withheld.incrementAndGet();
      withheldPatients.addAll(patientIds);
    }
    decidingConsents.addAll(decision.consents());
  }

  /** Whom the resources consent withheld were about. */
  public Set<String> withheldPatients() {
    synchronized (withheldPatients) {
      return Set.copyOf(withheldPatients);
    }
  }

  /** How many resources consent kept out of this request's answer. */
  public int withheld() {
    return withheld.get();
  }

  /** The Consents that decided what this request saw or did not see. */
  public Set<String> decidingConsents() {
    synchronized (decidingConsents) {
      return Set.copyOf(decidingConsents);
    }
  }

  @Override
  public Set<String> group(String patientId) {
    return snapshot.links().group(patientId);
  }

  /** From the MDM links, or for a Patient not (yet) linked, from HAPI's tables. */
  @Override
  public Optional<DataController> controller(String patientId) {
    Optional<DataController> linked = snapshot.links().controller(patientId);
    if (linked.isPresent()) {
      return linked;
    }
    synchronized (unlinkedControllers) {
      return unlinkedControllers.computeIfAbsent(patientId, records::controllerOf);
    }
  }

  /**
   * Reads the controllers of the Patients among these that the links do not cover, in one query,
   * before decisions ask for them one by one (a page of results about residents not yet linked).
   */
  void readControllersOf(Collection<String> patientIds) {
    synchronized (unlinkedControllers) {
      Set<String> unknown = new LinkedHashSet<>();
      for (String id : patientIds) {
        if (snapshot.links().controller(id).isEmpty() && !unlinkedControllers.containsKey(id)) {
          unknown.add(id);
        }
      }
      unlinkedControllers.putAll(records.controllersOf(unknown));
    }
  }
}
