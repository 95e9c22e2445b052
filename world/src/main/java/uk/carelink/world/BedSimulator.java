package uk.carelink.world;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Simulates one bed of a care home over the world's history: the resident who occupies it when
 * history starts, and whoever is admitted after them when they die or leave. Keeping beds rather
 * than people as the unit holds occupancy near the home's size.
 */
final class BedSimulator {

  private final WorldSpec spec;
  private final Rates rates;

  BedSimulator(WorldSpec spec, Rates rates) {
    this.spec = spec;
    this.rates = rates;
  }

  List<ResidentHistory> simulate(int homeIndex, int bed) {
    Rng rng = Rng.forKey(spec.seed(), "home-" + homeIndex + "/bed-" + bed);
    List<ResidentHistory> residents = new ArrayList<>();
    // The first occupant moved in up to four years before history starts.
    LocalDate admitted = spec.historyStart().minusDays(rng.between(0, 4 * 365));
    int occupant = 1;
    while (!admitted.isAfter(spec.referenceDate())) {
      String residentId = String.format("ch%d-b%02d-%d", homeIndex, bed, occupant);
      String residentNumber = String.format("R%02d%02d", bed, occupant);
      ResidentHistory history =
          new ResidentLife(spec, rates, rng, residentId, residentNumber, admitted).live();
      residents.add(history);
      if (history.stay().ended() == null) {
        break;
      }
      // Beds are filled again after a few weeks.
      admitted = history.stay().ended().plusDays(rng.between(7, 35));
      occupant++;
    }
    return residents;
  }
}
