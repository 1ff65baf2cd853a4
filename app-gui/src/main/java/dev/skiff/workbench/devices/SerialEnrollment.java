package dev.skiff.workbench.devices;

import dev.skiff.agent.AgentConfig;
import dev.skiff.agent.client.DeviceRecord;
import dev.skiff.agent.client.OperatorHome;
import dev.skiff.agent.client.SerialProvisioner;
import dev.skiff.agent.enroll.EnrollmentToken;
import dev.skiff.image.progress.ProgressListener;
import java.io.IOException;
import java.util.Optional;

/**
 * What the Devices view's serial form asks for: enroll the device whose console is at the far
 * end of {@code port}, as {@code skiff device provision --serial} does, and record it.
 *
 * @param token what was typed in the token field; blank: the one the device tells over the line
 */
record SerialEnrollment(String port, String name, String token) {
    /** The fields as typed, without the spaces around them. */
    SerialEnrollment {
        port = port.strip();
        name = name.strip();
        token = token.strip();
    }

    /** @throws IllegalArgumentException when the token is typed but is not one, before the port is opened */
    SerialProvisioner.Request request() {
        Optional<EnrollmentToken> given = Optional.of(token).filter(t -> !t.isEmpty()).map(EnrollmentToken::parse);
        return new SerialProvisioner.Request(port, AgentConfig.Console.DEFAULT_BAUD, name, given, Optional.empty());
    }

    /** Off the FX thread: the enrollment over the line (the fleet CA made on first use), then the device recorded. */
    DeviceRecord enroll(OperatorHome home, ProgressListener progress) throws IOException, InterruptedException {
        return home.provision(request(), home.fleetCaCreatingIfMissing(), progress);
    }
}
