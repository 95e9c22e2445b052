package uk.carelink.server.security;

/** The SMART v2 permission letters: create, read, update, delete, search. */
public enum Interaction {
  CREATE('c'),
  READ('r'),
  UPDATE('u'),
  DELETE('d'),
  SEARCH('s');

  private final char letter;

  Interaction(char letter) {
    this.letter = letter;
  }

  public char letter() {
    return letter;
  }

  static Interaction of(char letter) {
    for (Interaction interaction : values()) {
      if (interaction.letter == letter) {
        return interaction;
      }
    }
    throw new IllegalArgumentException("Not a SMART permission letter: " + letter);
  }
}
