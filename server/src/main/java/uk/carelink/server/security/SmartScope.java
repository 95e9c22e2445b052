package uk.carelink.server.security;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One SMART App Launch scope that grants access to resources: {@code system/Observation.cr}, {@code
 * user/*.rs}, or the v1 forms {@code .read}, {@code .write}, {@code .*}.
 *
 * <p>{@code patient/} scopes and v2 scopes with query parameters ({@code ?category=...}) grant
 * nothing here: the server has no launch context, and ignoring a narrower scope fails closed.
 *
 * @param resourceType a resource type, or {@code *} for every type
 * @param interactions what the scope allows on that type
 */
public record SmartScope(String resourceType, Set<Interaction> interactions) {

  public static final String ANY_TYPE = "*";

  private static final Pattern SCOPE =
      Pattern.compile("(?:system|user)/(\\*|[A-Z][A-Za-z]*)\\.(c?r?u?d?s?|read|write|\\*)");

  /** The parsed scope, or empty if the text is not a resource scope this server honours. */
  public static Optional<SmartScope> parse(String text) {
    Matcher matcher = SCOPE.matcher(text);
    if (!matcher.matches() || matcher.group(2).isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new SmartScope(matcher.group(1), interactions(matcher.group(2))));
  }

  /** Whether this scope allows the interaction on the type ({@code *} means on every type). */
  public boolean allows(String type, Interaction interaction) {
    boolean typeCovered = ANY_TYPE.equals(resourceType) || resourceType.equals(type);
    return typeCovered && interactions.contains(interaction);
  }

  private static Set<Interaction> interactions(String letters) {
    return switch (letters) {
      case "read" -> EnumSet.of(Interaction.READ, Interaction.SEARCH);
      case "write" -> EnumSet.of(Interaction.CREATE, Interaction.UPDATE, Interaction.DELETE);
      case "*" -> EnumSet.allOf(Interaction.class);
      default -> {
        Set<Interaction> granted = EnumSet.noneOf(Interaction.class);
        letters.chars().forEach(letter -> granted.add(Interaction.of((char) letter)));
        yield granted;
      }
    };
  }
}
