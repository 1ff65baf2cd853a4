package dev.skiff.protocols.api;

/** {@code PUT /v1/board/lines/{line}}: the level to drive an input line of the simulated board to, {@code low} or {@code high}. */
public record LineLevel(String level) {}
