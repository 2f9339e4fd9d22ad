package org.headwater.pipeline.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.headwater.pipeline.output.OutputFormats;
import org.headwater.pipeline.recipe.OutputSpec;
import org.headwater.pipeline.recipe.Recipe;
import org.headwater.pipeline.storage.ObjectStore;
import org.headwater.pipeline.storage.ObjectStores;
import org.headwater.pipeline.storage.ObjectUrl;
import org.headwater.pipeline.storage.StorageSettings;
import org.headwater.pipeline.storage.Uploads;

/**
 * The recipe's side of {@link Uploads}: which outputs have an object-store {@code location}, a
 * check before the run (the bucket exists, the credentials work, nothing is there yet) and the
 * upload after the outputs are committed in the run directory.
 */
final class OutputUploads {
  private OutputUploads() {}

  /** Fails early, before any work, when an output location cannot be written. */
  static void check(Recipe r, StorageSettings settings) {
    List<ObjectUrl> targets = new ArrayList<>();
    for (OutputSpec o : r.outputs()) {
      if (o.location() != null) {
        for (String file : OutputFormats.files(o)) {
          targets.add(ObjectUrl.parse(o.location()).resolve(file));
        }
      }
    }
    if (!targets.isEmpty()) {
      try (ObjectStore store = ObjectStores.open(targets.get(0), settings)) {
        Uploads.checkAbsent(store, targets);
      }
    }
  }

  /** Uploads every output that has a location from {@code outDir}; all or nothing. */
  static void upload(Recipe r, Path outDir, StorageSettings settings) {
    List<Uploads.Item> items = new ArrayList<>();
    for (OutputSpec o : r.outputs()) {
      if (o.location() != null) {
        for (String file : OutputFormats.files(o)) {
          items.addAll(Uploads.items(outDir.resolve(file), ObjectUrl.parse(o.location()).resolve(file)));
        }
      }
    }
    if (!items.isEmpty()) {
      try (ObjectStore store = ObjectStores.open(items.get(0).url(), settings)) {
        Uploads.upload(store, items);
      }
    }
  }
}
