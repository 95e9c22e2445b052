package uk.carelink.world;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Generates a world from a {@link WorldSpec} as an ordered stream of transactions, each written by
 * one party: first every party's own Organization, then home by home the residents' records, the GP
 * practice's registered patients and the hospital's patients and encounters, last the agreements
 * and residents' Consents. Submitted in this order, every reference points at something already
 * stored.
 */
public final class WorldGenerator {

  private final WorldSpec spec;
  private final WorldParties parties;
  private final Rates rates;

  public WorldGenerator(WorldSpec spec) {
    this(spec, WorldParties.forCareHomes(spec.careHomes()), Rates.ukCareHomes());
  }

  public WorldGenerator(WorldSpec spec, WorldParties parties, Rates rates) {
    if (parties.careHomes().size() != spec.careHomes()) {
      throw new IllegalArgumentException(
          "spec has " + spec.careHomes() + " care homes, parties " + parties.careHomes().size());
    }
    this.spec = spec;
    this.parties = parties;
    this.rates = rates;
  }

  public WorldSpec spec() {
    return spec;
  }

  public WorldParties parties() {
    return parties;
  }

  /** Streams the world's transactions in load order; memory use stays that of one home. */
  public void generate(Consumer<PartyTransaction> sink) {
    generateOrganizations(sink);
    generateRecords(sink);
    generateGovernance(sink);
  }

  /**
   * Data-sharing agreements and residents' Consents (docs/consent.md). They refer to the residents'
   * records, so they are submitted once every record is stored.
   */
  public void generateGovernance(Consumer<PartyTransaction> sink) {
    ConsentRecords consents = new ConsentRecords(spec.referenceDate());
    List<PartyOrganization> nhsParties = List.of(parties.gpPractice(), parties.hospital());
    for (PartyOrganization nhs : nhsParties) {
      List<PartyOrganization> recipients = new ArrayList<>(parties.careHomes());
      nhsParties.stream().filter(other -> !other.equals(nhs)).forEach(recipients::add);
      sink.accept(
          new PartyTransaction(
              nhs, nhs.clientId() + "/agreements", consents.forNhsParty(nhs, recipients)));
    }
    for (int index = 1; index <= spec.careHomes(); index++) {
      PartyOrganization home = parties.careHomes().get(index - 1);
      sink.accept(
          new PartyTransaction(
              home,
              home.clientId() + "/consents",
              consents.forHome(index, home, parties, histories(index), spec.seed())));
    }
  }

  /** Every party's own Organization (and each home's Location): what everything else refers to. */
  public void generateOrganizations(Consumer<PartyTransaction> sink) {
    for (PartyOrganization party :
        List.of(parties.gpPractice(), parties.hospital(), parties.analyst(), parties.admin())) {
      sink.accept(
          new PartyTransaction(
              party, party.clientId() + "/organization", OrganizationRecords.forParty(party)));
    }
    for (int index = 1; index <= spec.careHomes(); index++) {
      PartyOrganization home = parties.careHomes().get(index - 1);
      sink.accept(
          new PartyTransaction(
              home,
              home.clientId() + "/organization",
              OrganizationRecords.forCareHome(
                  home, spec.bedsPerHome(), isNursingHome(index), postcode(index))));
    }
  }

  /**
   * The homes' and the NHS side's records, home by home. Once the organisations are stored these
   * transactions refer only to them and to themselves, so they may be submitted in any order.
   */
  public void generateRecords(Consumer<PartyTransaction> sink) {
    for (int index = 1; index <= spec.careHomes(); index++) {
      generateHome(index, sink);
    }
  }

  /** Collects the whole world; for small worlds and tests. */
  public List<PartyTransaction> generateAll() {
    List<PartyTransaction> all = new ArrayList<>();
    generate(all::add);
    return all;
  }

  /** Every resident's history of one home, before it becomes FHIR. */
  public List<ResidentHistory> histories(int homeIndex) {
    BedSimulator beds = new BedSimulator(spec, rates);
    List<ResidentHistory> residents = new ArrayList<>();
    for (int bed = 1; bed <= spec.bedsPerHome(); bed++) {
      residents.addAll(beds.simulate(homeIndex, bed));
    }
    return residents;
  }

  private void generateHome(int index, Consumer<PartyTransaction> sink) {
    PartyOrganization home = parties.careHomes().get(index - 1);
    List<ResidentHistory> residents = histories(index);
    CareHomeRecords careHome = new CareHomeRecords(home, parties.gpPractice());
    for (ResidentHistory resident : residents) {
      sink.accept(
          new PartyTransaction(
              home,
              home.clientId() + "/resident " + resident.residentId(),
              careHome.resident(resident)));
    }
    NhsRecords nhs = new NhsRecords(parties.gpPractice(), parties.hospital(), postcode(index));
    TransactionBuilder gp = new TransactionBuilder();
    TransactionBuilder hospital = new TransactionBuilder();
    for (ResidentHistory resident : residents) {
      Rng rng = Rng.forKey(spec.seed(), "home-" + index + "/nhs/" + resident.residentId());
      nhs.addGpPatient(gp, resident, rng);
      nhs.addHospitalPatient(hospital, resident, rng);
    }
    sink.accept(
        new PartyTransaction(
            parties.gpPractice(),
            parties.gpPractice().clientId() + "/patients of " + home.clientId(),
            gp.build()));
    if (!hospital.build().getEntry().isEmpty()) {
      sink.accept(
          new PartyTransaction(
              parties.hospital(),
              parties.hospital().clientId() + "/patients of " + home.clientId(),
              hospital.build()));
    }
  }

  private static boolean isNursingHome(int index) {
    return index % 2 == 0;
  }

  private String postcode(int index) {
    return Names.postcode(Rng.forKey(spec.seed(), "home-" + index + "/site"));
  }
}
