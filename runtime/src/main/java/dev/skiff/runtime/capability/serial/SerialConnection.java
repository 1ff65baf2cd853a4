package dev.skiff.runtime.capability.serial;

import dev.skiff.protocols.provision.SerialLine;

/**
 * One open serial port. Reads wait interruptibly, so a container blocked in one can always be
 * stopped. The same line carries provisioning frames when it is the agent's console.
 */
public interface SerialConnection extends SerialLine, AutoCloseable {

    @Override
    void close();
}
