package org.headwater.publish.local;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.headwater.publish.PublishException;
import org.headwater.publish.dataone.DataOneException;
import org.headwater.publish.dataone.MemberNode;
import org.headwater.publish.dataone.NodeInfo;
import org.headwater.publish.dataone.ObjectDescription;
import org.headwater.publish.ore.ResourceMapReader;
import org.headwater.publish.sysmeta.Checksum;
import org.headwater.publish.sysmeta.FormatIds;
import org.headwater.publish.sysmeta.Pid;
import org.headwater.publish.sysmeta.SystemMetadata;
import org.headwater.publish.sysmeta.SystemMetadataXml;

/**
 * A Member Node in a folder ({@code --node local:DIR}): the same objects and system metadata, laid
 * out by PID as {@code DIR/objects/<url-encoded PID>/object} and {@code .../sysmeta.xml}. It
 * enforces a node's rules (unique PIDs, size and checksum, {@code obsoletes} only on update,
 * resource map members exist) and mints DOIs under the DataCite test prefix {@value #TEST_PREFIX},
 * so nobody mistakes them for real ones.
 *
 * <p>With {@code copyData} false (dry runs) data objects are not copied; a {@code object.ref}
 * names the file instead.
 */
public final class LocalArchive implements MemberNode {
  public static final String TEST_PREFIX = "10.5072";
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String ALPHABET = "ABCDEFGHJKMNPQRSTVWXYZ0123456789";

  private final Path root;
  private final boolean copyData;
  private final NodeInfo info;

  public LocalArchive(Path root, boolean copyData, NodeInfo info) {
    this.root = root.toAbsolutePath().normalize();
    this.copyData = copyData;
    this.info = info;
  }

  /** The archive for {@code --node local:DIR}. */
  public static LocalArchive open(Path dir) {
    return new LocalArchive(dir, true,
        new NodeInfo("urn:node:HEADWATER_LOCAL", "Headwater local archive", dir.toAbsolutePath().toUri().toString()));
  }

  @Override
  public void ping() {}

  @Override
  public NodeInfo node() {
    return info;
  }

  @Override
  public boolean isAuthorized(Pid pid, String action) {
    getSystemMetadata(pid);
    return true;
  }

