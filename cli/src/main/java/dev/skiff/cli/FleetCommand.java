package dev.skiff.cli;

import picocli.CommandLine.Command;

/** {@code skiff fleet}: only groups the fleet subcommands (MQTT inventory and rollouts; docs/fleet.md). */
@Command(
        name = "fleet",
        description = "Devices behind an MQTT broker: inventory and staged rollouts.",
        mixinStandardHelpOptions = true,
        subcommands = {FleetLsCommand.class, FleetLabelCommand.class, FleetRolloutCommand.class, FleetStatusCommand.class, FleetRolloutAction.Pause.class,
            FleetRolloutAction.Resume.class, FleetRolloutAction.Abort.class})
final class FleetCommand {}
