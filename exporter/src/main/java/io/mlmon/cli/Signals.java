package io.mlmon.cli;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Graceful stop on SIGTERM and SIGINT. The JVM's own handling exits with status 143; a sidecar
 * stopped by its orchestrator should exit 0 after flushing state, so the signal is caught and the
 * caller decides when to exit. {@code sun.misc.Signal} (module jdk.unsupported, present in every
 * JDK) is reached reflectively so the build stays free of internal-API warnings.
 */
final class Signals {
  private static final Logger LOG = LoggerFactory.getLogger(Signals.class);

  private Signals() {}

  /**
   * Runs {@code action} on the first SIGTERM or SIGINT; returns false if signals are unavailable.
   */
  static boolean onTerminate(Runnable action) {
    try {
      Class<?> signalClass = Class.forName("sun.misc.Signal");
      Class<?> handlerClass = Class.forName("sun.misc.SignalHandler");
      Object handler =
          Proxy.newProxyInstance(
              Signals.class.getClassLoader(),
              new Class<?>[] {handlerClass},
              (proxy, method, args) -> {
                if (method.getName().equals("handle")) {
                  action.run();
                  return null;
                }
                if (method.getName().equals("toString")) {
                  return "mlmon signal handler";
                }
                if (method.getName().equals("hashCode")) {
                  return System.identityHashCode(proxy);
                }
                if (method.getName().equals("equals")) {
                  return proxy == args[0];
                }
                return null;
              });
      for (String name : new String[] {"TERM", "INT"}) {
        Object signal = signalClass.getConstructor(String.class).newInstance(name);
        signalClass.getMethod("handle", signalClass, handlerClass).invoke(null, signal, handler);
      }
      return true;
    } catch (ClassNotFoundException
        | NoSuchMethodException
        | InstantiationException
        | IllegalAccessException
        | InvocationTargetException e) {
      LOG.warn("cannot catch SIGTERM ({}); stopping will skip the final flush", e.toString());
      return false;
    }
  }
}
