package uk.carelink.world;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A seeded random source with the draws the simulation needs. Each home and bed gets its own source
 * derived from the world seed and a key, so a home's residents are the same whether the world has
 * two homes or a thousand.
 */
final class Rng {

  private final SplittableRandom random;

  private Rng(long seed) {
    this.random = new SplittableRandom(seed);
  }

  static Rng forKey(long worldSeed, String key) {
    // FNV-1a over the key's UTF-8 bytes: stable across JVMs, unlike identity hashes.
    long hash = 0xcbf29ce484222325L;
    for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
      hash ^= b & 0xff;
      hash *= 0x100000001b3L;
    }
    return new Rng(worldSeed * 0x9E3779B97F4A7C15L ^ hash);
  }

  boolean chance(double probability) {
    return random.nextDouble() < probability;
  }

  /** A whole number from {@code min} to {@code max}, both included. */
  int between(int min, int max) {
    return min + random.nextInt(max - min + 1);
  }

  double uniform(double min, double max) {
    return min + random.nextDouble() * (max - min);
  }

  double gaussian(double mean, double standardDeviation) {
    return random.nextGaussian(mean, standardDeviation);
  }

  <T> T pick(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  /** Picks an index by relative weights. */
  int weighted(double... weights) {
    double total = 0;
    for (double weight : weights) {
      total += weight;
    }
    double point = random.nextDouble() * total;
    for (int i = 0; i < weights.length; i++) {
      point -= weights[i];
      if (point < 0) {
        return i;
      }
    }
    return weights.length - 1;
  }

  String hex(int length) {
    StringBuilder text = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      text.append(Character.forDigit(random.nextInt(16), 16));
    }
    return text.toString();
  }
}
