package dev.skiff.runtime.capability.serial;

import dev.skiff.protocols.manifest.SerialGrant;
import java.io.IOException;

/** Where serial ports come from: jssc on a device, {@link SimulatedSerialPort} on a laptop or in tests. */
public interface SerialBackend {

    /** Opens the grant's device with the grant's line settings. */
    SerialConnection open(SerialGrant grant) throws IOException;
}
