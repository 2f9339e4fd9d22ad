package org.headwater.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okio.Buffer;
import org.headwater.pipeline.demo.DemoData;
import org.headwater.pipeline.testing.ExternalTools;
import org.headwater.provenance.record.InputRecord;
import org.headwater.provenance.record.RunRecords;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A recipe whose sources need a token in their URL ({@code ?access_token=…}, passed with {@code
 * --param}), fetched over loopback HTTP from a server that answers 401 without it and 304 to a
 * matching {@code If-None-Match}. The runs succeed (the second from the download cache), and the
 * token is in no file the runs, the lineage store or the cache wrote and in nothing they printed:
 * the URLs say {@code access_token=REDACTED}, and rdflib reads them as IRIs in {@code prov.ttl}.
 * {@code lineage} finds a source by its real URL; {@code stale} says it cannot re-check such a URL
 * rather than sending it without its token.
 */
class SecretUrlIT {
  static final String TOKEN = "T0KEN-s3cr3t-4711";

  @TempDir Path tmp;

  @Test
  void aTokenInASourceUrlIsUsedForTheFetchButKeptOutOfEverythingTheRunKeepsAndPrints() throws Exception {
    Path src = tmp.resolve("src");
    DemoData.write(src);
    List<String> asked = new ArrayList<>();
    try (MockWebServer server = new MockWebServer()) {
      server.setDispatcher(new Dispatcher() {
        @Override
        public MockResponse dispatch(RecordedRequest request) {
          asked.add(request.getPath());
          if (!("access_token=" + TOKEN).equals(request.getRequestUrl().query())) {
            return new MockResponse().setResponseCode(401);
          }
          Path file = src.resolve(request.getRequestUrl().pathSegments().get(0));
          if (!Files.exists(file)) {
            return new MockResponse().setResponseCode(404);
          }
          String etag = "\"" + file.getFileName() + "-v1\"";
          if (etag.equals(request.getHeader("If-None-Match"))) {
            return new MockResponse().setResponseCode(304).setHeader("ETag", etag);
          }
          try {
            return new MockResponse().setHeader("ETag", etag)
                .setBody(new Buffer().write(Files.readAllBytes(file)));
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
      });
      server.start();
      String base = "http://127.0.0.1:" + server.getPort();
      Path recipe = Files.writeString(tmp.resolve("recipe.yaml"), String.join("\n",
          "id: token-in-url",
          "title: Sources behind a token",
          "license: CC-BY-4.0",
          "params:",
          "  token: none",
          "sources:",
          "  - name: speed",
          "    url: \"" + base + "/speed_member{member:02d}.nc?access_token={token}\"",
          "    dimensions:",
          "      - {name: member, kind: concat, new: true, range: {start: 1, end: 2}}",
          "outputs:",
          "  - {name: speed-nc, format: netcdf4, path: speed.nc}",
          ""));
      Path work = tmp.resolve("work");
      String store = tmp.resolve("lineage").toString();
      List<CliRun> printed = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        CliRun run = CliRun.of("run", recipe.toString(), "--work", work.toString(), "--store", store,
            "--wait-for-store", "--param", "token=" + TOKEN);
        assertThat(run.code()).as(run.err()).isZero();
        printed.add(run);
      }
      assertThat(asked).as("the token was sent with the fetches").isNotEmpty()
          .allMatch(p -> p.endsWith("access_token=" + TOKEN));
      assertThat(printed.get(0).out()).contains("speed_member01.nc?access_token=REDACTED");
      List<Path> runs;
      try (Stream<Path> s = Files.list(work.resolve("runs"))) {
        runs = s.sorted(Comparator.comparing(d -> RunRecords.read(d).started())).toList();
      }
      assertThat(runs).hasSize(2);
      assertThat(RunRecords.read(runs.get(1)).inputs())
          .as("the second run found the files in the download cache").hasSize(2).allMatch(InputRecord::fromCache);

      ExternalTools.require("python3-rdflib", ExternalTools.PYTHON, "-c", "import rdflib");
      String urls = ExternalTools.python(String.join("\n",
          "import sys, rdflib",
          "g = rdflib.Graph(); g.parse(sys.argv[1], format='turtle')",
          "DCAT = rdflib.Namespace('http://www.w3.org/ns/dcat#')",
          "print(*sorted(str(u) for u in g.objects(None, DCAT.downloadURL)), sep='\\n')"),
          runs.get(0).resolve("prov.ttl").toString());
      assertThat(urls.lines().toList()).containsExactly(
          base + "/speed_member01.nc?access_token=REDACTED", base + "/speed_member02.nc?access_token=REDACTED");

      CliRun byUrl = CliRun.of("lineage", base + "/speed_member01.nc?access_token=" + TOKEN, "--downstream",
          "--store", store);
      assertThat(byUrl.code()).as("lineage finds the source by the URL its author knows: %s", byUrl.err())
          .isZero();
      assertThat(byUrl.out()).contains("-> speed-nc [output]");
      printed.add(byUrl);

      int before = asked.size();
      CliRun stale = CliRun.of("stale", "--all", "--store", store);
      printed.add(stale);
      assertThat(asked).as("stale did not send the URL without its token").hasSize(before);
      assertThat(stale.out().lines().toList()).contains(
          "UNKNOWN " + base + "/speed_member01.nc?access_token=REDACTED (its URL's credentials were not recorded"
              + " (REDACTED); run the recipe again to check it)",
          "0 of 2 sources changed or missing; 2 could not be checked");

      for (CliRun c : printed) {
        assertThat(c.out() + c.err()).doesNotContain(TOKEN);
      }
    }
    List<Path> holding = new ArrayList<>();
    byte[] secret = TOKEN.getBytes(StandardCharsets.UTF_8);
    try (Stream<Path> files = Files.walk(tmp)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        if (!f.startsWith(tmp.resolve("src")) && contains(Files.readAllBytes(f), secret)) {
          holding.add(tmp.relativize(f));
        }
      }
    }
    assertThat(holding).as("files that hold the token").isEmpty();
  }

  private static boolean contains(byte[] data, byte[] part) {
    outer:
    for (int i = 0; i + part.length <= data.length; i++) {
      for (int j = 0; j < part.length; j++) {
        if (data[i + j] != part[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}
