package dev.magnetar.sim.hot;

/**
 * A template, environment or parameter value that Heat would refuse with a 400: the message is
 * written for the person who wrote the template.
 */
public class HotException extends RuntimeException {

    public HotException(String message) {
        super(message);
    }
}
