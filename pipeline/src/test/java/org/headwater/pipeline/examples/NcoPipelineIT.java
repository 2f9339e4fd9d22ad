package org.headwater.pipeline.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.headwater.pipeline.demo.DemoData;
import org.headwater.pipeline.run.RunOptions;
import org.headwater.pipeline.run.RunResult;
import org.headwater.pipeline.testing.ExternalTools;
import org.headwater.provenance.record.OutputRecord;
import org.headwater.provenance.record.StepRecord;
import org.headwater.provenance.record.VariableRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link NcoPipeline}: ncap2 between two Headwater steps, checked by xarray and in the provenance. */
class NcoPipelineIT {
  @TempDir Path tmp;

  @Test
  void ncap2DerivesAVariableBetweenTwoSteps() throws Exception {
    ExternalTools.requireNco();
    ExternalTools.requireXarray();
    Path sources = tmp.resolve("sources");
    DemoData.write(sources);
    RunResult r = NcoPipeline.run("file:" + sources, RunOptions.defaults(tmp.resolve("work")));

    assertThat(r.record().status()).isEqualTo("succeeded");
    StepRecord ncap2 = r.record().steps().get(3);
    assertThat(ncap2.name()).isEqualTo("run_command");
    assertThat(ncap2.number()).isEqualTo(4);
    @SuppressWarnings("unchecked")
    List<String> argv = (List<String>) ncap2.details().get("argv");
    assertThat(argv.get(0)).isEqualTo("ncap2");
    assertThat(argv).contains("surface_speed_kmh=surface_speed*3.6");
    assertThat(ncap2.details().get("exitCode")).isEqualTo(0);
    assertThat((String) ncap2.details().get("toolVersion")).containsIgnoringCase("version");
    assertThat(ncap2.details()).containsKey("stderr");
    assertThat(Files.readString(r.runDir().resolve("prov.ttl")))
        .contains("toolVersion").contains("surface_speed_kmh=surface_speed*3.6");

    OutputRecord out = r.record().outputs().get(0);
    VariableRecord kmh = out.variables().stream()
        .filter(v -> v.name().equals("surface_speed_kmh")).findFirst().orElseThrow();
    assertThat(kmh.units()).isEqualTo("km h-1");
    assertThat(kmh.steps()).as("made by ncap2 (step 4), given units by step 5").contains(4, 5);
    assertThat(kmh.sources()).isNotEmpty();

    String check = ExternalTools.python(String.join("\n",
        "import sys, numpy as np, xarray as xr",
        "z = xr.open_zarr(sys.argv[1], consolidated=True)",
        "s, k = z['surface_speed'].values, z['surface_speed_kmh'].values",
        "assert s.shape == k.shape and s.shape[0] == 3, s.shape",
        "assert np.isfinite(s).sum() > 100",
        "np.testing.assert_allclose(k, s * 3.6, rtol=1e-5, equal_nan=True)",
        "assert z['surface_speed_kmh'].attrs['units'] == 'km h-1'",
        "assert z['surface_speed'].attrs['units'] == 'm s-1'",
        "assert list(z['member'].values) == [1, 2, 3]",
        "print('kmh ok')"), r.runDir().resolve("outputs/speed-kmh.zarr").toString());
    assertThat(check).contains("kmh ok");
  }
}
