package org.headwater.pipeline.steps;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.headwater.pipeline.dataset.Attribute;
import org.headwater.pipeline.dataset.Attributes;
import org.headwater.pipeline.dataset.Dataset;
import org.headwater.pipeline.dataset.DatasetSchema;

/**
 * {@code history}: appends one line to the global CF {@code history} attribute of the outputs:
 * the run's date (UTC), the Headwater version, the recipe id and the run id, then {@code text} if
 * given. The line is settled once when the run is planned, so every output of the run carries the
 * same line.
 */
final class History implements ResolvingStep {
  static final StepType TYPE =
      new StepType("history", Set.of("text"), Set.of(), History::new);

  private final Params p;

  private History(Params p) {
    this.p = p;
    p.string("text", null);
  }

  @Override
  public boolean resolved() {
    return p.has("_line");
  }

  @Override
  public Map<String, Object> resolve(Dataset input, int index, String dataset, StepContext ctx) {
    String text = p.string("text", null);
    String line =
        Instant.now().truncatedTo(ChronoUnit.SECONDS) + ": Headwater " + ctx.headwaterVersion()
            + ", recipe " + ctx.recipeId() + ", run " + ctx.runId()
            + (text == null ? "" : ": " + text);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("_line", line);
    out.put(DETAILS, Map.of("line", line));
    return out;
  }

  @Override
  public Dataset apply(Dataset input, int index) {
    if (!resolved()) {
      throw new StepException("history settles its line when the run is planned; use Steps.plan");
    }
    return new DerivedDataset(input, append(input.schema(), p.string("_line", "")));
  }

  static DatasetSchema append(DatasetSchema in, String line) {
    String old = Attributes.text(in.attributes(), "history");
    String text = old == null || old.isBlank() ? line : old + "\n" + line;
    return in.withAttributes(Attributes.with(in.attributes(), Attribute.text("history", text)));
  }
}
