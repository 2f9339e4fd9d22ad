package org.headwater.publish.dataone;

import java.nio.file.Path;
import org.headwater.publish.sysmeta.Checksum;
import org.headwater.publish.sysmeta.Pid;
import org.headwater.publish.sysmeta.SystemMetadata;

/**
 * The DataONE Member Node v2 calls Headwater uses. {@link MemberNodeClient} speaks HTTP to a real
 * node; {@code org.headwater.publish.local.LocalArchive} keeps the same objects in a folder. Every
 * call throws a {@link DataOneException} subtype for an error the node reports.
 */
public interface MemberNode extends AutoCloseable {

  /** {@code GET /v2/monitor/ping}: throws unless the node answers. */
  void ping();

  /** {@code GET /v2/node}: the node's identity. */
  NodeInfo node();

  /** {@code GET /v2/isAuthorized/{pid}?action=}: true, or throws {@code NotAuthorized}. */
  boolean isAuthorized(Pid pid, String action);

  /** {@code POST /v2/generate}: a new identifier; {@code scheme} is {@code DOI} or {@code UUID}. */
  Pid generate(String scheme);

  /** {@code POST /v2/object}: stores a new object, streaming it from {@code file}. */
  void create(Pid pid, SystemMetadata sysmeta, Path file);

  /** {@code PUT /v2/object/{old}}: stores {@code newPid} as the next version of {@code old}. */
  void update(Pid old, Pid newPid, SystemMetadata sysmeta, Path file);

  /** {@code HEAD /v2/object/{pid}}: format, size and checksum; throws {@code NotFound}. */
  ObjectDescription describe(Pid pid);

  /** {@code GET /v2/meta/{pid}}. */
  SystemMetadata getSystemMetadata(Pid pid);

  /** {@code GET /v2/checksum/{pid}}: the node's checksum of the stored bytes. */
  Checksum getChecksum(Pid pid, String algorithm);

  /** {@code GET /v2/object/{pid}} for small objects (metadata, resource maps). */
  byte[] get(Pid pid, long maxBytes);

  /** {@code PUT /v2/archive/{pid}}. */
  void archive(Pid pid);

  /** The URL under which the object resolves for the world (used in EML and the ORE map). */
  String resolveUrl(Pid pid);

  /** A short label of where this node is, for messages (never contains a token). */
  String label();

  @Override
  default void close() {}

  /** Whether the object exists: a describe that maps {@code NotFound} to false. */
  default boolean exists(Pid pid) {
    try {
      describe(pid);
      return true;
    } catch (DataOneException.NotFound e) {
      return false;
    }
  }
}
