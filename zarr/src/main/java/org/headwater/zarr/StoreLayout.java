package org.headwater.zarr;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.headwater.zarr.internal.StoreFiles;

/** Directory layout rules shared by reader and writer: names, group check, array discovery. */
final class StoreLayout {
  /** The xarray attribute holding an array's dimension names. */
  static final String DIMENSIONS_KEY = "_ARRAY_DIMENSIONS";

  private StoreLayout() {}

  static void checkName(String name, Path root) {
    if (name == null || name.isEmpty() || name.startsWith(".") || name.contains("/") || name.contains("\\")) {
      throw new ZarrException("invalid array name '" + name + "' in " + root
          + ": use a non-empty name without '/' or '\\' that does not start with '.'");
    }
  }

  /** Checks that {@code root} holds a Zarr v2 {@code .zgroup}. */
  static void checkGroup(Path root) {
    Path zgroup = root.resolve(".zgroup");
    if (!Files.exists(zgroup)) {
      String hint = Files.exists(root.resolve(".zarray")) ? " (it is a single array, not a group)"
          : Files.exists(root.resolve("zarr.json")) ? " (it is a Zarr v3 store)" : "";
      throw new ZarrException(root + " is not a Zarr v2 group: no .zgroup" + hint
          + ": open a store written by ZarrWriter, xarray.to_zarr or zarr.open_group");
    }
    Object parsed = StoreFiles.readJson(zgroup);
    if (!(parsed instanceof Map<?, ?> m) || !Long.valueOf(2).equals(m.get("zarr_format"))) {
      throw new ZarrException(zgroup + " does not declare zarr_format 2: only Zarr v2 is supported");
    }
  }

  /** @return names of the sub-directories of {@code root} that contain a {@code .zarray}, sorted */
  static List<String> arrayDirectories(Path root) {
    try (Stream<Path> s = Files.list(root)) {
      return s.filter(p -> Files.isRegularFile(p.resolve(".zarray")))
          .map(p -> p.getFileName().toString())
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new ZarrException("cannot list " + root + ": " + e, e);
    }
  }

  /**
   * Extracts {@code _ARRAY_DIMENSIONS} from array attributes.
   *
   * @return the names, or {@code null} if absent or not a list of {@code rank} strings
   */
  static List<String> dimensions(Map<String, Object> attributes, int rank) {
    Object dims = attributes == null ? null : attributes.get(DIMENSIONS_KEY);
    if (dims instanceof List<?> l && l.size() == rank && l.stream().allMatch(d -> d instanceof String)) {
      return l.stream().map(String.class::cast).toList();
    }
    return null;
  }
}
