package dev.skiff.agent.enroll;

import dev.skiff.agent.AgentConfig;
import dev.skiff.protocols.api.EnrollRequest;
import dev.skiff.protocols.manifest.SerialGrant;
import dev.skiff.protocols.provision.Frame;
import dev.skiff.protocols.provision.FrameType;
import dev.skiff.protocols.provision.ProvisionException;
import dev.skiff.protocols.provision.ProvisionLink;
import dev.skiff.protocols.provision.ProvisionMessages;
import dev.skiff.protocols.provision.ProvisionMessages.DeviceInfo;
import dev.skiff.runtime.capability.serial.JsscSerialBackend;
import dev.skiff.runtime.capability.serial.SerialConnection;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * The agent's serial provisioning listener (docs/provisioning.md): on its console line it
 * answers HELLO with the device's key, API address and pending token, and ENROLL_REQUEST with
 * exactly what {@code POST /v1/enroll} does ({@link Enrollment#enroll}). Runs on its own thread
 * until closed; the line is polled in short waits so closing is prompt.
 */
public final class ConsoleEnrollment implements AutoCloseable {
    private static final Duration POLL = Duration.ofMillis(500);

    private final Enrollment enrollment;
    private final SerialConnection line;
    private final ProvisionLink link;
    private final String deviceName;
    private final String apiAddress;
    private final PrintStream log;
    private final Thread thread;

    private ConsoleEnrollment(Enrollment enrollment, SerialConnection line, int baud, String deviceName, String apiAddress, PrintStream log) {
        this.enrollment = enrollment;
        this.line = line;
        this.deviceName = deviceName;
        this.apiAddress = apiAddress;
        this.log = log;
        this.link = new ProvisionLink(line, ProvisionLink.Settings.forBaud(baud), note -> log.println("skiff-agent: console: " + note));
        this.thread = new Thread(this::serve, "skiff-console");
        thread.setDaemon(true);
    }

    /**
     * Opens the console and starts answering on it.
     *
     * @param deviceName the name the device tells the operator (the config's device-name)
     * @param apiAddress HOST:PORT the operator will reach the API at, as far as the device knows
     * @param log where the listener says what it did (the agent's output)
     */
    public static ConsoleEnrollment start(Enrollment enrollment, AgentConfig.Console console, String deviceName,
            String apiAddress, PrintStream log) throws IOException {
        SerialConnection line = new JsscSerialBackend().open(new SerialGrant(console.device(), console.baud(), SerialGrant.Parity.NONE));
        ConsoleEnrollment listener = new ConsoleEnrollment(enrollment, line, console.baud(), deviceName, apiAddress, log);
        listener.thread.start();
        return listener;
    }

    private void serve() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Optional<Frame> request = link.receive(POLL);
                if (request.isPresent()) {
                    try {
                        answer(request.get());
                    } catch (ProvisionException e) { // this exchange failed; the next HELLO starts afresh
                        log.println("skiff-agent: console: " + e.getMessage());
                    }
                }
            }
        } catch (InterruptedException e) {
            // closed
        } catch (IOException e) {
            log.println("skiff-agent: console: the line failed (" + e.getMessage() + "); serial provisioning stops");
        }
    }

    private void answer(Frame request) throws IOException, InterruptedException {
        switch (request.type()) {
            case HELLO -> {
                ProvisionMessages.decode(request, ProvisionMessages.Hello.class);
                link.send(FrameType.DEVICE_INFO, ProvisionMessages.encode(new DeviceInfo(ProvisionMessages.PROTOCOL,
                        deviceName, Base64.getEncoder().encodeToString(enrollment.publicKey().getEncoded()),
                        apiAddress, enrollment.pendingToken().map(Object::toString).orElse(null),
                        enrollment.name().orElse(null))));
            }
            case ENROLL_REQUEST -> {
                Answer answer = enroll(request);
                link.send(answer.type(), ProvisionMessages.encode(answer.message()));
            }
            default -> link.send(FrameType.ERROR, ProvisionMessages.encode(
                    new ProvisionMessages.Failure(request.type() + " is not a request the device answers")));
        }
    }

    private record Answer(FrameType type, Object message) {}

    /** What {@code POST /v1/enroll} would answer; every failure is told to the operator, none ends the listener. */
    private Answer enroll(Frame request) {
        try {
            Answer answer = new Answer(FrameType.ENROLL_RESPONSE, enrollment.enroll(ProvisionMessages.decode(request, EnrollRequest.class)));
            log.println("skiff-agent: enrolled over the console as " + enrollment.name().orElseThrow());
            return answer;
        } catch (EnrollmentRefusedException | IllegalArgumentException | ProvisionException e) {
            return new Answer(FrameType.ERROR, new ProvisionMessages.Failure(e.getMessage()));
        } catch (IOException e) {
            return new Answer(FrameType.ERROR, new ProvisionMessages.Failure("the device could not store its certificates: " + e.getMessage()));
        }
    }

    @Override
    public void close() throws InterruptedException {
        thread.interrupt();
        thread.join(Duration.ofSeconds(5));
        line.close();
    }
}
