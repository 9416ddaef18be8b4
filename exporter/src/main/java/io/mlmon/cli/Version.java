package io.mlmon.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The mlmon version, from the properties Maven writes at build time. */
final class Version {
  private Version() {}

  static String get() {
    try (InputStream in = Version.class.getResourceAsStream("/io/mlmon/version.properties")) {
      if (in == null) {
        return "dev";
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version", "dev");
    } catch (IOException e) {
      return "dev";
    }
  }
}
