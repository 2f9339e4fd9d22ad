package org.headwater.publish.fake;

import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.vocabulary.DCTerms;
import org.headwater.publish.sysmeta.SystemMetadata;
import org.headwater.publish.sysmeta.SystemMetadataXml;

/** The fake node's objects and Metacat's rules for create and update. */
final class FakeStore {
  private static final long KEEP_BYTES = 1 << 20;
  private static final String ORE = "http://www.openarchives.org/ore/terms";
  private static final String EML = "https://eml.ecoinformatics.org/eml-2.2.0";

  private record Stored(SystemMetadata sysmeta, byte[] content) {}

  private final Map<String, Stored> objects = new ConcurrentHashMap<>();
  private final AtomicInteger dois = new AtomicInteger();
  private final FakeValidator validator;

  FakeStore(FakeValidator validator) {
    this.validator = validator;
  }

  int count() {
    return objects.size();
  }

  String mintDoi() {
    return String.format("doi:10.5072/FK2FAKE%04d", dois.incrementAndGet());
  }

  SystemMetadata sysmeta(String pid) {
    Stored s = objects.get(pid);
    return s == null ? null : s.sysmeta();
  }

  byte[] content(String pid) {
    Stored s = objects.get(pid);
    return s == null ? null : s.content();
  }

  SystemMetadata sysmetaOrThrow(String pid) {
    SystemMetadata sm = sysmeta(pid);
    if (sm == null) {
      throw new FakeMemberNode.FakeError(404, "NotFound", "1060", pid, "No system metadata could be found for given PID: " + pid);
    }
    return sm;
  }

  byte[] contentOrThrow(String pid) {
    sysmetaOrThrow(pid);
    byte[] c = content(pid);
    if (c == null) {
      throw new FakeMemberNode.FakeError(500, "ServiceFailure", "1030", pid, "large objects are not kept by the fake");
    }
    return c;
  }

  FakeMemberNode.Reply describe(String pid) {
    SystemMetadata sm = sysmetaOrThrow(pid);
    return new FakeMemberNode.Reply(200, Map.of("DataONE-formatId", sm.formatId(),
        "DataONE-Checksum", sm.checksum().algorithm() + "," + sm.checksum().value(),
        "DataONE-SerialVersion", String.valueOf(sm.serialVersion())), new byte[0]);
  }

