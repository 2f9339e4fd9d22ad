/**
 * The run record: what one recipe run read, did and wrote, as plain immutable values.
 *
 * <p>This is the contract between the modules. The pipeline produces these records inside the
 * Beam pipeline (as data, never through static state) and writes them as {@code run.json} in the
 * run directory; the provenance module turns them into a W3C PROV graph; the publish module turns
 * them into DataONE system metadata, EML and a resource map. {@link RunRecords} reads and writes
 * the JSON form.
 */
package org.headwater.provenance.record;
