package dev.magnetar.server.command;

import dev.magnetar.server.wiring.MagnetarService;

/** What {@code serve} prints once it is up: where it listens and what it really drives. */
final class Banner {

    private Banner() {
    }

    static String of(MagnetarService service) {
        return String.join(System.lineSeparator(),
                "Magnetar is serving Magnum's v1 API on port " + service.port() + ".",
                "Backend: " + service.backend().describe(),
                "Drivers: " + String.join(", ", service.drivers().byName().keySet()),
                "Try:     ./magnetar cluster-template-list   (client commands: ./magnetar --help)");
    }
}
