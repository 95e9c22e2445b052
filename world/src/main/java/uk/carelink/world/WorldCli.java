package uk.carelink.world;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;

/**
 * Command line: writes a world to an NDJSON file of transaction bundles.
 *
 * <pre>
 * java -cp carelink-world.jar uk.carelink.world.WorldCli --out world.ndjson.gz --care-homes 1000
 * </pre>
 */
public final class WorldCli {

  private WorldCli() {}

  public static void main(String[] args) {
    WorldSpec spec = WorldSpec.sandboxDefault();
    Path out = null;
    for (int i = 0; i < args.length; i++) {
      String option = args[i];
      if (option.equals("--help")) {
        System.out.println(usage());
        return;
      }
      if (i + 1 >= args.length) {
        fail("missing value after " + option);
      }
      String value = args[++i];
      switch (option) {
        case "--out" -> out = Path.of(value);
        case "--seed" -> spec = spec.withSeed(Long.parseLong(value));
        case "--care-homes" -> spec = spec.withCareHomes(Integer.parseInt(value));
        case "--beds" -> spec = spec.withBedsPerHome(Integer.parseInt(value));
        case "--reference-date" ->
            spec =
                new WorldSpec(
                    spec.seed(),
                    spec.careHomes(),
                    spec.bedsPerHome(),
                    LocalDate.parse(value),
                    spec.months(),
                    spec.medicationRoundDays());
        default -> fail("unknown option " + option);
      }
    }
    if (out == null) {
      fail("--out is required");
    }
    long started = System.nanoTime();
    WorldFiles.Summary summary = WorldFiles.write(new WorldGenerator(spec), out);
    System.out.printf(
        Locale.ROOT,
        "%s: %d bundles, %d resources (%s) in %.1f s%n",
        out,
        summary.bundles(),
        summary.resources(),
        spec.describe(),
        (System.nanoTime() - started) / 1e9);
  }

  private static String usage() {
    return "usage: WorldCli --out FILE[.gz] [--seed N] [--care-homes N] [--beds N]"
        + " [--reference-date YYYY-MM-DD]";
  }

  private static void fail(String message) {
    System.err.println(message);
    System.err.println(usage());
    System.exit(2);
  }
}
