package org.headwater.cli.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.headwater.cli.Headwater;
import org.headwater.provenance.serve.LineageServer;
import org.headwater.provenance.store.LineageStore;
import org.headwater.provenance.store.TdbLineageStore;
import org.headwater.web.WebPages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * The web pages of {@code headwater serve} over the offline demo's store, in headless Chromium:
 * what a user sees on each page, and the lineage links from a derived dataset back to its source
 * of truth. With {@code -Dheadwater.screenshots=DIR} it saves the pages as PNG (docs/screenshots).
 */
class WebPagesIT {
  static final String COMBINED = "Greenland ice sheet surface speed, ensemble combined (demo)";
  static final String MEAN = "Greenland ice sheet surface speed, ensemble mean (demo)";
  static final String TRUTH = "https://doi.org/10.5072/headwater-demo-greenland-projections";
  static final String BROKEN = "Surface speed that cannot be made <script>alert('x')</script>";

  @TempDir Path tmp;

  @Test
  void aUserFollowsLineageFromADerivedDatasetToItsSourceOfTruth() throws Exception {
    try (Browser browser = Browser.start(tmp.resolve("profile"))) {
      Path work = tmp.resolve("work");
      System.setProperty("headwater.home", Path.of("..").toAbsolutePath().normalize().toString());
      try {
        assertThat(Headwater.execute("demo", "--work", work.toString())).isZero();
      } finally {
        System.clearProperty("headwater.home");
      }
      runThatFails(work);
      try (TdbLineageStore store = LineageStore.open(work.resolve("lineage"));
          LineageServer server = LineageServer.start(store, "127.0.0.1", 0, null, WebPages.over(store))) {
        walk(browser, server.root());
        failedRun(browser, server.root());
        provDownloads(server.root(), browser.driver);
        withoutJavaScript(server.root());
      }
    }
  }

  private static void walk(Browser browser, String root) throws Exception {
    WebDriver d = browser.driver;
    d.get(root);
    assertThat(d.getTitle()).startsWith("Datasets and runs");
    assertThat(texts(d, "#runs a.dataset")).contains(COMBINED, MEAN);
    assertThat(d.findElement(By.cssSelector("#runs")).getText()).containsPattern("10\\.5072/FK2\\w+");
    browser.screenshot("index");

    browser.follow(d.findElement(By.linkText(MEAN)));
    assertThat(d.findElement(By.id("title")).getText()).isEqualTo(MEAN);
    assertThat(d.findElement(By.id("cite-text")).getText()).containsPattern("Carberry, J\\. \\d{4}\\. " + java.util.regex.Pattern.quote(MEAN));
    assertThat(d.findElement(By.id("cite-bibtex")).getText()).startsWith("@misc{Carberry");
    assertThat(d.findElements(By.cssSelector("button[data-copy]"))).hasSize(4);
    assertThat(d.findElement(By.id("outputs")).getText()).contains("outputs/speed_mean.nc").containsPattern("[0-9a-f]{64}");
    assertThat(d.findElement(By.id("variables")).getText()).containsPattern("mean_surface_speed m s-1");
    assertThat(d.findElement(By.cssSelector("#lineage svg")).isDisplayed()).isTrue();
    browser.screenshot("dataset");

    // Upstream in the picture: the combined dataset's speed.nc, then the box of the five members.
    clickPictureLink(browser, href -> href.contains("/dataset/greenland-speed-ensemble-2"));
    assertThat(d.findElement(By.id("title")).getText()).isEqualTo(COMBINED);
    assertThat(d.findElement(By.id("derived")).getText()).contains(MEAN);
    WebElement group = pictureLinks(d).stream()
        .filter(a -> a.getText().contains("5 source files")).findFirst().orElseThrow();
    assertThat(group.getText()).contains("10.5072/headwater-demo-greenland-projections");
    browser.screenshot("dataset-combined");
    browser.follow(group);
    assertThat(texts(d, "#hits a")).anySatisfy(t -> assertThat(t).endsWith("speed_member01.nc"));
    browser.follow(d.findElements(By.cssSelector("#hits a")).stream()
        .filter(a -> a.getText().endsWith("speed_member01.nc")).findFirst().orElseThrow());
    assertThat(d.findElement(By.cssSelector("a.truth")).getText()).isEqualTo(TRUTH);
    assertThat(d.findElement(By.id("used-by")).getText()).contains(COMBINED);
    browser.screenshot("source");

    browser.follow(d.findElement(By.cssSelector("#used-by a[href^='/run/']")));
    assertThat(d.findElement(By.id("status")).getText()).isEqualTo("succeeded");
    assertThat(d.findElement(By.id("steps")).getText()).contains("convert_units");
    assertThat(d.findElement(By.id("skipped")).getText()).contains("speed_member04.nc");
    assertThat(d.findElement(By.id("recipe")).getText()).contains("id: greenland-speed-ensemble");
    assertThat(d.findElement(By.id("log")).getText()).as("run.log, kept by the run").contains("[INFO]");
    browser.screenshot("run");

    d.get(root + "query");
    WebElement box = d.findElement(By.name("query"));
    box.clear();
    box.sendKeys("SELECT ?s\nWHERE {\n  ?s ?p\n}");
    browser.follow(d.findElement(By.cssSelector("#sparql-form button")));
    assertThat(d.findElement(By.id("query-error")).getText()).startsWith("Line 4, column");
    browser.screenshot("sparql-error");

    d.get(root + "dataset/no-such-run");
    assertThat(d.findElement(By.id("not-found")).getText()).contains("no-such-run");
    assertThat(d.findElement(By.cssSelector("main input[name=q]")).isDisplayed()).isTrue();
  }

