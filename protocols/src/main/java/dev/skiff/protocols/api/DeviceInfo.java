package dev.skiff.protocols.api;

/**
 * {@code GET /v1/info}.
 *
 * @param name the name the device was enrolled under
 * @param memoryBudgetBytes what the agent lets containers' memory add up to
 * @param memoryUsedBytes what running containers have reserved of it
 */
public record DeviceInfo(String name, String os, String arch, String agentVersion, long memoryBudgetBytes, long memoryUsedBytes) {}
