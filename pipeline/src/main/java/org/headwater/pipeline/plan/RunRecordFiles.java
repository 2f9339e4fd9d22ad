package org.headwater.pipeline.plan;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The hand-over of records from pipeline workers to the run driver: each record is one file in the
 * run's records directory, written atomically. Internal to a run; deleted when the run ends.
 */
public final class RunRecordFiles {
  /**
   * Object streams read their headers a byte or a few at a time: unbuffered, that was a system call
   * for every ~1.3 bytes, 0.3 s to read a 365-input run's plans (bench/provenance/README.md).
   */
  private static final int BUFFER = 8192;

  private RunRecordFiles() {}

  public static void write(Path dir, String prefix, Object record) throws IOException {
    Files.createDirectories(dir);
    Path tmp = dir.resolve("." + UUID.randomUUID() + ".tmp");
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), BUFFER);
        ObjectOutputStream oos = new ObjectOutputStream(out)) {
      oos.writeObject(record);
    }
    Files.move(tmp, dir.resolve(prefix + "-" + UUID.randomUUID() + ".ser"), StandardCopyOption.ATOMIC_MOVE);
  }

  public static <T> List<T> read(Path dir, String prefix, Class<T> type) throws IOException {
    List<T> out = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return out;
    }
    try (Stream<Path> files = Files.list(dir)) {
      for (Path p : files.filter(f -> f.getFileName().toString().startsWith(prefix + "-")).sorted().toList()) {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(p), BUFFER);
            ObjectInputStream ois = new ObjectInputStream(in)) {
          out.add(type.cast(ois.readObject()));
        } catch (ClassNotFoundException e) {
          throw new IOException("unreadable run record " + p, e);
        }
      }
    }
    return out;
  }
}
