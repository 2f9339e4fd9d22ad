package org.headwater.publish.journal;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.headwater.publish.PublishException;

/**
 * The publish journal kept beside a run: the planned package (every PID, minted DOIs included)
 * written before the first upload, and each object's state as it is verified. A re-run after a
 * crash reads it, re-checks what the node already holds, and continues with the same PIDs, so it
 * never creates a duplicate object or an orphan resource map. It never holds a token.
 *
 * @param node where the package goes (the node label)
 * @param runSha256 SHA-256 of the {@code run.json} the plan was made from
 * @param updateOf the PID given to {@code --update}, or null
 * @param metadataPid the metadata object's PID
 * @param resourceMapPid the resource map's PID
 * @param doi whether the metadata PID is a DOI minted for this package
 * @param entries the objects in upload order
 * @param complete whether the resource map was verified (the package is published)
 */
public record PublishJournal(
    String node,
    String runSha256,
    String updateOf,
    String metadataPid,
    String resourceMapPid,
    boolean doi,
    List<Entry> entries,
    boolean complete) {

  public static final String FILE_NAME = "journal.json";
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  public PublishJournal {
    Objects.requireNonNull(node, "node");
    entries = List.copyOf(entries == null ? List.of() : entries);
  }

  /**
   * One object of the plan.
   *
   * @param role {@code DATA}, {@code RECIPE}, {@code METADATA} or {@code RESOURCE_MAP}
   * @param pid its PID
   * @param file its bytes on disk (absolute)
   * @param fileName the name users see
   * @param formatId DataONE formatId
   * @param mediaType media type
   * @param size bytes
   * @param sha256 hex SHA-256
   * @param action {@code create}, {@code update} (of {@code obsoletes}) or {@code reuse}
   * @param obsoletes the previous version's PID, for {@code update}
   * @param output the run output's name, or null
   * @param verified whether the node's checksum was verified
   */
  public record Entry(
      String role,
      String pid,
      String file,
      String fileName,
      String formatId,
      String mediaType,
      long size,
      String sha256,
      String action,
      String obsoletes,
      String output,
      boolean verified) {

    public Entry asVerified() {
      return new Entry(role, pid, file, fileName, formatId, mediaType, size, sha256, action, obsoletes, output, true);
    }
  }

  /** The journal in {@code dir}, or null when there is none. */
  public static PublishJournal load(Path dir) {
    Path f = dir.resolve(FILE_NAME);
    if (!Files.isRegularFile(f)) {
      return null;
    }
    try {
      return JSON.readValue(f.toFile(), PublishJournal.class);
    } catch (IOException e) {
      throw new PublishException.LocalFileFailure(
          "cannot read publish journal " + f + ": " + e.getMessage()
              + "; delete it to start the publish afresh (objects already on the node stay there)", e);
    }
  }

  /** Writes atomically (temporary file + rename). */
  public PublishJournal save(Path dir) {
    Path f = dir.resolve(FILE_NAME);
    Path tmp = dir.resolve(FILE_NAME + ".tmp");
    try {
      Files.createDirectories(dir);
      JSON.writeValue(tmp.toFile(), this);
      Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return this;
    } catch (IOException e) {
      throw new PublishException.LocalFileFailure("cannot write publish journal " + f + ": " + e.getMessage(), e);
    }
  }

  /** A copy with entry {@code i} verified. */
  public PublishJournal withVerified(int i) {
    List<Entry> copy = new ArrayList<>(entries);
    copy.set(i, copy.get(i).asVerified());
    return new PublishJournal(node, runSha256, updateOf, metadataPid, resourceMapPid, doi, copy, complete);
  }

  /** A copy marked complete. */
  public PublishJournal asComplete() {
    return new PublishJournal(node, runSha256, updateOf, metadataPid, resourceMapPid, doi, entries, true);
  }
}
