package org.headwater.provenance.record;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * One file of a raster output (a GeoTIFF of a {@code format: geotiff} folder), with what a
 * catalogue needs to describe it without opening it.
 *
 * @param file its name inside the output's folder, e.g. {@code speed.tif}
 * @param sha256 SHA-256 (hex) of its bytes
 * @param size its size in bytes
 * @param columns pixels per row
 * @param rows rows
 * @param bands bands
 * @param transform GDAL's geotransform {x of the left edge, column width, 0, y of the top edge, 0,
 *     -row height}, in the CRS's unit
 * @param crs the CRS
 * @param bbox {west, south, east, north} of the raster in WGS 84 degrees
 */
public record RasterRecord(
    String file,
    String sha256,
    long size,
    int columns,
    int rows,
    int bands,
    List<Double> transform,
    RasterCrs crs,
    List<Double> bbox)
    implements Serializable {

  public RasterRecord {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(sha256, "sha256");
    Objects.requireNonNull(crs, "crs");
    transform = List.copyOf(transform);
    bbox = List.copyOf(bbox);
    if (transform.size() != 6 || bbox.size() != 4) {
      throw new IllegalArgumentException(
          file + ": a geotransform has 6 numbers and a bbox 4, got " + transform + " and " + bbox);
    }
  }

  /** Column width (positive). */
  public double cellSizeX() {
    return transform.get(1);
  }

  /** Row height (positive). */
  public double cellSizeY() {
    return -transform.get(5);
  }
}
