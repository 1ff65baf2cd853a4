package dev.skiff.agent.trust;

/** What the trust policy decided about an image, under which rule, and why (for events and refusals). */
public record TrustVerdict(Decision decision, TrustRule rule, String message) {
    public enum Decision {
        /** Verified with one of the rule's keys. */
        VERIFIED,
        /** Did not verify, but the rule only warns. */
        WARNED,
        /** The rule does not look at signatures. */
        ALLOWED,
        /** Did not verify under {@code reject-unsigned}: the deploy must not go on. */
        REFUSED
    }
}
