package dev.skiff.protocols.api;

/**
 * A release: one deployment of an image to an app and its outcome (deploy, rollback, history).
 *
 * @param state {@code DEPLOYING}, {@code ACTIVE}, {@code RETIRED}, {@code FAILED}, {@code REFUSED}, {@code ABORTED} or {@code ROLLED_BACK}
 * @param detail why it ended where it did, or null
 * @param createdAt RFC 3339
 * @param finishedAt RFC 3339, or null while deploying
 */
public record ReleaseInfo(long id, String app, String image, String state, String detail, String createdAt, String finishedAt) {}
