package io.mlmon.http;

import io.javalin.http.Context;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;

/** exporter-toolkit's {@code client_allowed_sans}: the client certificate must name one of them. */
final class ClientNames {
  private ClientNames() {}

  static boolean presentsOneOf(Context ctx, List<String> allowed) {
    Object attribute = ctx.req().getAttribute("jakarta.servlet.request.X509Certificate");
    if (!(attribute instanceof X509Certificate[] chain) || chain.length == 0) {
      return false;
    }
    try {
      Collection<List<?>> names = chain[0].getSubjectAlternativeNames();
      if (names == null) {
        return false;
      }
      for (List<?> name : names) {
        if (name.size() > 1 && allowed.contains(String.valueOf(name.get(1)))) {
          return true;
        }
      }
    } catch (CertificateParsingException e) {
      return false;
    }
    return false;
  }
}
