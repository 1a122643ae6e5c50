package dev.magnetar.cli.output;

/** What {@code -f/--format} selects: tables for people, JSON for scripts. */
public enum OutputFormat {
    table, json
}
