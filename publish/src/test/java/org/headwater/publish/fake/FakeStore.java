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

  /** D1NodeService.getSystemMetadataForPID, with getSystemMetadata's notFoundCode "1420". */
  SystemMetadata sysmetaOrThrow(String pid) {
    SystemMetadata sm = sysmeta(pid);
    if (sm == null) {
      throw new FakeMemberNode.FakeError(404, "NotFound", "1420", pid, "No system metadata could be found for given PID: " + pid);
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

  /**
   * MNResourceHandler.describeObject: the headers DataONE-Checksum ("algorithm,value"),
   * Content-Length, Last-Modified (dateSysMetadataModified, D1NodeService.describe),
   * DataONE-ObjectFormat and DataONE-SerialVersion; no body.
   */
  FakeMemberNode.Reply describe(String pid) {
    SystemMetadata sm = sysmetaOrThrow(pid);
    return new FakeMemberNode.Reply(200, Map.of("DataONE-ObjectFormat", sm.formatId(),
        "DataONE-Checksum", sm.checksum().algorithm() + "," + sm.checksum().value(),
        "Content-Length", String.valueOf(sm.size()),
        "Last-Modified", sm.dateSysMetadataModified().toString(),
        "DataONE-SerialVersion", String.valueOf(sm.serialVersion())), new byte[0]);
  }

  /**
   * POST /v2/object (old == null) or PUT /v2/object/{old}, for the session's {@code subject};
   * returns the stored PID. The checks run in Metacat's order.
   */
  String create(HttpExchange ex, String old, String subject) throws IOException {
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
    // MNResourceHandler.putObject: the pid, sysmeta and object parts are all required.
    if (pidPart == null || sysmetaXml == null || sha == null) {
      throw bad("InvalidRequest", "1102", pidPart, "pid, sysmeta and object parts are required");
    }
    // TypeMarshaller in MNResourceHandler.putObject: sysmeta that does not parse against the
    // DataONE schema is refused.
    String invalid = validator.sysmetaError(sysmetaXml);
    if (invalid != null) {
      throw bad("InvalidSystemMetadata", "1180", pidPart, "sysmeta is not valid: " + invalid);
    }
    SystemMetadata sm = SystemMetadataXml.read(sysmetaXml);
    Instant now = Instant.now();
    synchronized (this) {
      SystemMetadata stored = old == null ? checkCreate(pidPart, sm, subject, now)
          : checkUpdate(old, pidPart, sm, subject, now);
      // Storage.storeObject: hashstore's NonMatchingChecksumException / NonMatchingObjSizeException
      // become InvalidSystemMetadata "0000".
      if (!sm.checksum().value().equals(sha)) {
        throw bad("InvalidSystemMetadata", "0000", pidPart, "The given checksum doesn't match Metacat's"
            + " calculation: " + sm.checksum().value() + " != " + sha);
      }
      if (sm.size() != size) {
        throw bad("InvalidSystemMetadata", "0000", pidPart, "The given size doesn't match Metacat's"
            + " calculation: " + sm.size() + " != " + size);
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
      if (old != null) {
        // MNodeService.update: the old object gets obsoletedBy, a new modification date and,
        // like every system metadata change, a serialVersion one higher.
        SystemMetadata prev = sysmetaOrThrow(old);
        objects.put(old, new Stored(prev.withObsoletedBy(sm.identifier(), now), content(old)));
      }
      objects.put(pidPart, new Stored(stored, kept));
    }
    return pidPart;
  }

  /** MNodeService.create and D1NodeService.create, in their order; the sysmeta Metacat stores. */
  private SystemMetadata checkCreate(String pid, SystemMetadata sm, String subject, Instant now) {
    // D1NodeService.create: "verify that pid == SystemMetadata.getIdentifier()".
    if (!pid.equals(sm.identifier().value())) {
      throw bad("InvalidRequest", "1102", pid, "The supplied system metadata is invalid. The identifier "
          + pid + " does not match identifier in the system metadata identified by " + sm.identifier());
    }
    // D1NodeService.objectExists, called from MNodeService.create.
    if (objects.containsKey(pid)) {
      throw new FakeMemberNode.FakeError(409, "IdentifierNotUnique", "1120", pid, "The requested identifier "
          + pid + " is already used by another object and therefore can not be used for this object.");
    }
    // MNodeService.create: obsoletes and obsoletedBy must be empty.
    if (sm.obsoletes() != null) {
      throw bad("InvalidSystemMetadata", "1180", pid, "The supplied system metadata is invalid. The"
          + " obsoletes field cannot have a value when creating entries.");
    }
    if (sm.obsoletedBy() != null) {
      throw bad("InvalidSystemMetadata", "1180", pid, "The supplied system metadata is invalid. The"
          + " obsoletedBy field cannot have a value when creating entries.");
    }
    // MNodeService.create: serialVersion is set to BigInteger.ZERO whatever the client sent.
    return stored(sm, subject, now, sm.authoritativeMemberNode(), 0L);
  }

  /** MNodeService.update, in its order; the sysmeta Metacat stores for the new object. */
  private SystemMetadata checkUpdate(String old, String pid, SystemMetadata sm, String subject, Instant now) {
    if (!pid.equals(sm.identifier().value())) {
      throw bad("InvalidRequest", "1202", pid, "The new identifier " + pid + " doesn't match the identifier "
          + sm.identifier() + " in the system metadata.");
    }
    if (objects.containsKey(pid)) {
      throw new FakeMemberNode.FakeError(409, "IdentifierNotUnique", "1220", pid, "The requested identifier "
          + pid + " is already used by another object and therefore can not be used for this object.");
    }
    SystemMetadata prev = sysmetaOrThrow(old);
    // MNodeService.update: only the rights holder (or a subject with CHANGE) may update: "1200".
    if (!subject.equals(prev.rightsHolder()) && !subject.equals(prev.submitter())) {
      throw new FakeMemberNode.FakeError(401, "NotAuthorized", "1200", old, "The provided identity does not"
          + " have permission to UPDATE the object identified by " + old + " on the Member Node.");
    }
    if (sm.obsoletedBy() != null) {
      throw bad("InvalidSystemMetadata", "1300", pid, "Cannot include obsoletedBy when updating object");
    }
    if (sm.obsoletes() != null && !old.equals(sm.obsoletes().value())) {
      throw bad("InvalidSystemMetadata", "1300", pid,
          "The identifier provided in obsoletes does not match old Identifier");
    }
    if (Boolean.TRUE.equals(prev.archived())) {
      throw bad("InvalidRequest", "1202", old, "An archived object" + old + " can't be updated");
    }
    // MNodeService.update, "check for previous update" (redmine.dataone.org/issues/3336).
    if (prev.obsoletedBy() != null) {
      throw bad("InvalidRequest", "1202", old,
          "The previous identifier has already been made obsolete by: " + prev.obsoletedBy());
    }
    String authoritative = sm.authoritativeMemberNode();
    if (authoritative != null && !authoritative.equals(prev.authoritativeMemberNode())) {
      // MNodeService.update: "They don't match. Clients don't have the permission to change it."
      throw bad("InvalidRequest", "1202", pid, "The previous authoriativeMemberNode is "
          + prev.authoritativeMemberNode() + " and new authoriativeMemberNode is " + authoritative
          + ". They don't match. Clients don't have the permission to change it.");
    }
    // MNodeService.update: "make sure serial version is set to something" (0 when absent).
    return stored(sm, subject, now, authoritative, sm.serialVersion() == null ? 0L : sm.serialVersion());
  }

  /**
   * The fields Metacat sets itself (MNodeService.create and update): submitter from the session,
   * authoritativeMemberNode (the node itself) when empty, archived false, dateUploaded and
   * dateSysMetadataModified now, whatever the client sent; the serial version as given.
   */
  private static SystemMetadata stored(
      SystemMetadata sm, String subject, Instant now, String authoritative, long serialVersion) {
    String amn = authoritative == null || authoritative.isBlank() || "null".equals(authoritative)
        ? FakeMemberNode.NODE_ID : authoritative;
    return new SystemMetadata(serialVersion, sm.identifier(), sm.formatId(), sm.size(), sm.checksum(), subject,
        sm.rightsHolder(), sm.accessPolicy(), sm.obsoletes(), null, Boolean.FALSE, now, now, amn,
        sm.seriesId(), sm.mediaType(), sm.fileName());
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
    return new FakeMemberNode.FakeError(400, name, detail, pid, msg);
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
