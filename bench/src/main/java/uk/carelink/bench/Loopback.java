package uk.carelink.bench;

import java.net.URI;

/** Guard: the harness talks only to 127.0.0.1, never to another host. */
final class Loopback {
  static final String HOST = "127.0.0.1";

  private Loopback() {}

  static URI require(URI uri) {
    String scheme = uri.getScheme();
    if (!"http".equals(scheme) && !"https".equals(scheme)) {
      throw new IllegalArgumentException("only http(s) URLs are supported: " + uri);
    }
    if (!HOST.equals(uri.getHost())) {
      throw new IllegalArgumentException("the bench only talks to " + HOST + ", not to " + uri);
    }
    return uri;
  }
}
