/**
 * Vocabularies, SHACL shapes and named SPARQL queries for Headwater provenance.
 *
 * <p>{@link org.headwater.ontologies.PROV}, {@link org.headwater.ontologies.PROVONE}, {@link
 * org.headwater.ontologies.SPDX} and {@link org.headwater.ontologies.HW} hold term constants the
 * Jena way (DCTERMS, DCAT and FOAF come from Jena itself). {@link
 * org.headwater.ontologies.HeadwaterShapes} loads {@code shapes.ttl}; {@link
 * org.headwater.ontologies.NamedQuery} loads the {@code .rq} files, each parsed once.
 */
package org.headwater.ontologies;
