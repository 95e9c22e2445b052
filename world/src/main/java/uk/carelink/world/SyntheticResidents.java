package uk.carelink.world;

import java.time.LocalDate;
import uk.carelink.world.ResidentHistory.Person;

/**
 * New residents drawn the way the world draws them (sex, age at admission, names, numbers), for
 * tools that need realistic people without a whole world, such as the benchmarks. Realistic matters
 * there: record linkage blocks candidates on birth date and names, so residents who all share them
 * make every new resident a candidate of every earlier one.
 */
public final class SyntheticResidents {

  private SyntheticResidents() {}

  /** The same person for the same seed and key, admitted on {@code admittedOn}. */
  public static Person draw(long seed, String key, LocalDate admittedOn) {
    return People.newPerson(Rng.forKey(seed, key), key, admittedOn);
  }
}
