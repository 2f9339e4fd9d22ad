/**
 * Headwater for Beam users: read archived datasets, cleanse them and write Zarr, NetCDF and CSV
 * outputs in your own Beam pipeline, with the same provenance a recipe run records.
 *
 * <h2>The pieces</h2>
 *
 * <ul>
 *   <li>{@link org.headwater.pipeline.api.HeadwaterRun}: one run. It makes the pipeline ({@code
 *       newPipeline()}), numbers the steps, and {@code run(p)} runs it and commits the run
 *       directory exactly as {@code headwater run} does: {@code run.json}, {@code prov.ttl}, the
 *       lineage store, outputs moved into {@code outputs/} only when all are complete.
 *   <li>{@link org.headwater.pipeline.api.HeadwaterIO}: {@code read(name).from(urlTemplate)}
 *       with {@code withConcatDimension}, {@code withChecksums}, {@code withCache}, {@code
 *       skipMissing}, ... gives a {@code PCollection<DatasetPlan>}: one lazy dataset (files
 *       combined, no data read). {@code writeZarr}, {@code writeNetcdf}, {@code writeNetcdf4},
 *       {@code writeCsv} write one, chunk by chunk in parallel, and emit its {@code
 *       OutputRecord}.
 *   <li>{@link org.headwater.pipeline.api.HeadwaterSteps}: every cleansing and geospatial step
 *       ({@code rename}, {@code mask}, {@code convert_units}, {@code subset}, {@code coarsen},
 *       {@code clip_to_polygon}, ...) as a transform that appends the step to the lazy dataset
 *       and checks its schema; {@code subprocess(argv...)} runs a command-line tool between
 *       steps ({@link org.headwater.pipeline.api.Subprocess}).
 * </ul>
 *
 * <h2>An example</h2>
 *
 * <pre>{@code
 * HeadwaterRun run = HeadwaterRun.create(
 *     new RecipeInfo("speed-subset", null, null, "Surface speed, subset", null, "CC-BY-4.0",
 *         List.of(), List.of(), List.of()),
 *     RunOptions.defaults(Path.of("headwater-work")));
 * Pipeline p = run.newPipeline();
 * p.apply("ReadSpeed", HeadwaterIO.read("speed")
 *         .from("https://example.org/speed_{member:02d}.nc")
 *         .withConcatDimension("member", List.of("01", "02"), true))
 *     .apply(HeadwaterSteps.subset(-52, 66, -36, 74))
 *     .apply(HeadwaterSteps.subprocess("ncap2", "-O", "-s", "speed2=speed*2", "{input}", "{output}")
 *         .withVersionCommand("ncap2", "--version"))
 *     .apply(HeadwaterIO.writeZarr("speed"));
 * RunResult result = run.run(p);   // result.runDir(): run.json, prov.ttl, outputs/speed.zarr
 * }</pre>
 *
 * <h2>Provenance</h2>
 *
 * Provenance travels as pipeline data: each lazy dataset carries the inputs it read (URL,
 * SHA-256), the steps applied to it with what they settled, and per-variable lineage; each write
 * emits its output's record; the records reach the driver through the run directory, never
 * through static state, so the pipeline runs the same on Flink. The run's plan (its sources,
 * steps and outputs) is written to {@code recipe.yaml} as the equivalent recipe, so {@code
 * headwater lineage}, {@code publish} and {@code cite} work on a code-built run directory as on any
 * other. {@code headwater run} itself builds recipes with this API ({@link
 * org.headwater.pipeline.api.RecipeTransforms}). See {@code docs/beam-users.md}.
 *
 * <h2>Errors</h2>
 *
 * A transform applied to a PCollection no Headwater transform of the run made fails when it is
 * applied, naming the transform and the PCollection. A step that cannot apply (a variable that is
 * not there), a tool that is missing, exits non-zero or writes no output fail the run with one
 * line naming the transform, the dataset and the variable or tool: {@code run(p)} throws a {@code
 * RecipeException}, the run's {@code run.json} says {@code failed}, and there are no outputs.
 */
package org.headwater.pipeline.api;
