package org.headwater.pipeline.run;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import org.apache.beam.sdk.util.ReleaseInfo;
import org.headwater.provenance.record.SoftwareInfo;

/** Versions of Headwater and the libraries that shape its outputs. */
public final class Versions {
  private static final Properties PROPS = load();

  private Versions() {}

  public static String headwater() {
    return PROPS.getProperty("headwater", "unknown");
  }

  public static SoftwareInfo software(String runner) {
    return new SoftwareInfo(
        headwater(),
        System.getProperty("java.version"),
        ReleaseInfo.getReleaseInfo().getVersion(),
        PROPS.getProperty("netcdfJava", "unknown"),
        runner);
  }

  private static Properties load() {
    Properties p = new Properties();
    try (InputStream in = Versions.class.getResourceAsStream("/org/headwater/pipeline/versions.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p;
  }
}
