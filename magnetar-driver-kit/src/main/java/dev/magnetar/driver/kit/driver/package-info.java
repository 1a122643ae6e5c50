/**
 * The part of {@link dev.magnetar.core.driver.ClusterDriver} every schema-driven driver implements
 * the same way, so each driver holds only what its COE needs.
 */
package dev.magnetar.driver.kit.driver;
