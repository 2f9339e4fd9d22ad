package org.headwater.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The launcher's JVM options (scripts/jvm-options.sh): what each command gets, and that this
 * JDK accepts them without writing to stdout (where Headwater's own output goes).
 */
class JvmOptionsIT {
  private static final Path REPO = Path.of(System.getProperty("headwater.repo", "..")).toAbsolutePath().normalize();

  private static List<String> options(Map<String, String> env, String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("bash", REPO.resolve("scripts/jvm-options.sh").toString()));
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
    assertThat(run).contains("-Xss64m", "-Xmx192m", "-XX:+UseParallelGC", "-XX:+DisplayVMOutputToStderr")
        .anySatisfy(o -> assertThat(o).endsWith("etc/jvm/jit-directives.json"));
    assertThat(options(Map.of(), "demo")).contains("-Xmx192m");
    assertThat(options(Map.of(), "lineage", "run")).as("only run and demo").doesNotContain("-Xmx192m")
        .noneMatch(o -> o.contains("CompilerDirectivesFile"));
  }

  @Test
  void userOptionsWinAndDefaultsCanBeSwitchedOff() throws Exception {
    List<String> mine = options(Map.of("HEADWATER_JAVA_OPTS", "-Xmx2g -XX:+UseG1GC"), "run", "r.yaml");
    assertThat(mine).contains("-Xmx2g", "-XX:+UseG1GC").doesNotContain("-Xmx192m", "-XX:+UseParallelGC");
    assertThat(options(Map.of("HEADWATER_JIT", "default"), "run"))
        .noneMatch(o -> o.contains("CompilerDirectivesFile")).contains("-Xmx192m");
    assertThat(options(Map.of("HEADWATER_JVM_DEFAULTS", "off"), "run"))
        .as("the stack size, and the JNA path where libnetcdf is installed")
        .contains("-Xss64m")
        .allMatch(o -> o.equals("-Xss64m") || o.startsWith("-Djna.library.path="));
  }

  @Test
  void thisJdkAcceptsTheRunOptionsAndKeepsStdoutClean() throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(options(Map.of(), "run"));
    cmd.add("-version");
    Process p = new ProcessBuilder(cmd).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(err).isZero();
    assertThat(out).isEmpty();
    assertThat(err).contains("3 compiler directives added");
    assertThat(Files.readString(REPO.resolve("etc/jvm/jit-directives.json"))).contains("org/headwater/*.*");
  }
}