  @Override
  public Pid generate(String scheme) {
    if ("UUID".equalsIgnoreCase(scheme)) {
      return Pid.uuid();
    }
    if (!"DOI".equalsIgnoreCase(scheme)) {
      throw new DataOneException.InvalidRequest(400, "local", null, "unknown scheme " + scheme);
    }
    StringBuilder sb = new StringBuilder("doi:" + TEST_PREFIX + "/FK2");
    for (int i = 0; i < 8; i++) {
      sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return Pid.of(sb.toString());
  }

  @Override
  public synchronized void create(Pid pid, SystemMetadata sm, Path file) {
    if (sm.obsoletes() != null) {
      throw new DataOneException.InvalidSystemMetadata(400, "local", pid.value(),
          "obsoletes is only allowed on update");
    }
    store(pid, sm, file);
  }

  @Override
  public synchronized void update(Pid old, Pid newPid, SystemMetadata sm, Path file) {
    SystemMetadata previous = getSystemMetadata(old);
    if (previous.obsoletedBy() != null) {
      throw new DataOneException.InvalidRequest(400, "local", old.value(),
          "already obsoleted by " + previous.obsoletedBy());
    }
    if (!old.equals(sm.obsoletes())) {
      throw new DataOneException.InvalidSystemMetadata(400, "local", newPid.value(),
          "obsoletes must be " + old + ", found " + sm.obsoletes());
    }
    store(newPid, sm, file);
    write(dir(old).resolve("sysmeta.xml"), SystemMetadataXml.write(previous.withObsoletedBy(newPid, Instant.now())));
  }

  private void store(Pid pid, SystemMetadata sm, Path file) {
    if (!pid.equals(sm.identifier())) {
      throw new DataOneException.InvalidRequest(400, "local", pid.value(),
          "pid " + pid + " differs from the system metadata identifier " + sm.identifier());
    }
    if (Files.exists(dir(pid))) {
      throw new DataOneException.IdentifierNotUnique(409, "local", pid.value(), "the identifier is already in use");
    }
    try {
      Checksum actual = Checksum.sha256Of(file);
      long size = Files.size(file);
      if (size != sm.size() || !actual.matches(sm.checksum())) {
        throw new DataOneException.InvalidSystemMetadata(400, "local", pid.value(),
            "object is " + size + " bytes with " + actual + ", system metadata says " + sm.size() + " bytes with " + sm.checksum());
      }
      if (FormatIds.ORE.equals(sm.formatId())) {
        requireMembers(pid, Files.readAllBytes(file));
      }
      Path tmp = Files.createDirectories(root.resolve("tmp")).resolve(dirName(pid) + ".part");
      Files.createDirectories(tmp);
      boolean copy = copyData || !isDataFormat(sm.formatId());
      if (copy) {
        Files.copy(file, tmp.resolve("object"), StandardCopyOption.REPLACE_EXISTING);
      } else {
        Files.writeString(tmp.resolve("object.ref"), file.toAbsolutePath().toString());
      }
      Instant now = Instant.now();
      Files.write(tmp.resolve("sysmeta.xml"), SystemMetadataXml.write(sm.asStored(now, info.identifier())));
      Files.createDirectories(dir(pid).getParent());
      Files.move(tmp, dir(pid), StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new PublishException.LocalFileFailure("cannot store " + pid + " in " + root + ": " + e.getMessage(), e);
    }
  }

  private void requireMembers(Pid pid, byte[] rdf) {
    Set<String> missing = new HashSet<>();
    for (String member : ResourceMapReader.read(rdf, "resource map " + pid).aggregated()) {
      if (!member.equals(pid.value()) && !Files.exists(dir(Pid.of(member)))) {
        missing.add(member);
      }
    }
    if (!missing.isEmpty()) {
      throw new DataOneException.InvalidRequest(400, "local", pid.value(),
          "resource map aggregates objects that do not exist: " + missing);
    }
  }

  private static boolean isDataFormat(String formatId) {
    return !FormatIds.EML_220.equals(formatId) && !FormatIds.ORE.equals(formatId) && !FormatIds.TEXT.equals(formatId);
  }

  @Override
  public ObjectDescription describe(Pid pid) {
    SystemMetadata sm = getSystemMetadata(pid);
    return new ObjectDescription(pid, sm.formatId(), sm.size(), sm.checksum());
  }

  @Override
  public SystemMetadata getSystemMetadata(Pid pid) {
    Path f = dir(pid).resolve("sysmeta.xml");
    if (!Files.isRegularFile(f)) {
      throw new DataOneException.NotFound(404, "local", pid.value(), "no object " + pid + " in " + root);
    }
    try {
      return SystemMetadataXml.read(Files.readAllBytes(f));
    } catch (IOException e) {
      throw new PublishException.LocalFileFailure("cannot read " + f + ": " + e.getMessage(), e);
    }
  }

  @Override
  public Checksum getChecksum(Pid pid, String algorithm) {
    return getSystemMetadata(pid).checksum();
  }

  @Override
  public byte[] get(Pid pid, long maxBytes) {
    getSystemMetadata(pid);
    Path f = dir(pid).resolve("object");
    try {
      if (!Files.isRegularFile(f) || Files.size(f) > maxBytes) {
        throw new DataOneException.InsufficientResources(413, "local", pid.value(),
            "object is not stored here or is larger than " + maxBytes + " bytes");
      }
      return Files.readAllBytes(f);
    } catch (IOException e) {
      throw new PublishException.LocalFileFailure("cannot read " + f + ": " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized void archive(Pid pid) {
    write(dir(pid).resolve("sysmeta.xml"), SystemMetadataXml.write(getSystemMetadata(pid).asArchived(Instant.now())));
  }

  @Override
  public String resolveUrl(Pid pid) {
    return dir(pid).resolve("object").toUri().toString();
  }

  @Override
  public String label() {
    return "local:" + root;
  }

  /** The folder of one object. */
  public Path dir(Pid pid) {
    return root.resolve("objects").resolve(dirName(pid));
  }

  /** URL-encoded PID, with dots encoded too so no PID can name {@code .} or {@code ..}. */
  static String dirName(Pid pid) {
    return URLEncoder.encode(pid.value(), StandardCharsets.UTF_8).replace(".", "%2E").replace("*", "%2A");
  }

  private static void write(Path f, byte[] bytes) {
    try {
      Path tmp = f.resolveSibling(f.getFileName() + ".tmp");
      Files.write(tmp, bytes);
      Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new PublishException.LocalFileFailure("cannot write " + f + ": " + e.getMessage(), e);
    }
  }
}
