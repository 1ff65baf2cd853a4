package dev.skiff.fleet;

/**
 * One target of a rollout.
 *
 * @param previousImage what the device ran before, pinned; null when the app was not installed
 * @param generation the desired generation published for its current step, 0 before any
 * @param stepSince when it entered its step (epoch ms)
 * @param detail why it failed, or null
 */
public record RolloutDevice(String device, int wave, DeviceStep step, String previousImage, long generation, long stepSince, String detail) {}
