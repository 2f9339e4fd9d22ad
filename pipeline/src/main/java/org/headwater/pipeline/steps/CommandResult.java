package org.headwater.pipeline.steps;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.headwater.pipeline.dataset.Dataset;
import org.headwater.pipeline.dataset.DatasetSchema;
import org.headwater.pipeline.dataset.Variable;
import org.headwater.pipeline.internal.Closing;
import org.headwater.pipeline.format.netcdf.NetcdfSource;
import ucar.ma2.Array;

/**
 * The NetCDF file a {@code run_command} wrote, read as the next dataset. The file is opened by the
 * first read and stays open for the reads after it until the dataset is closed, which also closes
 * the dataset before the step (as every step's dataset does); a read after that opens it again.
 * Variables keep the lineage of the input variables of the same name (new ones derive from all
 * input variables) and are marked as changed by the step.
 */
final class CommandResult implements Dataset {
  private final Path file;
  private final Dataset input;
  private final DatasetSchema schema;
  private NetcdfSource output;

  private CommandResult(Path file, Dataset input, DatasetSchema schema) {
    this.file = file;
    this.input = input;
    this.schema = schema;
  }

  static CommandResult open(Path file, Dataset input, int index) {
    DatasetSchema in = input.schema();
    Set<String> all = new LinkedHashSet<>();
    in.variables().forEach(v -> all.addAll(v.sources()));
    try (NetcdfSource src = NetcdfSource.open(file, file.toString())) {
      List<Variable> vars = new ArrayList<>();
      for (Variable v : src.schema().variables()) {
        Variable before = in.findVariable(v.name()).orElse(null);
        List<String> sources = before == null ? List.copyOf(all) : before.sources();
        List<Integer> steps = before == null ? List.of() : before.steps();
        vars.add(new Variable(v.name(), v.dtype(), v.dims(), v.attributes(), v.fillValue(),
            sources, steps).touchedBy(index));
      }
      return new CommandResult(file, input, src.schema().withVariables(vars));
    } catch (IOException e) {
      throw new StepException("cannot read the command's output " + file + ": " + e.getMessage(), e);
    }
  }

  @Override
  public DatasetSchema schema() {
    return schema;
  }

  @Override
  public synchronized Array read(String variable, int[] origin, int[] shape) throws IOException {
    schema.variable(variable);
    if (output == null) {
      output = NetcdfSource.open(file, file.toString()); // closes the file itself if it fails
    }
    return output.read(variable, origin, shape);
  }

  @Override
  public synchronized void close() throws IOException {
    NetcdfSource open = output;
    output = null;
    Closing.all(Arrays.asList(open, input));
  }
}
