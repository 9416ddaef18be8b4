package io.mlmon.http;

import io.mlmon.config.WebConfig;
import io.mlmon.config.WebConfig.ClientAuth;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * Turns {@code tls_server_config} into Jetty's TLS setup. PEM keys in every form OpenSSL writes
 * (PKCS#8, PKCS#1 RSA, SEC1 EC) are read with Bouncy Castle's PEM parser; certificates with the
 * JDK.
 */
public final class TlsSetup {
  private static final List<String> ORDERED_VERSIONS =
      List.of("TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3");

  private TlsSetup() {}

  /**
   * Builds the factory; throws {@link IllegalArgumentException} with a message naming the bad
   * certificate or key.
   */
  public static SslContextFactory.Server serverFactory(WebConfig.Tls tls) {
    List<Certificate> chain = certificates(tls.certificate());
    if (chain.isEmpty()) {
      throw new IllegalArgumentException(tls.certificate().origin() + ": no PEM certificate");
    }
    PrivateKey key = privateKey(tls.key());
    char[] password = "mlmon".toCharArray();
    SslContextFactory.Server factory = new SslContextFactory.Server();
    try {
      KeyStore keys = KeyStore.getInstance("PKCS12");
      keys.load(null, null);
      keys.setKeyEntry("mlmon", key, password, chain.toArray(new Certificate[0]));
      factory.setKeyStore(keys);
      factory.setKeyStorePassword(new String(password));
      if (tls.clientCa().isPresent()) {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        int i = 0;
        for (Certificate ca : certificates(tls.clientCa().get())) {
          trust.setCertificateEntry("ca-" + i++, ca);
        }
        factory.setTrustStore(trust);
      }
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalArgumentException(
          tls.key().origin()
              + " does not match "
              + tls.certificate().origin()
              + ": "
              + e.getMessage());
    }
    switch (tls.clientAuth()) {
      case NO_CLIENT_CERT -> {}
      case REQUEST_CLIENT_CERT -> {
        factory.setWantClientAuth(true);
        factory.setTrustAll(true);
      }
      case REQUIRE_ANY_CLIENT_CERT -> {
        factory.setNeedClientAuth(true);
        factory.setTrustAll(true);
      }
      case VERIFY_CLIENT_CERT_IF_GIVEN -> factory.setWantClientAuth(true);
      case REQUIRE_AND_VERIFY_CLIENT_CERT -> factory.setNeedClientAuth(true);
    }
    int min = ORDERED_VERSIONS.indexOf(tls.minVersion());
    int max = tls.maxVersion().map(ORDERED_VERSIONS::indexOf).orElse(ORDERED_VERSIONS.size() - 1);
    if (min > max) {
      throw new IllegalArgumentException("tls_server_config: min_version is above max_version");
    }
    factory.setIncludeProtocols(ORDERED_VERSIONS.subList(min, max + 1).toArray(new String[0]));
    // Jetty excludes TLS 1.0/1.1 by default; honour an explicit min_version below 1.2.
    factory.setExcludeProtocols("SSLv3", "SSLv2Hello");
    if (!tls.cipherSuites().isEmpty()) {
      factory.setIncludeCipherSuites(tls.cipherSuites().toArray(new String[0]));
    }
    factory.setUseCipherSuitesOrder(tls.preferServerCipherSuites());
    return factory;
  }

  /** Checks the certificate and key without starting anything (for check-config). */
  public static void validate(WebConfig.Tls tls) {
    serverFactory(tls);
    if (tls.clientAuth() != ClientAuth.NO_CLIENT_CERT && tls.clientCa().isPresent()) {
      certificates(tls.clientCa().get());
    }
  }

  static List<Certificate> certificates(WebConfig.Pem pem) {
    try {
      Collection<? extends Certificate> certs =
          CertificateFactory.getInstance("X.509")
              .generateCertificates(
                  new ByteArrayInputStream(pem.text().getBytes(StandardCharsets.US_ASCII)));
      return new ArrayList<>(certs);
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException(pem.origin() + ": not a PEM certificate");
    }
  }

  static PrivateKey privateKey(WebConfig.Pem pem) {
    try (PEMParser parser = new PEMParser(new StringReader(pem.text()))) {
      JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
      for (Object o = parser.readObject(); o != null; o = parser.readObject()) {
        if (o instanceof PEMKeyPair pair) {
          return converter.getKeyPair(pair).getPrivate();
        }
        if (o instanceof PrivateKeyInfo info) {
          return converter.getPrivateKey(info);
        }
        if (o.getClass().getSimpleName().contains("Encrypted")) {
          throw new IllegalArgumentException(
              pem.origin()
                  + ": encrypted private keys are not supported (exporter-toolkit has none)");
        }
      }
    } catch (IOException e) {
      throw new IllegalArgumentException(
          pem.origin() + ": not a PEM private key: " + e.getMessage());
    }
    throw new IllegalArgumentException(pem.origin() + ": no PEM private key found");
  }
}