  /** POST /v2/object (old == null) or PUT /v2/object/{old}; returns the stored PID. */
  String create(HttpExchange ex, String old) throws IOException {
    String pidPart = null;
    byte[] sysmetaXml = null;
    long size = 0;
    String sha = null;
    byte[] kept = null;
    MultipartReader mp = new MultipartReader(ex.getRequestBody(),
        MultipartReader.boundary(ex.getRequestHeaders().getFirst("Content-Type")));
    for (String[] part; (part = mp.next()) != null; ) {
      String name = part[0];
      if ("object".equals(name)) {
        if (sysmetaXml == null) {
          throw bad("InvalidRequest", "1102", pidPart, "the sysmeta part must come before the object part");
        }
        Sink sink = new Sink();
        mp.copyBody(sink);
        size = sink.count;
        sha = HexFormat.of().formatHex(sink.md.digest());
        kept = sink.kept == null ? null : sink.kept.toByteArray();
      } else {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        mp.copyBody(b);
        if ("sysmeta".equals(name)) {
          sysmetaXml = b.toByteArray();
        } else if ("pid".equals(name) || "newPid".equals(name)) {
          pidPart = b.toString(java.nio.charset.StandardCharsets.UTF_8);
        }
      }
    }
    if (pidPart == null || sysmetaXml == null || sha == null) {
      throw bad("InvalidRequest", "1102", pidPart, "pid, sysmeta and object parts are required");
    }
    String invalid = validator.sysmetaError(sysmetaXml);
    if (invalid != null) {
      throw bad("InvalidSystemMetadata", "1180", pidPart, "sysmeta is not valid: " + invalid);
    }
    SystemMetadata sm = SystemMetadataXml.read(sysmetaXml);
    if (!pidPart.equals(sm.identifier().value())) {
      throw bad("InvalidRequest", "1202", pidPart, "The identifier in the pid parameter " + pidPart
          + " does not match the identifier in the system metadata " + sm.identifier());
    }
    if (sm.size() != size || !sm.checksum().value().equals(sha)) {
      throw bad("InvalidSystemMetadata", "1180", pidPart, "size/checksum mismatch: sysmeta says " + sm.size()
          + "/" + sm.checksum().value() + ", object is " + size + "/" + sha);
    }
    if (EML.equals(sm.formatId()) && kept != null) {
      String emlError = validator.emlError(kept);
      if (emlError != null) {
        throw bad("InvalidRequest", "1180", pidPart, "EML is not valid: " + emlError);
      }
    }
    if (ORE.equals(sm.formatId()) && kept != null) {
      requireMembers(pidPart, kept);
    }
    synchronized (this) {
      if (objects.containsKey(pidPart)) {
        throw new FakeMemberNode.FakeError(409, "IdentifierNotUnique", "1120", pidPart,
            "The requested identifier " + pidPart + " is already used by another object");
      }
      Instant now = Instant.now();
      if (old == null) {
        if (sm.obsoletes() != null) {
          throw bad("InvalidSystemMetadata", "1180", pidPart, "obsoletes must be empty on create");
        }
      } else {
        SystemMetadata prev = sysmetaOrThrow(old);
        if (prev.obsoletedBy() != null) {
          throw bad("InvalidRequest", "1202", old, "The object " + old + " has already been obsoleted by " + prev.obsoletedBy());
        }
        if (sm.obsoletes() == null || !old.equals(sm.obsoletes().value())) {
          throw bad("InvalidSystemMetadata", "1300", pidPart, "obsoletes must be " + old);
        }
        objects.put(old, new Stored(prev.withObsoletedBy(sm.identifier(), now), content(old)));
      }
      objects.put(pidPart, new Stored(sm.asStored(now, "urn:node:FAKE"), kept));
    }
    return pidPart;
  }

  synchronized void archive(String pid) {
    Stored s = objects.get(pid);
    sysmetaOrThrow(pid);
    objects.put(pid, new Stored(s.sysmeta().asArchived(Instant.now()), s.content()));
  }

  private void requireMembers(String pid, byte[] rdf) {
    Model m = ModelFactory.createDefaultModel();
    try {
      RDFDataMgr.read(m, new ByteArrayInputStream(rdf), Lang.RDFXML);
    } catch (RuntimeException e) {
      throw bad("InvalidRequest", "1180", pid, "resource map is not RDF/XML: " + e.getMessage());
    }
    var aggregates = m.createProperty(ORE + "/aggregates");
    for (RDFNode member : m.listObjectsOfProperty(aggregates).toList()) {
      var id = member.asResource().getProperty(DCTerms.identifier);
      if (id == null || !objects.containsKey(id.getString())) {
        throw bad("InvalidRequest", "1180", pid, "resource map member " + (id == null ? member : id.getString())
            + " does not exist on this node");
      }
    }
  }

  private static FakeMemberNode.FakeError bad(String name, String detail, String pid, String msg) {
    return new FakeMemberNode.FakeError("IdentifierNotUnique".equals(name) ? 409 : 400, name, detail, pid, msg);
  }

  /** Hashes and counts streamed bytes, keeping small objects. */
  private static final class Sink extends OutputStream {
    final MessageDigest md;
    long count;
    ByteArrayOutputStream kept = new ByteArrayOutputStream();

    Sink() {
      try {
        md = MessageDigest.getInstance("SHA-256");
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    public void write(int b) {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) {
      md.update(b, off, len);
      count += len;
      if (kept != null) {
        if (count > KEEP_BYTES) {
          kept = null;
        } else {
          kept.write(b, off, len);
        }
      }
    }
  }
}
