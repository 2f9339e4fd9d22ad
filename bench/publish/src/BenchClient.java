import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.headwater.publish.dataone.AuthToken;
import org.headwater.publish.dataone.MemberNodeClient;
import org.headwater.publish.sysmeta.AccessRule;
import org.headwater.publish.sysmeta.Checksum;
import org.headwater.publish.sysmeta.FormatIds;
import org.headwater.publish.sysmeta.Pid;
import org.headwater.publish.sysmeta.SystemMetadata;
import org.headwater.publish.sysmeta.SystemMetadataXml;

/**
 * {@code sysmeta FILE SHA256 PID OUT}: writes the system metadata curl uploads.
 * {@code upload BASE_URL FILE SHA256 PID}: uploads with Headwater's client and prints seconds, MB/s
 * and the peak heap used.
 */
public final class BenchClient {
  public static void main(String[] a) throws Exception {
    Path file = Path.of(a[0].equals("sysmeta") ? a[1] : a[2]);
    if (a[0].equals("sysmeta")) {
      Files.write(Path.of(a[4]), SystemMetadataXml.write(sysmeta(Path.of(a[1]), a[2], a[3])));
      return;
    }
    String token = System.getenv("HEADWATER_TOKEN");
    SystemMetadata sm = sysmeta(file, a[3], a[4]);
    try (MemberNodeClient c = MemberNodeClient.builder(a[1]).token(AuthToken.parse(token)).maxAttempts(1)
        .timeouts(Duration.ofSeconds(10), Duration.ofMinutes(10), Duration.ofMinutes(10)).build()) {
      long t0 = System.nanoTime();
      c.create(sm.identifier(), sm, file);
      double s = (System.nanoTime() - t0) / 1e9;
      long peak = 0;
      for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
        if (p.getType() == MemoryType.HEAP) {
          peak += p.getPeakUsage().getUsed();
        }
      }
      System.out.printf("headwater %.2f s %.1f MB/s peak-heap %d MB max-heap %d MB%n", s,
          sm.size() / 1e6 / s, peak >> 20, Runtime.getRuntime().maxMemory() >> 20);
    }
  }

  private static SystemMetadata sysmeta(Path file, String sha, String pid) throws Exception {
    return SystemMetadata.forUpload(Pid.of(pid), FormatIds.NETCDF4, Files.size(file), Checksum.sha256(sha),
        "https://orcid.org/0000-0002-1825-0097", "https://orcid.org/0000-0002-1825-0097",
        List.of(AccessRule.publicRead()), "application/netcdf", file.getFileName().toString());
  }
}
