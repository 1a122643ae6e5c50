package dev.magnetar.sim;

import dev.magnetar.sim.hot.ResourceTypes;
import dev.magnetar.sim.hot.Values;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The attributes a simulated resource shows to {@code get_attr}: the ones our drivers read, with
 * plausible values that depend only on the stack, the resource's path and the addresses handed
 * out, so a re-read or a restart gives the same answers.
 */
final class ResourceAttributes {

    /** What one resource's attributes are made from. */
    record Context(String stackName, String stackId, String path, String physicalId, Map<String, Object> properties,
                   AddressBook.Allocator addresses, Function<Object, Map<String, Object>> attributesOfId) {

        Object property(String name) {
            return properties.get(name);
        }

        String text(String name, String otherwise) {
            Object value = properties.get(name);
            return value == null ? otherwise : Values.string(value);
        }

        String defaultName() {
            return stackName + "-" + path.replace('/', '-');
        }
    }

    private ResourceAttributes() {
    }

    static Map<String, Object> of(String type, Context c) {
        Map<String, Object> a = new LinkedHashMap<>();
        switch (type) {
            case ResourceTypes.NONE -> {
                // OS::Heat::None has no attributes: every get_attr on it yields null.
            }
            case "OS::Nova::Server" -> server(c, a);
            case "OS::Neutron::Port" -> {
                String ip = portAddress(c);
                a.put("fixed_ips", List.of(Map.of("ip_address", ip, "subnet_id", uuid(c, "subnet"))));
                a.put("mac_address", mac(c));
                a.put("name", c.text("name", c.defaultName()));
                a.put("network_id", c.text("network", uuid(c, "network")));
                a.put("status", "ACTIVE");
            }
            case "OS::Neutron::FloatingIP" -> {
                a.put("floating_ip_address", c.addresses().floatingAddress(c.path() + "#floating"));
                Map<String, Object> port = c.attributesOfId().apply(c.property("port_id"));
                a.put("fixed_ip_address", port == null ? null : firstFixedIp(port));
                a.put("port_id", c.property("port_id"));
                a.put("floating_network_id", c.text("floating_network", uuid(c, "public")));
            }
            case "OS::Neutron::Net" -> {
                a.put("name", c.text("name", c.defaultName()));
                a.put("mtu", 1450);
                a.put("status", "ACTIVE");
                a.put("subnets", List.of());
            }
            case "OS::Neutron::Subnet" -> {
                String cidr = c.text("cidr", "10.0.0.0/24");
                a.put("cidr", cidr);
                a.put("gateway_ip", cidr.substring(0, cidr.lastIndexOf('.') + 1) + "1");
                a.put("name", c.text("name", c.defaultName()));
                a.put("network_id", c.text("network", uuid(c, "network")));
            }
            case "OS::Neutron::Router" -> {
                a.put("name", c.text("name", c.defaultName()));
                a.put("external_gateway_info", c.property("external_gateway_info"));
                a.put("status", "ACTIVE");
            }
            case "OS::Neutron::SecurityGroup" -> a.put("name", c.text("name", c.defaultName()));
            case "OS::Octavia::LoadBalancer" -> {
                a.put("vip_address", c.addresses().privateAddress(c.path() + "#vip"));
                a.put("vip_port_id", uuid(c, "vip_port"));
                a.put("vip_subnet_id", c.property("vip_subnet"));
                a.put("provisioning_status", "ACTIVE");
                a.put("operating_status", "ONLINE");
            }
            case "OS::Octavia::PoolMember" -> a.put("address", c.property("address"));
            case "OS::Cinder::Volume" -> {
                a.put("size", c.property("size"));
                a.put("status", "in-use");
                a.put("display_name", c.text("name", c.defaultName()));
            }
            case "OS::Nova::ServerGroup" -> a.put("name", c.text("name", c.defaultName()));
            case "OS::Heat::WaitConditionHandle" -> {
                String endpoint = "http://127.0.0.1:8004/v1/simulated/stacks/" + c.stackName() + "/" + c.stackId()
                        + "/resources/" + c.path() + "/signal";
                String token = digest(c.stackName() + "|" + c.path() + "|token").substring(0, 32);
                a.put("endpoint", endpoint);
                a.put("token", token);
                a.put("curl_cli", "curl -i -X POST -H 'X-Auth-Token: " + token + "' -H 'Content-Type: application/json'"
                        + " -H 'Accept: application/json' " + endpoint);
            }
            case "OS::Heat::WaitCondition" -> {
                int count = c.property("count") == null ? 1 : Integer.parseInt(Values.string(c.property("count")));
                StringBuilder data = new StringBuilder("{");
                for (int i = 1; i <= count; i++) {
                    data.append(i > 1 ? ", " : "").append('"').append(i).append("\": \"simulated signal ").append(i).append('"');
                }
                a.put("data", data.append('}').toString());
            }
            case "OS::Heat::SoftwareConfig", "OS::Heat::CloudConfig", "OS::Heat::MultipartMime" ->
                    a.put("config", config(type, c));
            case "OS::Heat::SoftwareDeployment" -> {
                a.put("deploy_stdout", "");
                a.put("deploy_stderr", "");
                a.put("deploy_status_code", 0);
            }
            case "OS::Heat::SoftwareDeploymentGroup" -> {
                Map<String, Object> stdouts = new LinkedHashMap<>();
                Map<String, Object> codes = new LinkedHashMap<>();
                if (c.property("servers") instanceof Map<?, ?> servers) {
                    servers.keySet().forEach(key -> {
                        stdouts.put(key.toString(), "");
                        codes.put(key.toString(), 0);
                    });
                }
                a.put("deploy_stdouts", stdouts);
                a.put("deploy_stderrs", stdouts);
                a.put("deploy_status_codes", codes);
            }
            case "OS::Heat::RandomString" -> {
                int length = c.property("length") == null ? 32 : Integer.parseInt(Values.string(c.property("length")));
                a.put("value", randomString(c, length));
            }
            case "OS::Heat::Value" -> a.put("value", c.property("value"));
            default -> {
                // The other known types show no attributes the drivers read.
            }
        }
        return a;
    }

