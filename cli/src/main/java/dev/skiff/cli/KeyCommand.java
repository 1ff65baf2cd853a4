package dev.skiff.cli;

import picocli.CommandLine.Command;

/** {@code skiff key}: only groups key subcommands; alone it asks for one. */
@Command(
        name = "key",
        description = "Manage the key pairs that sign and verify images.",
        mixinStandardHelpOptions = true,
        subcommands = {KeyGenerateCommand.class})
final class KeyCommand {}
