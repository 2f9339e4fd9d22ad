package org.headwater.pipeline.format.geotiff;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.headwater.pipeline.geo.CrsDescription;
import org.headwater.pipeline.geo.LonLatBounds;
import org.headwater.pipeline.internal.Hashing;
import org.headwater.pipeline.output.OutputException;
import org.headwater.provenance.record.RasterRecord;

/** What the run record says about one GeoTIFF just written: its hash, size, grid and CRS. */
final class RasterFacts {
  private RasterFacts() {}

  static RasterRecord of(Path file, RasterGrid grid, int bands) throws IOException {
    List<Double> transform = new ArrayList<>();
    for (double d : grid.geoTransform()) {
      transform.add(d);
    }
    try {
      return new RasterRecord(file.getFileName().toString(), Hashing.sha256Hex(file),
          Files.size(file), grid.width(), grid.height(), bands, transform,
          CrsDescription.of(grid.crs()), LonLatBounds.of(grid.crs(), grid.bounds()));
    } catch (IllegalArgumentException e) {
      throw new OutputException(file + ": " + e.getMessage(), e);
    }
  }
}
