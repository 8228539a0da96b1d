package dev.impress.cli;

/** Output formats accepted by {@code --format}. */
enum OutputFormat { TABLE, TEXT, JSON, CSV }
