package io.mlmon.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

/**
 * HTTP basic authentication against bcrypt hashes, as exporter-toolkit's {@code basic_auth_users}.
 * A bcrypt check costs tens of milliseconds by design, so credentials that passed are remembered
 * (by a SHA-256 of them, never in clear) and Prometheus' scrapes every few seconds stay cheap.
 * Unknown users still cost one bcrypt, so timing does not reveal which users exist.
 */
final class BasicAuth {
  /** Checked for unknown users, so they cost as much as known ones. */
  private static final String DUMMY_HASH = dummyHash();

  private static final int MAX_REMEMBERED = 1024;

  private final Map<String, String> users;
  private final Map<String, Boolean> passed = new ConcurrentHashMap<>();

  BasicAuth(Map<String, String> users) {
    this.users = Map.copyOf(users);
  }

  boolean enabled() {
    return !users.isEmpty();
  }

  /** Whether an {@code Authorization} header carries the password of a configured user. */
  boolean allows(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      return false;
    }
    String decoded;
    try {
      decoded =
          new String(
              Base64.getDecoder().decode(authorization.substring(6).trim()),
              StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return false;
    }
    int colon = decoded.indexOf(':');
    if (colon < 0) {
      return false;
    }
    String user = decoded.substring(0, colon);
    String password = decoded.substring(colon + 1);
    String hash = users.get(user);
    String remembered = fingerprint(user, password, hash == null ? DUMMY_HASH : hash);
    if (hash != null && passed.containsKey(remembered)) {
      return true;
    }
    boolean ok = checkQuietly(hash == null ? DUMMY_HASH : hash, password) && hash != null;
    if (ok) {
      if (passed.size() >= MAX_REMEMBERED) {
        passed.clear();
      }
      passed.put(remembered, Boolean.TRUE);
    }
    return ok;
  }

  private static String dummyHash() {
    byte[] salt = new byte[16];
    new SecureRandom().nextBytes(salt);
    return OpenBSDBCrypt.generate("2y", "no user has this".toCharArray(), salt, 10);
  }

  private static boolean checkQuietly(String hash, String password) {
    try {
      // OpenBSDBCrypt reads $2a$, $2b$ and $2y$ hashes (htpasswd writes $2y$).
      return OpenBSDBCrypt.checkPassword(hash, password.toCharArray());
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static String fingerprint(String user, String password, String hash) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(user.getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      sha.update(password.getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      sha.update(hash.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
