package org.headwater.publish.dataone;

import org.headwater.publish.PublishException;

/**
 * An error reported by a DataONE node: the {@code <error name= errorCode= detailCode=>} body (or
 * the {@code DataONE-Exception-*} headers of a HEAD response) as a typed exception.
 *
 * <p>Use {@link #of} to get the subtype for a DataONE exception name; unknown names give a plain
 * {@code DataOneException}.
 */
public class DataOneException extends PublishException {
  private static final long serialVersionUID = 1L;

  private final String name;
  private final int errorCode;
  private final String detailCode;
  private final String pid;
  private final String description;

  protected DataOneException(
      String name, int errorCode, String detailCode, String pid, String description, String hint) {
    super(message(name, errorCode, detailCode, pid, description, hint));
    this.name = name;
    this.errorCode = errorCode;
    this.detailCode = detailCode;
    this.pid = pid;
    this.description = description;
  }

  private static String message(
      String name, int code, String detail, String pid, String description, String hint) {
    StringBuilder sb = new StringBuilder(name).append(" (").append(code);
    if (detail != null && !detail.isEmpty()) {
      sb.append('.').append(detail);
    }
    sb.append(')');
    if (pid != null) {
      sb.append(" for ").append(pid);
    }
    if (description != null && !description.isBlank()) {
      sb.append(": ").append(description.strip());
    }
    if (hint != null) {
      sb.append(". ").append(hint);
    }
    return sb.toString();
  }

  /** The DataONE exception name, e.g. {@code NotAuthorized}. */
  public String name() {
    return name;
  }

  /** The HTTP-style error code, e.g. {@code 401}. */
  public int errorCode() {
    return errorCode;
  }

  /** The node's detail code, e.g. {@code 1100}, or empty. */
  public String detailCode() {
    return detailCode;
  }

  /** The PID the call was about, or null. */
  public String pid() {
    return pid;
  }

  /** The node's own description of the error, or null. */
  public String description() {
    return description;
  }

  /**
   * The typed exception for a DataONE exception name, short ({@code NotFound}, as in an error
   * body) or fully qualified ({@code org.dataone.service.exceptions.NotFound}, as Metacat's
   * MNResourceHandler.describeObject writes the {@code DataONE-Exception-Name} header).
   */
  public static DataOneException of(
      String name, int errorCode, String detailCode, String pid, String description) {
    String n = shortName(name);
    String d = detailCode == null ? "" : detailCode;
    return switch (n) {
      case "NotAuthorized" -> new NotAuthorized(errorCode, d, pid, description);
      case "InvalidToken" -> new InvalidToken(errorCode, d, pid, description);
      case "IdentifierNotUnique" -> new IdentifierNotUnique(errorCode, d, pid, description);
      case "InvalidSystemMetadata" -> new InvalidSystemMetadata(errorCode, d, pid, description);
      case "InvalidRequest" -> new InvalidRequest(errorCode, d, pid, description);
      case "NotFound" -> new NotFound(errorCode, d, pid, description);
      case "NotImplemented" -> new NotImplemented(errorCode, d, pid, description);
      case "UnsupportedType" -> new UnsupportedType(errorCode, d, pid, description);
      case "InsufficientResources" -> new InsufficientResources(errorCode, d, pid, description);
      case "ServiceFailure" -> new ServiceFailure(errorCode, d, pid, description);
      default -> new DataOneException(n, errorCode, d, pid, description, null);
    };
  }

  /** {@code org.dataone.service.exceptions.NotFound} or {@code NotFound} gives {@code NotFound}. */
  static String shortName(String name) {
    if (name == null || name.isBlank()) {
      return "ServiceFailure";
    }
    String n = name.strip();
    return n.substring(n.lastIndexOf('.') + 1);
  }

  /** How to get a new Arctic Data Center token; part of every token error. */
  public static final String TOKEN_HINT =
      "Get a new token: sign in to the Arctic Data Center (https://arcticdata.io, or"
          + " https://test.arcticdata.io for the test node), open your profile, then Settings,"
          + " Authentication Token; save it to a file and pass --token-file FILE (or set"
          + " HEADWATER_TOKEN)";

  /** 401: the caller may not do this (or the token does not grant it). */
  public static final class NotAuthorized extends DataOneException {
    private static final long serialVersionUID = 1L;

    public NotAuthorized(int code, String detail, String pid, String description) {
      super("NotAuthorized", code, detail, pid, description, null);
    }
  }

  /** 401: the token is missing, malformed or expired. */
  public static final class InvalidToken extends DataOneException {
    private static final long serialVersionUID = 1L;

    public InvalidToken(int code, String detail, String pid, String description) {
      super("InvalidToken", code, detail, pid, description, TOKEN_HINT);
    }
  }

  /** 409: the PID is already used on the node. */
  public static final class IdentifierNotUnique extends DataOneException {
    private static final long serialVersionUID = 1L;

    public IdentifierNotUnique(int code, String detail, String pid, String description) {
      super("IdentifierNotUnique", code, detail, pid, description, null);
    }
  }

  /** 400: the system metadata was refused (schema, size or checksum mismatch, ...). */
  public static final class InvalidSystemMetadata extends DataOneException {
    private static final long serialVersionUID = 1L;

    public InvalidSystemMetadata(int code, String detail, String pid, String description) {
      super("InvalidSystemMetadata", code, detail, pid, description, null);
    }
  }

  /** 400: the request was malformed or not allowed in this state. */
  public static final class InvalidRequest extends DataOneException {
    private static final long serialVersionUID = 1L;

    public InvalidRequest(int code, String detail, String pid, String description) {
      super("InvalidRequest", code, detail, pid, description, null);
    }
  }

  /** 404: no such object. */
  public static final class NotFound extends DataOneException {
    private static final long serialVersionUID = 1L;

    public NotFound(int code, String detail, String pid, String description) {
      super("NotFound", code, detail, pid, description, null);
    }
  }

  /** 501: the node does not implement the call. */
  public static final class NotImplemented extends DataOneException {
    private static final long serialVersionUID = 1L;

    public NotImplemented(int code, String detail, String pid, String description) {
      super("NotImplemented", code, detail, pid, description, null);
    }
  }

  /** 400: the object's format is not accepted. */
  public static final class UnsupportedType extends DataOneException {
    private static final long serialVersionUID = 1L;

    public UnsupportedType(int code, String detail, String pid, String description) {
      super("UnsupportedType", code, detail, pid, description, null);
    }
  }

  /** 413: the node cannot store the object. */
  public static final class InsufficientResources extends DataOneException {
    private static final long serialVersionUID = 1L;

    public InsufficientResources(int code, String detail, String pid, String description) {
      super("InsufficientResources", code, detail, pid, description, null);
    }
  }

  /** 5xx: the node failed. */
  public static final class ServiceFailure extends DataOneException {
    private static final long serialVersionUID = 1L;

    public ServiceFailure(int code, String detail, String pid, String description) {
      super("ServiceFailure", code, detail, pid, description, null);
    }
  }
}
