package uk.carelink.world;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import uk.carelink.world.ResidentHistory.Fall;
import uk.carelink.world.ResidentHistory.FallInjury;
import uk.carelink.world.ResidentHistory.HospitalVisit;
import uk.carelink.world.ResidentHistory.Weight;

/**
 * The indicators a care home dashboard would show, computed from the simulated histories: used to
 * check that a world is plausible (docs/sandbox-world.md gives the targets and their sources).
 */
public record WorldStatistics(
    int residents,
    long occupiedBedDays,
    int falls,
    int injuriousFalls,
    int fallsFollowedByHospital,
    int emergencyAttendances,
    int emergencyAdmissions,
    int deaths,
    int residentsWithUnplannedWeightLoss,
    int residentsWeighedOverSixMonths) {

  public static WorldStatistics of(WorldSpec spec, List<ResidentHistory> residents) {
    long bedDays = 0;
    int falls = 0;
    int injurious = 0;
    int fallsToHospital = 0;
    int attendances = 0;
    int admissions = 0;
    int deaths = 0;
    int losing = 0;
    int weighed = 0;
    for (ResidentHistory resident : residents) {
      LocalDate from = later(resident.stay().admitted(), spec.historyStart());
      LocalDate to =
          resident.stay().ended() == null ? spec.referenceDate() : resident.stay().ended();
      bedDays += Math.max(0, ChronoUnit.DAYS.between(from, to) + 1);
      for (Fall fall : resident.falls()) {
        falls++;
        if (fall.injury() != FallInjury.NONE) {
          injurious++;
        }
        if (fall.hospitalVisitIndex() != null) {
          fallsToHospital++;
        }
      }
      for (HospitalVisit visit : resident.hospitalVisits()) {
        attendances++;
        if (visit.admission() != null) {
          admissions++;
        }
      }
      if (resident.death() != null) {
        deaths++;
      }
      Boolean lost = lostFivePercentInSixMonths(resident.weights());
      if (lost != null) {
        weighed++;
        if (lost) {
          losing++;
        }
      }
    }
    return new WorldStatistics(
        residents.size(),
        bedDays,
        falls,
        injurious,
        fallsToHospital,
        attendances,
        admissions,
        deaths,
        losing,
        weighed);
  }

  public double fallsPer1000BedDays() {
    return 1000.0 * falls / occupiedBedDays;
  }

  public double residentYears() {
    return occupiedBedDays / 365.0;
  }

  public double emergencyAdmissionsPerResidentYear() {
    return emergencyAdmissions / residentYears();
  }

  public double emergencyAttendancesPerResidentYear() {
    return emergencyAttendances / residentYears();
  }

  public double deathsPerResidentYear() {
    return deaths / residentYears();
  }

  public double unplannedWeightLossShare() {
    return residentsWeighedOverSixMonths == 0
        ? 0
        : (double) residentsWithUnplannedWeightLoss / residentsWeighedOverSixMonths;
  }

  public String describe() {
    return String.format(
        Locale.ROOT,
        "%d residents, %d bed days; falls %.1f per 1,000 bed days (%d, %d injurious, %d to hospital);"
            + " A&E %.2f and emergency admissions %.2f per resident-year; deaths %.2f per"
            + " resident-year; weight loss >= 5%% in 6 months %.0f%% of %d residents weighed",
        residents,
        occupiedBedDays,
        fallsPer1000BedDays(),
        falls,
        injuriousFalls,
        fallsFollowedByHospital,
        emergencyAttendancesPerResidentYear(),
        emergencyAdmissionsPerResidentYear(),
        deathsPerResidentYear(),
        100 * unplannedWeightLossShare(),
        residentsWeighedOverSixMonths);
  }

  /**
   * Whether any weight fell 5 % or more below one taken 80–190 days earlier; null when the resident
   * was not weighed over that span.
   */
  private static Boolean lostFivePercentInSixMonths(List<Weight> weights) {
    boolean spanned = false;
    for (int i = 0; i < weights.size(); i++) {
      for (int j = i + 1; j < weights.size(); j++) {
        long days = ChronoUnit.DAYS.between(weights.get(i).at(), weights.get(j).at());
        if (days >= 80 && days <= 190) {
          spanned = true;
          if (weights.get(j).kilograms() <= 0.95 * weights.get(i).kilograms()) {
            return true;
          }
        }
      }
    }
    return spanned ? Boolean.FALSE : null;
  }

  private static LocalDate later(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? a : b;
  }
}
