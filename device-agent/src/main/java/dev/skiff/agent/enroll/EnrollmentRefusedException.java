package dev.skiff.agent.enroll;

/** The enrollment was refused because of who asked (wrong or used token); the API answers 403. */
public final class EnrollmentRefusedException extends Exception {
    private static final long serialVersionUID = 1L;

    EnrollmentRefusedException(String message) {
        super(message);
    }
}
