package org.headwater.publish;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.headwater.provenance.record.Coverage;
import org.headwater.provenance.record.OutputRecord;
import org.headwater.provenance.record.RasterRecord;
import org.headwater.publish.sysmeta.Checksum;
import org.headwater.publish.sysmeta.FormatIds;
import org.headwater.publish.sysmeta.PackageObject;
import org.headwater.publish.sysmeta.PackageObject.Role;

/**
 * The data objects of a {@code geotiff} output: one per GeoTIFF file of its folder, each checked
 * against the hash the run recorded, named {@code OUTPUT-FOLDER_FILE.tif} (two outputs may both
 * hold {@code speed.tif}) and carrying the output narrowed to that file, so the EML describes it
 * as a {@code spatialRaster} with its own bounding box.
 */
final class RasterObjects {
  private RasterObjects() {}

  static List<PackageObject> of(Path runDir, OutputRecord out) {
    if (out.rasters().isEmpty()) {
      throw new PublishException("output " + out.path() + " (geotiff) lists no GeoTIFF files in"
          + " run.json (a run made before Headwater recorded them); re-run the recipe before"
          + " publishing");
    }
    String folder = Path.of(out.path()).getFileName().toString();
    List<PackageObject> objects = new ArrayList<>();
    for (RasterRecord r : out.rasters()) {
      String relative = out.path() + "/" + r.file();
      Path file = PackagePlanner.inside(runDir, relative);
      Checksum sha = PackagePlanner.hash(file);
      if (!sha.matches(Checksum.sha256(r.sha256()))) {
        throw new PublishException("output " + relative + " changed since the run: run.json says"
            + " SHA-256 " + r.sha256() + ", the file has " + sha.value()
            + "; re-run the recipe before publishing");
      }
      objects.add(PackagePlanner.object(Role.DATA, file, folder + "_" + r.file(),
          FormatIds.GEOTIFF, FormatIds.mediaType(FormatIds.GEOTIFF), sha, narrowed(out, r)));
    }
    return objects;
  }

  /** The output as one of its files: that file's hash, size, raster and bounding box. */
  static OutputRecord narrowed(OutputRecord out, RasterRecord r) {
    Coverage c = out.coverage();
    List<Double> b = r.bbox();
    Coverage box = new Coverage(b.get(0), b.get(2), b.get(1), b.get(3),
        c == null ? null : c.timeStart(), c == null ? null : c.timeEnd(),
        c == null ? null : c.calendar());
    return new OutputRecord(out.name(), out.path() + "/" + r.file(), out.format(), r.sha256(),
        r.size(), out.variables(), box, out.location(), List.of(r));
  }
}
