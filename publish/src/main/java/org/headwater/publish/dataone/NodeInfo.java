package org.headwater.publish.dataone;

/**
 * What {@code GET /v2/node} says about a node.
 *
 * @param identifier e.g. {@code urn:node:ARCTIC}
 * @param name e.g. {@code Arctic Data Center}
 * @param baseUrl the node's base URL
 */
public record NodeInfo(String identifier, String name, String baseUrl) {}
