package org.headwater.publish.sysmeta;

import java.util.Locale;

/**
 * The DataONE formatIds Headwater uses; all are in DataONE's registered list ({@code
 * objectFormatListV2.xml}). YAML has no registered format, so the recipe goes up as {@code
 * text/plain} with media type {@code application/yaml}.
 */
public final class FormatIds {
  public static final String NETCDF3 = "netCDF-3";
  public static final String NETCDF4 = "netCDF-4";
  public static final String CSV = "text/csv";
  /** One GeoTIFF file (a {@code geotiff} output is a folder of them, each its own object). */
  public static final String GEOTIFF = "image/geotiff";
  public static final String TEXT = "text/plain";
  public static final String EML_220 = "https://eml.ecoinformatics.org/eml-2.2.0";
  public static final String ORE = "http://www.openarchives.org/ore/terms";

  /** Every formatId above: what Headwater writes, all registered with DataONE. */
  public static final java.util.Set<String> ALL = java.util.Set.of(NETCDF3, NETCDF4, CSV, GEOTIFF, TEXT, EML_220, ORE);

  private FormatIds() {}

  /** The formatId for a run output format ({@code netcdf3}, {@code netcdf4}, {@code csv}, {@code geotiff}: each of its files). */
  public static String forOutputFormat(String format) {
    return switch (format.toLowerCase(Locale.ROOT)) {
      case "netcdf3", "netcdf" -> NETCDF3;
      case "netcdf4" -> NETCDF4;
      case "csv" -> CSV;
      case "geotiff" -> GEOTIFF;
      default ->
          throw new IllegalArgumentException(
              "no DataONE formatId for output format '" + format + "' (zarr is not published)");
    };
  }

  /** The media type Headwater states for a formatId. */
  public static String mediaType(String formatId) {
    return switch (formatId) {
      case NETCDF3, NETCDF4 -> "application/netcdf";
      case CSV -> "text/csv";
      case GEOTIFF -> "image/tiff";
      case TEXT -> "text/plain";
      case EML_220 -> "text/xml";
      case ORE -> "application/rdf+xml";
      default -> "application/octet-stream";
    };
  }
}
