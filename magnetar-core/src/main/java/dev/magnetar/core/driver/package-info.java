/**
 * The driver SPI, and with it the driver API: what a COE driver module may use of the core. A
 * driver sees this package, the domain records of {@code core.model}, the errors of
 * {@code core.error} and the stack types of {@code core.port} ({@code Stack}, {@code StackSpec},
 * {@code StackRequest}, {@code StackUpdate}, {@code StackCredential}, {@code StackResource}); never
 * the services, the conductor, the monitor loop, the status table, the repositories or the
 * orchestrator, which call drivers rather than the other way round. Each driver module's build
 * checks this ({@code DriverApiRule} in the driver kit's test jar).
 */
package dev.magnetar.core.driver;
