package org.headwater.pipeline.steps;

import java.io.IOException;
import org.headwater.pipeline.dataset.Dataset;
import org.headwater.pipeline.dataset.DatasetSchema;
import ucar.ma2.Array;

/**
 * A dataset made from another by a step: a new schema, and reads delegated to the input (with the
 * variable's input name) unless a step overrides {@link #read}.
 */
public class DerivedDataset implements Dataset {
  protected final Dataset input;
  private final DatasetSchema schema;
  private final java.util.function.UnaryOperator<String> inputName;

  public DerivedDataset(
      Dataset input, DatasetSchema schema, java.util.function.UnaryOperator<String> inputName) {
    this.input = input;
    this.schema = schema;
    this.inputName = inputName;
  }

  public DerivedDataset(Dataset input, DatasetSchema schema) {
    this(input, schema, n -> n);
  }

  @Override
  public DatasetSchema schema() {
    return schema;
  }

  @Override
  public Array read(String variable, int[] origin, int[] shape) throws IOException {
    schema.variable(variable);
    return input.read(inputName.apply(variable), origin, shape);
  }

  @Override
  public void close() throws IOException {
    input.close();
  }
}
