package dev.skiff.agent.state;

import dev.skiff.image.oci.Digest;
import java.time.Instant;

/**
 * A row of {@code releases}: one deployment of an image to an app and its outcome.
 *
 * @param manifestJson the app's manifest in canonical JSON, as the agent ran it
 * @param detail why it ended where it did (a refusal or health failure), or null
 * @param finishedAt when the deployment reached its outcome, or null while deploying
 */
public record Release(long id, String app, Digest image, String manifestJson, ReleaseState state, String detail,
        Instant createdAt, Instant finishedAt) {}
