/**
 * Publishing runs to DataONE Member Nodes (the Arctic Data Center first) and local archives.
 *
 * <p>The API is {@link org.headwater.publish.Publisher} with {@link
 * org.headwater.publish.PublishRequest} and {@link org.headwater.publish.PublishResult}, plus
 * {@link org.headwater.publish.cite.Citations} for {@code headwater cite}. Beside it: {@code
 * dataone} (the Member Node v2 client, token, typed exceptions), {@code sysmeta} (SystemMetadata
 * v2 values and XML), {@code eml} (EML 2.2.0), {@code ore} (the OAI-ORE resource map with
 * provenance), {@code cite}, {@code journal} (resumable publishes), {@code local} ({@code
 * local:DIR} archives and dry runs), {@code validate} (the XSD schema cache). {@code internal} is
 * not API. Every error is a {@link org.headwater.publish.PublishException}.
 */
package org.headwater.publish;
