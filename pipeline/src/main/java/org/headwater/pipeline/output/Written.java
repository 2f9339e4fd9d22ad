package org.headwater.pipeline.output;

import java.io.Serializable;
import java.util.List;
import org.headwater.provenance.record.RasterRecord;
import org.headwater.zarr.StoredFile;

/**
 * What one writing task wrote.
 *
 * @param chunks the chunks (or, for single-file formats, 1)
 * @param files the files it wrote into a directory output (a Zarr store), each with the hash of
 *     its bytes, so finishing the output need not read them back; empty for single-file formats
 * @param rasters the raster files it wrote (GeoTIFF), with their grids; else empty
 */
public record Written(long chunks, List<StoredFile> files, List<RasterRecord> rasters)
    implements Serializable {
  public Written {
    files = List.copyOf(files);
    rasters = List.copyOf(rasters);
  }

  /** What a task of a format without rasters wrote. */
  public Written(long chunks, List<StoredFile> files) {
    this(chunks, files, List.of());
  }
}
