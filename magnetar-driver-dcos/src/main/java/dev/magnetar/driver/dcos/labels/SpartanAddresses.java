package dev.magnetar.driver.dcos.labels;

import java.util.List;

/**
 * DC/OS's internal DNS forwarder (Spartan) listens on 198.51.100.1 to .3 on every node; DC/OS 2.2
 * refuses them as upstream {@code resolvers} (DC/OS 2.2 gen's resolvers check), and Magnetar refuses
 * the template's dns_nameserver anywhere in their /24.
 */
public final class SpartanAddresses {

    /** The /24 the addresses are taken from, as an address prefix. */
    public static final String NETWORK = "198.51.100.";
    public static final List<String> ADDRESSES = List.of(NETWORK + 1, NETWORK + 2, NETWORK + 3);

    private SpartanAddresses() {
    }

    /** "198.51.100.1-3". */
    public static String inWords() {
        return ADDRESSES.getFirst() + "-" + ADDRESSES.size();
    }
}
