package org.headwater.pipeline.recipe;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/** Output paths must stay inside the run's {@code outputs/} directory. */
final class OutputPaths {
  private OutputPaths() {}

  static void check(YamlNode where, String path) {
    Path p;
    try {
      p = Path.of(path);
    } catch (InvalidPathException e) {
      throw where.error("'" + path + "' is not a usable file name");
    }
    Path normal = p.normalize();
    if (p.isAbsolute() || normal.startsWith("..") || normal.toString().isEmpty()) {
      throw where.error(
          "output path '" + path + "' is outside the work directory; give a relative name such as"
              + " 'speed.zarr' (outputs are written under the run's outputs/ folder)");
    }
  }
}
