/**
 * What a driver's Heat stack gives and takes alike for every COE: the shipped template files,
 * the cloud-shape parameters, and the outputs read back into cluster fields.
 */
package dev.magnetar.driver.kit.stack;
