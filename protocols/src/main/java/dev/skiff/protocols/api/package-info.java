/**
 * The agent's REST API on the wire: the JSON bodies of {@code openapi/agent-api.yaml} as records,
 * and {@link dev.skiff.protocols.api.ApiJson} to read and write them. The agent serves them, the
 * CLI and the workbench send them.
 */
package dev.skiff.protocols.api;
