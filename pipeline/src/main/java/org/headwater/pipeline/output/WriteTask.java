package org.headwater.pipeline.output;

import java.io.Serializable;

/**
 * One unit of writing work for an output.
 *
 * @param output the output's name
 * @param dataset the dataset it writes
 * @param variable for a per-variable task, the variable; null for a split-dimension task
 * @param split the chunk index along the split dimension (or -1 for per-variable and whole-file
 *     tasks)
 */
public record WriteTask(String output, String dataset, String variable, int split)
    implements Serializable {}
