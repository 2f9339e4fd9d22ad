package org.headwater.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's JVM options (scripts/jvm-options.sh): what each command gets, and that this
 * JDK accepts them without writing to stdout (where Headwater's own output goes).
 */
class JvmOptionsIT {
  private static final Path REPO = Path.of(System.getProperty("headwater.repo", "..")).toAbsolutePath().normalize();

  private static List<String> options(Map<String, String> env, String... args) throws Exception {
    return options(REPO, env, args);
  }

  /** The options printed by {@code home}/scripts/jvm-options.sh. */
  private static List<String> options(Path home, Map<String, String> env, String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("bash", home.resolve("scripts/jvm-options.sh").toString()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().remove("HEADWATER_JAVA_OPTS");
    pb.environment().remove("HEADWATER_JIT");
    pb.environment().remove("HEADWATER_JVM_DEFAULTS");
    pb.environment().putAll(env);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isZero();
    return out.lines().toList();
  }

  @Test
  void runsGetABoundedHeapAndTheDataPathDirectives() throws Exception {
    List<String> run = options(Map.of(), "--verbose", "run", "recipe.yaml");
    assertThat(run).contains("-Xss64m", "-Xmx192m", "-XX:+UseParallelGC", "-XX:-DisplayVMOutput")
        .anySatisfy(o -> assertThat(o).endsWith("etc/jvm/jit-directives.json"));
    assertThat(options(Map.of(), "demo")).contains("-Xmx192m");
    assertThat(options(Map.of(), "lineage", "run")).as("only run and demo").doesNotContain("-Xmx192m")
        .noneMatch(o -> o.contains("CompilerDirectivesFile"));
  }

  @Test
  void aCrashReportGoesToTheWorkDirectory(@TempDir Path dir) throws Exception {
    Path work = dir.toRealPath().resolve("work");
    assertThat(options(Map.of(), "run", "r.yaml", "--work", work.toString()))
        .contains("-XX:ErrorFile=" + work + "/hs_err_pid%p.log");
    assertThat(options(Map.of(), "run", "--work=" + work, "r.yaml"))
        .contains("-XX:ErrorFile=" + work + "/hs_err_pid%p.log");
    assertThat(options(Map.of(), "lineage", "--work", work.toString())).noneMatch(o -> o.contains("ErrorFile"));
  }

  @Test
  void userOptionsWinAndDefaultsCanBeSwitchedOff() throws Exception {
    List<String> mine = options(Map.of("HEADWATER_JAVA_OPTS", "-Xmx2g -XX:+UseG1GC"), "run", "r.yaml");
    assertThat(mine).contains("-Xmx2g", "-XX:+UseG1GC").doesNotContain("-Xmx192m", "-XX:+UseParallelGC");
    assertThat(options(Map.of("HEADWATER_JIT", "default"), "run"))
        .noneMatch(o -> o.contains("CompilerDirectivesFile")).contains("-Xmx192m");
    assertThat(options(Map.of("HEADWATER_JVM_DEFAULTS", "off"), "run"))
        .as("the stack size, JVM warnings on stderr, and the JNA path where libnetcdf is installed")
        .contains("-Xss64m", "-Xlog:disable", "-Xlog:all=warning:stderr")
        .allMatch(o -> o.equals("-Xss64m") || o.startsWith("-Xlog:") || o.startsWith("-Djna.library.path="));
  }

  @Test
  void thisJdkAcceptsTheRunOptionsQuietly() throws Exception {
    List<String> options = options(Map.of(), "run");
    Output quiet = java(with(options, "-version"));
    assertThat(quiet.exit()).as(quiet.err()).isZero();
    assertThat(quiet.out()).isEmpty();
    assertThat(quiet.err()).as("only the version, no banner about the directives")
        .contains("openjdk version").doesNotContain("directives");
    // the directives are really read: with the JVM's console shown, it says how many it added
    List<String> shown = new ArrayList<>(options);
    shown.replaceAll(o -> o.equals("-XX:-DisplayVMOutput") ? "-XX:+DisplayVMOutputToStderr" : o);
    Output loud = java(with(shown, "-version"));
    assertThat(loud.exit()).as(loud.err()).isZero();
    assertThat(loud.err()).contains("3 compiler directives added");
    assertThat(Files.readString(REPO.resolve("etc/jvm/jit-directives.json"))).contains("org/headwater/*.*");
    // and the JVM's warnings still reach stderr (this option is deprecated in 17, gone later)
    Output warned = java(List.of("-XX:+UnlockDiagnosticVMOptions", "-XX:-DisplayVMOutput", "-XX:+UseBiasedLocking", "-version"));
    assertThat(warned.err()).as("a JVM warning about the option").contains("warning").contains("UseBiasedLocking");
  }

  /** A checkout with a copy of the options script and, when {@code archive}, a CDS archive file. */
  private static Path home(Path dir, byte[] archive) throws Exception {
    Files.createDirectories(dir.resolve("scripts"));
    Files.copy(REPO.resolve("scripts/jvm-options.sh"), dir.resolve("scripts/jvm-options.sh"));
    if (archive != null) {
      Files.createDirectories(dir.resolve("cli/target"));
      Files.write(dir.resolve("cli/target/headwater.jsa"), archive);
    }
    return dir;
  }

  @Test
  void everyCommandStartsWithTheClassDataArchiveOnceItExists(@TempDir Path tmp) throws Exception {
    Path none = home(tmp.resolve("none"), null);
    assertThat(options(none, Map.of(), "lineage", "x")).noneMatch(o -> o.contains("SharedArchiveFile"));
    Path with = home(tmp.resolve("with"), new byte[] {1});
    String option = "-XX:SharedArchiveFile=" + with.toRealPath().resolve("cli/target/headwater.jsa");
    assertThat(options(with, Map.of(), "lineage", "x")).contains(option);
    assertThat(options(with, Map.of(), "run", "r.yaml")).contains(option, "-Xmx192m");
    assertThat(options(with, Map.of("HEADWATER_CDS", "off"), "run")).doesNotContain(option);
    assertThat(options(with, Map.of("HEADWATER_JVM_DEFAULTS", "off"), "run")).doesNotContain(option);
  }

  /**
   * An archive made for other jars (the launcher remakes it after a build, but a build outside
   * the launcher can still change them) is skipped with a warning; the warning must not land on
   * stdout, where the JVM puts it by default and where Headwater writes query results.
   */
  @Test
  void aStaleArchiveIsSkippedWithoutTouchingStdout(@TempDir Path tmp) throws Exception {
    assumeTrue(Files.exists(Path.of(System.getProperty("java.home"), "lib", "server", "classes.jsa")),
        "this JDK has no base CDS archive, so it cannot make dynamic ones (Debian's openjdk-17 has)");
    Path src = Files.writeString(tmp.resolve("Hello.java"),
        "public class Hello { public static void main(String[] a) { System.out.println(\"hello\"); } }");
    assertThat(ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", tmp.toString(), src.toString())).isZero();
    Path jar = tmp.resolve("hello.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      out.putNextEntry(new JarEntry("Hello.class"));
      out.write(Files.readAllBytes(tmp.resolve("Hello.class")));
    }
    Path archive = tmp.resolve("hello.jsa");
    assertThat(java(List.of("-XX:ArchiveClassesAtExit=" + archive, "-cp", jar.toString(), "Hello")).exit()).isZero();
    Path home = home(tmp.resolve("home"), Files.readAllBytes(archive));
    assertThat(jar.toFile().setLastModified(System.currentTimeMillis() + 60_000)).isTrue();

    List<String> cmd = new ArrayList<>(options(home, Map.of(), "query"));
    cmd.addAll(List.of("-cp", jar.toString(), "Hello"));
    Output hello = java(cmd);
    assertThat(hello.out()).isEqualTo("hello\n");
    assertThat(hello.err()).contains("shared archive");
  }

  private record Output(int exit, String out, String err) {}

  /** Runs this JDK's java with {@code args}; its exit code, stdout and stderr. */
  private static Output java(List<String> args) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(args);
    Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.PIPE).start();
    CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
    String out = read(p.getInputStream());
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Output(p.exitValue(), out, err.join());
  }

  private static String read(java.io.InputStream in) {
    try {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static List<String> with(List<String> options, String... args) {
    List<String> all = new ArrayList<>(options);
    all.addAll(List.of(args));
    return all;
  }
}
