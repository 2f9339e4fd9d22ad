package org.headwater.provenance.record;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Reads and writes {@link RunRecord}s as {@code run.json}. */
public final class RunRecords {
  /** The file name of the run record inside a run directory. */
  public static final String FILE_NAME = "run.json";

  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(SerializationFeature.INDENT_OUTPUT);

  private RunRecords() {}

  /** Reads {@code run.json} from a run directory (or the file itself). */
  public static RunRecord read(Path runDirOrFile) {
    Path file =
        Files.isDirectory(runDirOrFile) ? runDirOrFile.resolve(FILE_NAME) : runDirOrFile;
    if (!Files.isRegularFile(file)) {
      if (Files.isRegularFile(file.resolveSibling("recipe.yaml"))) {
        throw new IllegalArgumentException("run directory " + file.getParent() + " is incomplete: it has no "
            + FILE_NAME + " (its process was killed or crashed); run the recipe again");
      }
      throw new IllegalArgumentException(
          "no run record at " + file + ": pass a run directory made by 'headwater run'");
    }
    try {
      return MAPPER.readValue(file.toFile(), RunRecord.class);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read run record " + file + ": " + e.getMessage(), e);
    }
  }

  /** Writes the record atomically as {@code run.json} in {@code runDir}. */
  public static Path write(RunRecord record, Path runDir) {
    Path file = runDir.resolve(FILE_NAME);
    Path tmp = runDir.resolve(FILE_NAME + ".tmp");
    try {
      MAPPER.writeValue(tmp.toFile(), record);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write run record " + file + ": " + e.getMessage(), e);
    }
  }

  /** The JSON text of a record (for tests and {@code --format json}). */
  public static String toJson(RunRecord record) {
    try {
      return MAPPER.writeValueAsString(record);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Parses the JSON text of a record. */
  public static RunRecord fromJson(String json) {
    try {
      return MAPPER.readValue(json, RunRecord.class);
    } catch (IOException e) {
      throw new UncheckedIOException("not a run record: " + e.getMessage(), e);
    }
  }
}
