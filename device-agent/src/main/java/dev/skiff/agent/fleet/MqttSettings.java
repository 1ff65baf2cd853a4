package dev.skiff.agent.fleet;

import java.net.URI;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The agent config's {@code mqtt:} section: the broker the agent connects out to and the labels
 * the operator selects it by. With {@code ssl://} the agent presents its broker certificate (a
 * client certificate from enrollment) and trusts brokers whose certificate the fleet CA signed.
 *
 * @param broker {@code tcp://HOST:PORT} or {@code ssl://HOST:PORT}
 */
public record MqttSettings(String broker, Map<String, String> labels) {
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,62}");

    public MqttSettings {
        URI uri;
        try {
            uri = URI.create(broker);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("broker '" + broker + "' is not a URL like tcp://host:1883 or ssl://host:8883");
        }
        if (!("tcp".equals(uri.getScheme()) || "ssl".equals(uri.getScheme())) || uri.getHost() == null || uri.getPort() < 1) {
            throw new IllegalArgumentException("broker '" + broker + "' is not a URL like tcp://host:1883 or ssl://host:8883");
        }
        labels.forEach((k, v) -> {
            if (!LABEL.matcher(k).matches() || !LABEL.matcher(v).matches()) {
                throw new IllegalArgumentException("label " + k + "=" + v
                        + ": keys and values are letters, digits, '.', '_' or '-', at most 63, starting with a letter or digit");
            }
        });
        labels = Map.copyOf(labels);
    }

    public boolean tls() {
        return broker.startsWith("ssl://");
    }
}
