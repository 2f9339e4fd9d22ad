package org.headwater.pipeline.stac;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.headwater.provenance.record.OutputRecord;
import org.headwater.provenance.record.RunRecord;

/**
 * Writes a run's STAC 1.0 metadata into {@code stac/} of its run directory: {@code
 * collection.json} and one Item {@code OUTPUT.json} per output, all from the run record (no output
 * is opened). Links are relative, so the folder moves with the run directory.
 */
public final class StacCatalog {
  /** The folder of the run directory the catalogue is written to. */
  public static final String FOLDER = "stac";

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private StacCatalog() {}

  /** Writes the Collection and the Items of a committed run; returns the folder. */
  public static Path write(RunRecord run, Path runDir) throws IOException {
    Path dir = Files.createDirectories(runDir.resolve(FOLDER));
    for (OutputRecord o : run.outputs()) {
      JSON.writeValue(dir.resolve(o.name() + ".json").toFile(), StacItems.item(run, o));
    }
    JSON.writeValue(dir.resolve("collection.json").toFile(), StacCollection.collection(run));
    return dir;
  }
}
