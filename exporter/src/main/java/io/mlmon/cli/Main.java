package io.mlmon.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;

/** The command line: {@code mlmon <command> [options]}. */
@Command(
    name = "mlmon",
    mixinStandardHelpOptions = true,
    // Every command takes --help and --version too: `mlmon replay --help` is what users type.
    scope = CommandLine.ScopeType.INHERIT,
    versionProvider = Main.VersionProvider.class,
    description = "Prometheus exporter for machine-learning models in production.",
    subcommands = {
      RunCommand.class,
      ReplayCommand.class,
      ProfileCommand.class,
      CheckConfigCommand.class,
      GenerateCommand.class,
      DemoCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs a command and returns its exit status: 0 done, 1 runtime failure, 2 usage or config. */
  public static int execute(String... args) {
    return execute(args, true);
  }

  /**
   * {@link #execute(String...)}; {@code direct}: whether the two usual command lines may skip
   * picocli ({@link DirectCommand}), false to have picocli read every one.
   */
  static int execute(String[] args, boolean direct) {
    if (args.length > 0 && !args[0].equals("run") && !args[0].equals("demo")) {
      // Only the sidecar needs progress chatter; the one-shot commands keep stderr for problems.
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    }
    EarlyLoad.begin(args);
    Callable<Integer> command = direct ? DirectCommand.of(args) : null;
    if (command != null) {
      return executeDirectly(command);
    }
    CommandLine cli = new CommandLine(new Main());
    cli.setExecutionExceptionHandler((e, cmd, parsed) -> report(e, cmd.getErr()));
    return cli.execute(args);
  }

  private static int executeDirectly(Callable<Integer> command) {
    try {
      return command.call();
    } catch (Exception e) {
      return report(e, new PrintWriter(System.err));
    }
  }

  /** A failed command's message and exit status: a {@link UserError}'s, else an unexpected one. */
  private static int report(Exception e, PrintWriter err) {
    if (e instanceof UserError u) {
      err.println("mlmon: " + u.getMessage());
      err.flush();
      return u.exitCode();
    }
    err.println("mlmon: unexpected error: " + e);
    e.printStackTrace(err);
    err.flush();
    return 1;
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
  }

  /** Reports the version Maven wrote into the jar. */
  static final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"mlmon " + Version.get()};
    }
  }
}
