package org.headwater.publish;

import java.nio.file.Path;
import org.headwater.publish.dataone.MemberNode;
import org.headwater.publish.dataone.NodeInfo;
import org.headwater.publish.dataone.ObjectDescription;
import org.headwater.publish.sysmeta.Checksum;
import org.headwater.publish.sysmeta.Pid;
import org.headwater.publish.sysmeta.SystemMetadata;

/** Delegates to a node but "crashes" the process (throws) before uploading one format. */
final class CrashingNode implements MemberNode {
  private final MemberNode d;
  private final String crashOnFormat;

  CrashingNode(MemberNode delegate, String crashOnFormat) {
    this.d = delegate;
    this.crashOnFormat = crashOnFormat;
  }

  private void maybeCrash(SystemMetadata sm) {
    if (sm.formatId().equals(crashOnFormat)) {
      throw new IllegalStateException("simulated crash before uploading " + sm.identifier());
    }
  }

  @Override public void ping() { d.ping(); }
  @Override public NodeInfo node() { return d.node(); }
  @Override public boolean isAuthorized(Pid pid, String action) { return d.isAuthorized(pid, action); }
  @Override public Pid generate(String scheme) { return d.generate(scheme); }
  @Override public void create(Pid pid, SystemMetadata sm, Path file) { maybeCrash(sm); d.create(pid, sm, file); }
  @Override public void update(Pid old, Pid pid, SystemMetadata sm, Path file) { maybeCrash(sm); d.update(old, pid, sm, file); }
  @Override public ObjectDescription describe(Pid pid) { return d.describe(pid); }
  @Override public SystemMetadata getSystemMetadata(Pid pid) { return d.getSystemMetadata(pid); }
  @Override public Checksum getChecksum(Pid pid, String alg) { return d.getChecksum(pid, alg); }
  @Override public byte[] get(Pid pid, long max) { return d.get(pid, max); }
  @Override public void archive(Pid pid) { d.archive(pid); }
  @Override public String resolveUrl(Pid pid) { return d.resolveUrl(pid); }
  @Override public String label() { return d.label(); }
}
