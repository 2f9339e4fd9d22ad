package org.headwater.provenance.record;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes secrets out of what Headwater keeps or shows: the source URLs a run records (run.json, its
 * PROV graph, the lineage store, the STAC catalogue, the download cache's index, the console
 * summary) and its error messages (run.json, the graph, the log, the console). Headwater itself
 * never puts a credential into a message (an {@code auth_env} header's value is sent, never
 * shown), but a recipe author may write one into a URL, and error messages name URLs. In every URL
 * of the text, this replaces
 *
 * <ul>
 *   <li>the user info ({@code https://user:password@host/} becomes {@code
 *       https://REDACTED@host/}), and
 *   <li>the value of each query parameter whose name looks like a credential: it contains {@code
 *       token}, {@code secret}, {@code pass}, {@code pwd}, {@code key}, {@code sig}, {@code
 *       credential}, {@code auth} or {@code session} ({@code ?access_token=…}, {@code ?apikey=…},
 *       an S3 presigned URL's {@code X-Amz-Signature}, {@code X-Amz-Credential}, {@code
 *       X-Amz-Security-Token}),
 * </ul>
 *
 * <p>with {@value #REDACTED}; everything else is kept, so the message still names the file. The
 * marker is made of characters an IRI allows, so a redacted URL is still a valid IRI (PROV's
 * {@code dcat:downloadURL}, STAC's links).
 */
public final class Secrets {
  /** What a secret is replaced with. */
  public static final String REDACTED = "REDACTED";

  private static final Pattern URL = Pattern.compile("[a-zA-Z][a-zA-Z0-9+.-]*://[^\\s\"'<>]+");
  private static final Pattern PARAM = Pattern.compile("([?&;])([^=&#\\s]*)=([^&#\\s]*)");
  private static final String TRAILING = ".,:;)!?";
  private static final Pattern SECRET_NAME =
      Pattern.compile(".*(token|secret|pass|pwd|key|sig|credential|auth|session).*");

  private Secrets() {}

  /** {@code text} with the secrets of its URLs replaced; null stays null. */
  public static String redact(String text) {
    if (text == null || !text.contains("://")) {
      return text;
    }
    Matcher m = URL.matcher(text);
    StringBuilder out = new StringBuilder(text.length());
    while (m.find()) {
      String url = m.group();
      int end = url.length();
      while (end > 0 && TRAILING.indexOf(url.charAt(end - 1)) >= 0) {
        end--; // punctuation after the URL in the sentence, kept as it is
      }
      m.appendReplacement(out, Matcher.quoteReplacement(url(url.substring(0, end)) + url.substring(end)));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** Whether {@code url} had a secret taken out by {@link #redact} (so it cannot be fetched as it is). */
  public static boolean redacted(String url) {
    return url != null
        && (url.contains("://" + REDACTED + "@") || url.matches(".*[?&;][^=&#]*=" + REDACTED + "([&#;].*)?"));
  }

  private static String url(String url) {
    int start = url.indexOf("://") + 3;
    int end = start;
    while (end < url.length() && "/?#".indexOf(url.charAt(end)) < 0) {
      end++;
    }
    int at = url.lastIndexOf('@', end - 1);
    String kept = at >= start ? url.substring(0, start) + REDACTED + url.substring(at) : url;
    int query = kept.indexOf('?');
    return query < 0 ? kept : kept.substring(0, query) + query(kept.substring(query));
  }

  private static String query(String query) {
    Matcher m = PARAM.matcher(query);
    StringBuilder out = new StringBuilder(query.length());
    while (m.find()) {
      String name = m.group(2);
      String value = SECRET_NAME.matcher(name.toLowerCase(Locale.ROOT)).matches() ? REDACTED : m.group(3);
      m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + name + "=" + value));
    }
    m.appendTail(out);
    return out.toString();
  }
}