    private static void server(Context c, Map<String, Object> a) {
        String network = "private";
        String address = null;
        Object port = null;
        if (c.property("networks") instanceof List<?> networks && !networks.isEmpty()
                && networks.get(0) instanceof Map<?, ?> first) {
            if (first.get("network") != null) {
                network = Values.string(first.get("network"));
            }
            if (first.get("fixed_ip") != null) {
                address = Values.string(first.get("fixed_ip"));
            }
            port = first.get("port");
            Map<String, Object> portAttributes = c.attributesOfId().apply(port);
            Object portAddress = portAttributes == null ? null : firstFixedIp(portAttributes);
            if (address == null && portAddress != null) {
                address = Values.string(portAddress);
            }
        }
        if (address == null) {
            address = c.addresses().privateAddress(c.path() + "#fixed");
        }
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("addr", address);
        entry.put("version", 4);
        entry.put("OS-EXT-IPS:type", "fixed");
        entry.put("OS-EXT-IPS-MAC:mac_addr", mac(c));
        entry.put("port", port == null ? uuid(c, "port") : port);
        a.put("first_address", address);
        a.put("networks", Map.of(network, List.of(address)));
        a.put("addresses", Map.of(network, List.of(entry)));
        a.put("name", c.text("name", c.defaultName()));
        a.put("accessIPv4", "");
        a.put("instance_name", "instance-" + c.physicalId().substring(0, 8));
    }

    private static String portAddress(Context c) {
        if (c.property("fixed_ips") instanceof List<?> ips && !ips.isEmpty() && ips.get(0) instanceof Map<?, ?> first
                && first.get("ip_address") != null) {
            return Values.string(first.get("ip_address"));
        }
        return c.addresses().privateAddress(c.path() + "#fixed");
    }

    private static Object firstFixedIp(Map<String, Object> port) {
        if (port.get("fixed_ips") instanceof List<?> ips && !ips.isEmpty() && ips.get(0) instanceof Map<?, ?> first) {
            return first.get("ip_address");
        }
        return port.get("first_address");
    }

    private static String config(String type, Context c) {
        return switch (type) {
            case "OS::Heat::CloudConfig" -> "#cloud-config\n" + Values.string(c.property("cloud_config"));
            case "OS::Heat::MultipartMime" -> "Content-Type: multipart/mixed; boundary=\"simulated\"\n"
                    + Values.string(c.property("parts"));
            default -> Values.string(c.property("config"));
        };
    }

    private static String randomString(Context c, int length) {
        String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        StringBuilder out = new StringBuilder();
        for (int round = 0; out.length() < length; round++) {
            for (char ch : digest(c.stackName() + "|" + c.path() + "|" + c.physicalId() + "|" + round).toCharArray()) {
                if (out.length() < length) {
                    out.append(alphabet.charAt(Character.digit(ch, 16) * 3 % alphabet.length()));
                }
            }
        }
        return out.toString();
    }

    private static String mac(Context c) {
        String hex = digest(c.stackName() + "|" + c.path() + "|mac");
        return "fa:16:3e:" + hex.substring(0, 2) + ":" + hex.substring(2, 4) + ":" + hex.substring(4, 6);
    }

    static String uuid(Context c, String purpose) {
        return java.util.UUID.nameUUIDFromBytes((c.stackName() + "|" + c.path() + "|" + purpose)
                .getBytes(StandardCharsets.UTF_8)).toString();
    }

    static String digest(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
