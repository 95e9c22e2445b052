package uk.carelink.world;

import java.util.List;
import java.util.Map;

/**
 * Name and place lists for people born in the UK in the 1920s–1950s. Common surnames are listed on
 * purpose: residents who share a surname (and sometimes a birthday) in one home are what record
 * linkage must cope with.
 */
final class Names {

  static final List<String> FEMALE_GIVEN =
      List.of(
          "Margaret",
          "Jean",
          "Mary",
          "Joan",
          "Patricia",
          "Sheila",
          "Barbara",
          "Dorothy",
          "Betty",
          "Doreen",
          "Irene",
          "Elizabeth",
          "Kathleen",
          "Brenda",
          "Maureen",
          "Pamela",
          "Eileen",
          "Sylvia",
          "Audrey",
          "Valerie",
          "Shirley",
          "Sandra",
          "Christine",
          "Janet",
          "Ann",
          "Edna",
          "Marjorie",
          "Elsie",
          "Winifred",
          "Evelyn",
          "Agnes",
          "Isobel");

  static final List<String> MALE_GIVEN =
      List.of(
          "John", "David", "Michael", "Peter", "Robert", "William", "Brian", "James", "Kenneth",
          "Alan", "Ronald", "George", "Dennis", "Anthony", "Derek", "Raymond", "Roy", "Frank",
          "Harold", "Arthur", "Thomas", "Stanley", "Eric", "Albert", "Norman", "Douglas");

  static final List<String> FAMILY =
      List.of(
          "Smith",
          "Jones",
          "Taylor",
          "Brown",
          "Williams",
          "Wilson",
          "Johnson",
          "Davies",
          "Robinson",
          "Wright",
          "Thompson",
          "Evans",
          "Walker",
          "White",
          "Roberts",
          "Green",
          "Hall",
          "Wood",
          "Jackson",
          "Clarke",
          "Patel",
          "Campbell",
          "Stewart",
          "Murray",
          "Harrison",
          "Lewis",
          "Morgan",
          "Cooper",
          "Ward",
          "Hughes",
          "Edwards",
          "Turner",
          "O'Brien",
          "McDonald",
          "Kaur",
          "Khan",
          "Baker",
          "Hill",
          "Moore",
          "Kelly");

  /** Short forms a hospital clerk may have recorded instead of the given name. */
  static final Map<String, String> NICKNAMES =
      Map.ofEntries(
          Map.entry("Margaret", "Peggy"),
          Map.entry("Elizabeth", "Betty"),
          Map.entry("Patricia", "Pat"),
          Map.entry("Kathleen", "Kath"),
          Map.entry("Dorothy", "Dot"),
          Map.entry("Christine", "Chris"),
          Map.entry("Valerie", "Val"),
          Map.entry("Winifred", "Winnie"),
          Map.entry("Robert", "Bob"),
          Map.entry("William", "Bill"),
          Map.entry("Michael", "Mike"),
          Map.entry("Anthony", "Tony"),
          Map.entry("Kenneth", "Ken"),
          Map.entry("Thomas", "Tom"),
          Map.entry("Albert", "Bert"),
          Map.entry("Raymond", "Ray"));

  static final List<String> POSTCODE_DISTRICTS =
      List.of("LS6", "LS7", "LS8", "LS12", "LS16", "LS17", "LS28", "BD18", "WF3", "HG1");

  private static final List<String> HOME_WORDS =
      List.of(
          "Oak",
          "Willow",
          "Elm",
          "Hawthorn",
          "Meadow",
          "Heather",
          "Maple",
          "Cedar",
          "Larch",
          "Birch",
          "Holly",
          "Aspen",
          "Laurel",
          "Rowan",
          "Juniper",
          "Alder");

  private static final List<String> HOME_KINDS =
      List.of("House", "Lodge", "Court", "Grange", "Manor", "View", "Gardens", "Park");

  private Names() {}

  static String careHomeName(int index) {
    String word = HOME_WORDS.get(index % HOME_WORDS.size());
    String kind = HOME_KINDS.get((index / HOME_WORDS.size()) % HOME_KINDS.size());
    return word + " " + kind + " Care Home " + index;
  }

  /** A postcode in the West Yorkshire districts above: district, space, digit, two letters. */
  static String postcode(Rng rng) {
    String letters = "ABDEFGHJLNPQRSTUWXYZ";
    return rng.pick(POSTCODE_DISTRICTS)
        + " "
        + rng.between(1, 9)
        + letters.charAt(rng.between(0, letters.length() - 1))
        + letters.charAt(rng.between(0, letters.length() - 1));
  }
}
