package dev.skiff.agent.state;

import java.util.Optional;

/**
 * The device's enrollment: a pending one-time token, or (once it was used) the name the device
 * was enrolled as. Exactly one of the two is present.
 */
public record EnrollmentRecord(Optional<String> token, Optional<String> name) {}