  /**
   * A recipe whose source has another checksum than it expects, run into the demo's work directory
   * and store: the run fails, and the store gets what it did.
   */
  private static void runThatFails(Path work) throws Exception {
    Path recipe = Files.writeString(work.resolve("broken.yaml"), "id: broken-speed\ntitle: \"" + BROKEN + "\"\n"
        + "sources:\n  url: \"" + work.toAbsolutePath().resolve("demo-sources/speed_member01.nc").toUri() + "\"\n"
        + "  sha256: \"" + "0".repeat(64) + "\"\n"
        + "outputs:\n  - {name: speed, format: zarr}\n");
    assertThat(Headwater.execute("run", recipe.toString(), "--work", work.toString(), "--store",
        work.resolve("lineage").toString(), "--wait-for-store")).as("the run fails").isNotZero();
  }

  /** The failed run on the index, and its page: status, the one-line error, the recipe and the log. */
  private static void failedRun(Browser browser, String root) throws Exception {
    WebDriver d = browser.driver;
    d.get(root);
    WebElement row = d.findElements(By.cssSelector("#runs tbody tr")).get(0);
    assertThat(row.getText()).as("newest first, with its status and no dataset").contains(BROKEN, "failed")
        .contains("the run failed: no dataset");
    assertThat(row.findElements(By.cssSelector("a.dataset"))).isEmpty();
    browser.follow(row.findElement(By.cssSelector("a.run")));
    assertThat(d.findElement(By.id("status")).getText()).isEqualTo("failed");
    assertThat(d.findElement(By.id("error")).getText())
        .contains("checksum mismatch for file:", "speed_member01.nc", "0".repeat(64)).doesNotContain("\n");
    assertThat(d.findElement(By.id("recipe-title")).getText()).contains(BROKEN);
    assertThat(d.findElement(By.id("recipe")).getText()).contains("id: broken-speed");
    assertThat(d.findElement(By.id("log")).getText()).as("run.log, kept by the failed run")
        .contains("[INFO]", "[ERROR] the run failed: checksum mismatch");
    assertThat(d.findElement(By.id("no-outputs")).isDisplayed()).isTrue();
    assertThat(d.findElement(By.id("no-inputs")).getText()).as("its one source failed its checksum")
        .isEqualTo("None: the run read no source before it failed.");
    browser.screenshot("run-failed");
  }

  /** No page needs JavaScript to show its content: the dataset page, with scripts off. */
  private void withoutJavaScript(String root) throws Exception {
    try (Browser plain = Browser.start(tmp.resolve("profile-nojs"), false)) {
      WebDriver d = plain.driver;
      d.get("data:text/html,<title>off</title><script>document.title='on'</script>");
      assertThat(d.getTitle()).as("pages' scripts do not run in this browser").isEqualTo("off");
      d.get(root);
      plain.follow(d.findElement(By.linkText(COMBINED)));
      assertThat(d.findElement(By.id("title")).getText()).isEqualTo(COMBINED);
      assertThat(d.findElement(By.id("cite-text")).getText()).contains("doi:10.5072/");
      assertThat(d.findElement(By.id("outputs")).getText()).contains("outputs/speed.nc");
      assertThat(d.findElement(By.cssSelector("#lineage svg")).isDisplayed()).isTrue();
      assertThat(pictureLinks(d)).isNotEmpty();
    }
  }

  private static List<WebElement> pictureLinks(WebDriver d) {
    return d.findElements(By.cssSelector("#lineage svg a"));
  }

  private static void clickPictureLink(Browser browser, java.util.function.Predicate<String> href) {
    WebDriver d = browser.driver;
    for (WebElement a : pictureLinks(d)) {
      if (href.test(a.getDomAttribute("xlink:href") != null ? a.getDomAttribute("xlink:href") : "")) {
        browser.follow(a);
        return;
      }
    }
    throw new AssertionError("no link in the lineage picture matches; links: "
        + pictureLinks(d).stream().map(a -> a.getDomAttribute("xlink:href")).toList());
  }

  private static List<String> texts(WebDriver d, String css) {
    return d.findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
  }

  /** The PROV of a page by content negotiation, read by rdflib (an independent reader). */
  private static void provDownloads(String root, WebDriver d) throws Exception {
    d.get(root);
    String runPath = d.findElements(By.xpath("//table[@id='runs']//tr[td[@class='status-succeeded']]//a[@class='run']"))
        .get(0).getDomAttribute("href");
    OkHttpClient http = new OkHttpClient.Builder().readTimeout(30, TimeUnit.SECONDS).build();
    for (String[] f : new String[][] {{"text/turtle", "turtle"}, {"application/ld+json", "json-ld"}}) {
      Request req = new Request.Builder().url(root + runPath.substring(1)).header("Accept", f[0]).build();
      Path file = Files.createTempFile("prov", "." + f[1]);
      try (Response r = http.newCall(req).execute()) {
        assertThat(r.code()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith(f[0]);
        Files.write(file, r.body().bytes());
      }
      String runIri = "https://w3id.org/headwater/id" + runPath;
      Process p = new ProcessBuilder("/usr/bin/python3", "-c",
          "import sys, rdflib; g = rdflib.Graph().parse(sys.argv[1], format=sys.argv[2]);"
              + " print(len(g), (rdflib.URIRef(sys.argv[3]), None, None) in g)",
          file.toString(), f[1], runIri).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(out).as(f[1]).matches("\\d{3,} True");
      Files.delete(file);
    }
    Request post = new Request.Builder().url(root + runPath.substring(1))
        .post(okhttp3.RequestBody.create("x", okhttp3.MediaType.get("text/plain"))).build();
    try (Response r = http.newCall(post).execute()) {
      assertThat(r.code()).as("updates over HTTP are refused").isEqualTo(405);
    }
  }
}
