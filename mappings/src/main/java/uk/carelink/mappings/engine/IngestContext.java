package uk.carelink.mappings.engine;

import java.util.Objects;

/**
 * Who uploads and how to read the file.
 *
 * @param homeSystem identifier system of the uploading care home (CQC location id or Care
 *     Inspectorate service number)
 * @param homeId the home's identifier value, e.g. {@code 1-101000001}
 * @param party who uploaded (an OAuth2 client id, or a CLI user's description)
 * @param charset declared character set, or null to detect
 */
public record IngestContext(String homeSystem, String homeId, String party, String charset) {

  /** Prefix of the identifier systems of one home's source records (the source keys). */
  public static final String KEY_PREFIX = "https://carelink.example.org/Id/source/";

  public IngestContext {
    Objects.requireNonNull(homeSystem, "homeSystem");
    Objects.requireNonNull(homeId, "homeId");
    Objects.requireNonNull(party, "party");
    if (!homeId.matches("[A-Za-z0-9-]{1,40}")) {
      throw new IllegalArgumentException("Not a regulator id: " + homeId);
    }
  }

  /** {@code https://carelink.example.org/Id/source/1-101000001/}: records of this home. */
  public String keyBase() {
    return KEY_PREFIX + homeId + "/";
  }

  /** Search URL of the home's Organization. */
  public String homeReference() {
    return "Organization?identifier=" + homeSystem + "|" + homeId;
  }
}
