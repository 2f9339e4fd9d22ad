/**
 * Internal: the DoFns behind the public transforms of {@link org.headwater.pipeline.api} (fetch,
 * combine, step, annotate, prepare, write, finish, record). Each is a thin shell over a plain
 * function tested without a pipeline; each gets what it needs as a value ({@link
 * org.headwater.pipeline.beam.RunScope} and a spec) when its transform expands. Not an API: use
 * {@code HeadwaterIO}, {@code HeadwaterSteps} and {@code HeadwaterRun}.
 */
package org.headwater.pipeline.beam;
