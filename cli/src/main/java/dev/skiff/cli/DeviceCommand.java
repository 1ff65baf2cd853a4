package dev.skiff.cli;

import picocli.CommandLine.Command;

/** {@code skiff device}: only groups device subcommands. */
@Command(
        name = "device",
        description = "Enroll devices with the fleet CA and look at them.",
        mixinStandardHelpOptions = true,
        subcommands = {DeviceEnrollCommand.class, DeviceProvisionCommand.class, DeviceLsCommand.class, DeviceStatusCommand.class})
final class DeviceCommand {}
