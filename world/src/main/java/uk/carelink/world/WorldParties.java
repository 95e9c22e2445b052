package uk.carelink.world;

import java.util.ArrayList;
import java.util.List;

/**
 * The organisations of a world: care homes, one GP practice, one hospital, an analyst team and an
 * admin. The first two care homes and the four others are the sandbox parties; their identifiers
 * match the sandbox issuer's clients and the Keycloak realm (docker/keycloak/carelink-realm.json).
 */
public record WorldParties(
    List<PartyOrganization> careHomes,
    PartyOrganization gpPractice,
    PartyOrganization hospital,
    PartyOrganization analyst,
    PartyOrganization admin) {

  public static final PartyOrganization CARE_HOME_A =
      new PartyOrganization(
          "carehome-a",
          "carehome",
          Identifiers.CQC_LOCATION,
          "1-101000001",
          "Rowan House Care Home");
  public static final PartyOrganization CARE_HOME_B =
      new PartyOrganization(
          "carehome-b",
          "carehome",
          Identifiers.CQC_LOCATION,
          "1-101000002",
          "Beech Lodge Nursing Home");
  public static final PartyOrganization GP_PRACTICE =
      new PartyOrganization(
          "gp-practice",
          "gp",
          Identifiers.ODS_ORGANIZATION,
          "S12345",
          "Riverside Medical Practice");
  public static final PartyOrganization HOSPITAL =
      new PartyOrganization(
          "hospital",
          "hospital",
          Identifiers.ODS_ORGANIZATION,
          "X1H01",
          "Northgate General Hospital");
  public static final PartyOrganization ANALYST =
      new PartyOrganization(
          "analyst",
          "analyst",
          Identifiers.ODS_ORGANIZATION,
          "X1A01",
          "Regional Care Analytics Team");
  public static final PartyOrganization ADMIN =
      new PartyOrganization(
          "admin", "admin", Identifiers.ODS_ORGANIZATION, "X1Z01", "CareLink Service Desk");

  public WorldParties {
    careHomes = List.copyOf(careHomes);
  }

  /**
   * The sandbox parties, with {@code careHomes} homes: beyond the two sandbox homes, further homes
   * (for benchmarks) get client ids carehome-3, carehome-4 … and CQC ids in the same made-up range.
   */
  public static WorldParties forCareHomes(int careHomes) {
    List<PartyOrganization> homes = new ArrayList<>();
    for (int index = 1; index <= careHomes; index++) {
      homes.add(careHome(index));
    }
    return new WorldParties(homes, GP_PRACTICE, HOSPITAL, ANALYST, ADMIN);
  }

  /**
   * The world's organisations from a configured list of parties (e.g. the sandbox issuer's
   * clients): its care homes in order, then generated homes up to {@code careHomes}; the first GP
   * practice, hospital, analyst and admin, or the defaults where the list has none.
   */
  public static WorldParties from(List<PartyOrganization> parties, int careHomes) {
    List<PartyOrganization> homes = new ArrayList<>();
    for (PartyOrganization party : parties) {
      if (party.role().equals("carehome") && homes.size() < careHomes) {
        homes.add(party);
      }
    }
    for (int index = homes.size() + 1; index <= careHomes; index++) {
      homes.add(careHome(index));
    }
    return new WorldParties(
        homes,
        withRole(parties, "gp", GP_PRACTICE),
        withRole(parties, "hospital", HOSPITAL),
        withRole(parties, "analyst", ANALYST),
        withRole(parties, "admin", ADMIN));
  }

  private static PartyOrganization withRole(
      List<PartyOrganization> parties, String role, PartyOrganization otherwise) {
    return parties.stream().filter(p -> p.role().equals(role)).findFirst().orElse(otherwise);
  }

  /** Every party: the ones without residents first, then the care homes. */
  public List<PartyOrganization> all() {
    List<PartyOrganization> all = new ArrayList<>(List.of(gpPractice, hospital, analyst, admin));
    all.addAll(careHomes);
    return all;
  }

  private static PartyOrganization careHome(int index) {
    if (index == 1) {
      return CARE_HOME_A;
    }
    if (index == 2) {
      return CARE_HOME_B;
    }
    return new PartyOrganization(
        "carehome-" + index,
        "carehome",
        Identifiers.CQC_LOCATION,
        "1-" + (101_000_000 + index),
        Names.careHomeName(index));
  }
}
