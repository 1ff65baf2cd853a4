package dev.skiff.cli;

import picocli.CommandLine.Command;

/** {@code skiff ca}: only groups fleet CA subcommands. */
@Command(
        name = "ca",
        description = "Manage the fleet CA that devices trust for the operator's certificates.",
        mixinStandardHelpOptions = true,
        subcommands = {CaInitCommand.class})
final class CaCommand {}
