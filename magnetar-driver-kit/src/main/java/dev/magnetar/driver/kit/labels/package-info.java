/**
 * The mechanism of a driver's label schema: each driver owns its table of {@link
 * dev.magnetar.driver.kit.labels.LabelSpec}s, its landings and its cross-label rules; the kit
 * gives the label types ({@link dev.magnetar.driver.kit.labels.LabelTypes}: each a check and a
 * config-tree form), indexes the table, reads a request's labels against it and writes the
 * guide's reference from it.
 */
package dev.magnetar.driver.kit.labels;
