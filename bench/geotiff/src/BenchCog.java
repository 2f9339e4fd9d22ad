import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.headwater.pipeline.dataset.Dataset;
import org.headwater.pipeline.format.geotiff.GeoTiffFormat;
import org.headwater.pipeline.format.netcdf.NetcdfSource;
import org.headwater.pipeline.output.WriteTask;
import org.headwater.pipeline.recipe.OutputSpec;

/**
 * Times Headwater's COG writing (GeoTiffFormat.write: read the 2-D slice from the NetCDF source,
 * encode, tile, predict, deflate, write) in one JVM, after warm-up runs. Usage: BenchCog SOURCE
 * VARIABLE OUTDIR RUNS. Prints one line per run (seconds) and the median.
 */
public final class BenchCog {
  public static void main(String[] a) throws Exception {
    Path src = Path.of(a[0]);
    String variable = a[1];
    Path out = Path.of(a[2]);
    int runs = Integer.parseInt(a[3]);
    OutputSpec spec = new OutputSpec("bench", "bench", "geotiff", Map.of(),
        Map.of("id", "zlib", "level", 6), "bench");
    GeoTiffFormat format = new GeoTiffFormat();
    WriteTask task = new WriteTask("bench", "bench", variable, 0);
    double[] secs = new double[runs];
    try (Dataset d = NetcdfSource.open(src, src.toString())) {
      for (int i = -2; i < runs; i++) {
        Files.createDirectories(out);
        long t = System.nanoTime();
        format.write(d, spec, out, task);
        double s = (System.nanoTime() - t) / 1e9;
        if (i >= 0) {
          secs[i] = s;
          System.out.printf("headwater run %d: %.3f s%n", i + 1, s);
        }
      }
    }
    Arrays.sort(secs);
    System.out.printf("headwater median: %.3f s%n", secs[runs / 2]);
  }
}
