/**
 * Provenance for Headwater runs: W3C PROV graphs, the TDB2 lineage store, lineage queries and the
 * read-only SPARQL server.
 *
 * <p>Entry points:
 *
 * <ul>
 *   <li>{@link org.headwater.provenance.graph.ProvenanceGraphs#build} turns a run record into a
 *       validated PROV graph; {@link org.headwater.provenance.graph.ProvenanceWriter#write} saves
 *       it as {@code prov.ttl} and {@code prov.jsonld}.
 *   <li>{@link org.headwater.provenance.store.LineageStore} keeps every run as a named graph.
 *   <li>{@link org.headwater.provenance.lineage.Lineages} answers upstream/downstream lineage for
 *       a TARGET string; {@link org.headwater.provenance.lineage.StaleCheck} re-checks sources.
 *   <li>{@link org.headwater.provenance.serve.LineageServer} serves the store over SPARQL.
 * </ul>
 *
 * <p>Every error is a {@link org.headwater.provenance.ProvenanceException}.
 */
package org.headwater.provenance;
