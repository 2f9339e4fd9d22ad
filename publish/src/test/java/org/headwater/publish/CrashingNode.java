package org.headwater.publish;

import java.nio.file.Path;
import org.headwater.publish.dataone.MemberNode;
import org.headwater.publish.dataone.NodeInfo;
import org.headwater.publish.dataone.ObjectDescription;
import org.headwater.publish.sysmeta.Checksum;
import org.headwater.publish.sysmeta.Pid;
import org.headwater.publish.sysmeta.SystemMetadata;

/**
 * Delegates to a node but "crashes" the process (throws) before uploading one format, or, with
 * {@link #after}, once the node has stored it but before the publisher hears back.
 */
final class CrashingNode implements MemberNode {
  private final MemberNode d;
  private final String crashOnFormat;
  private final boolean afterStoring;

  CrashingNode(MemberNode delegate, String crashOnFormat) {
    this(delegate, crashOnFormat, false);
  }

  private CrashingNode(MemberNode delegate, String crashOnFormat, boolean afterStoring) {
    this.d = delegate;
    this.crashOnFormat = crashOnFormat;
    this.afterStoring = afterStoring;
  }

  /** Crashes once the node has stored an object of the format. */
  static CrashingNode after(MemberNode delegate, String crashOnFormat) {
    return new CrashingNode(delegate, crashOnFormat, true);
  }

  private void maybeCrash(SystemMetadata sm, Runnable upload) {
    boolean hit = sm.formatId().equals(crashOnFormat);
    if (hit && !afterStoring) {
      throw new IllegalStateException("simulated crash before uploading " + sm.identifier());
    }
    upload.run();
    if (hit) {
      throw new IllegalStateException("simulated crash after the node stored " + sm.identifier());
    }
  }

  @Override public void ping() { d.ping(); }
  @Override public NodeInfo node() { return d.node(); }
  @Override public boolean isAuthorized(Pid pid, String action) { return d.isAuthorized(pid, action); }
  @Override public Pid generate(String scheme) { return d.generate(scheme); }
  @Override public void create(Pid pid, SystemMetadata sm, Path file) { maybeCrash(sm, () -> d.create(pid, sm, file)); }
  @Override public void update(Pid old, Pid pid, SystemMetadata sm, Path file) {
    maybeCrash(sm, () -> d.update(old, pid, sm, file));
  }
  @Override public ObjectDescription describe(Pid pid) { return d.describe(pid); }
  @Override public SystemMetadata getSystemMetadata(Pid pid) { return d.getSystemMetadata(pid); }
  @Override public Checksum getChecksum(Pid pid, String alg) { return d.getChecksum(pid, alg); }
  @Override public byte[] get(Pid pid, long max) { return d.get(pid, max); }
  @Override public void archive(Pid pid) { d.archive(pid); }
  @Override public String resolveUrl(Pid pid) { return d.resolveUrl(pid); }
  @Override public String label() { return d.label(); }
}
