/**
 * The fleet control plane on MQTT: topic names ({@link dev.skiff.protocols.fleet.FleetTopics})
 * and the JSON payload records, read and written with {@link dev.skiff.protocols.api.ApiJson}.
 * {@code docs/fleet.md} specifies QoS, retain, the last will and the convergence rule.
 */
package dev.skiff.protocols.fleet;
