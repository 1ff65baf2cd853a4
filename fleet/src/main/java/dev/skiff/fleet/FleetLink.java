package dev.skiff.fleet;

import dev.skiff.protocols.api.ApiJson;
import dev.skiff.protocols.fleet.Availability;
import dev.skiff.protocols.fleet.DesiredState;
import dev.skiff.protocols.fleet.FleetTopics;
import dev.skiff.protocols.fleet.ReportedState;
import java.io.IOException;
import java.util.function.Consumer;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * The operator's connection to the fleet's broker: keeps an {@link Inventory} from the devices'
 * retained messages (subscribing again after every reconnect) and publishes desired states
 * retained, so a device that is offline now gets its desired state when it returns.
 */
public final class FleetLink implements AutoCloseable {
    private static final int CONNECT_TIMEOUT_S = 10;

    private final MqttAsyncClient client;
    private final Inventory inventory = new Inventory();
    private final Consumer<String> log;

    private FleetLink(MqttAsyncClient client, Consumer<String> log) {
        this.client = client;
        this.log = log;
    }

    /**
     * Connects, subscribes and waits until the broker's retained messages have arrived.
     *
     * @throws IOException naming the broker when it cannot be reached
     */
    public static FleetLink connect(String broker, Consumer<String> log) throws IOException, InterruptedException {
        MqttAsyncClient client;
        try {
            client = new MqttAsyncClient(broker, "skiff-operator-" + UUID.randomUUID().toString().substring(0, 8), new MemoryPersistence());
        } catch (MqttException | IllegalArgumentException e) {
            throw new IOException("broker '" + broker + "' is not usable: " + e.getMessage() + " (a URL like tcp://host:1883)", e);
        }
        FleetLink link = new FleetLink(client, log);
        client.setCallback(link.new Callback());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(true);
        options.setAutomaticReconnect(true);
        options.setMaxReconnectDelay(2000);
        options.setConnectionTimeout(CONNECT_TIMEOUT_S);
        options.setKeepAliveInterval(10);
        options.setMaxInflight(1000);
        try {
            client.connect(options).waitForCompletion(TimeUnit.SECONDS.toMillis(CONNECT_TIMEOUT_S + 1));
            link.subscribe().waitForCompletion(TimeUnit.SECONDS.toMillis(CONNECT_TIMEOUT_S));
        } catch (MqttException e) {
            link.close();
            throw new IOException("cannot connect to the fleet broker " + broker + ": " + e.getMessage()
                    + " (is it running? set it with --broker or SKIFF_FLEET_BROKER)", e);
        }
        link.inventory.awaitSettled(500, 3_000, 15_000);
        return link;
    }

    public Inventory inventory() {
        return inventory;
    }

    public boolean isConnected() {
        return client.isConnected();
    }

    /**
     * Publishes the device's desired state, retained. While the broker is away this fails; the
     * rollout engine publishes again (same generation) until the device answers.
     */
    public void publish(String device, DesiredState desired) {
        try {
            client.publish(FleetTopics.desired(device), ApiJson.write(desired), FleetTopics.QOS, true);
        } catch (MqttException e) {
            // not connected: published again later (see above)
        }
    }

    private IMqttToken subscribe() throws MqttException {
        return client.subscribe(new String[] {FleetTopics.ALL_REPORTED, FleetTopics.ALL_AVAILABILITY}, new int[] {FleetTopics.QOS, FleetTopics.QOS});
    }

    private final class Callback implements MqttCallbackExtended {
        @Override
        public void connectComplete(boolean reconnect, String serverUri) {
            if (!reconnect) {
                return; // connect() subscribes and waits for the answer
            }
            try {
                subscribe();
            } catch (MqttException e) {
                log.accept("skiff: fleet: cannot subscribe at " + serverUri + ": " + e.getMessage());
            }
        }

        @Override
        public void connectionLost(Throwable cause) {
            log.accept("skiff: fleet: lost the broker (" + cause.getMessage() + "); reconnecting");
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            var device = FleetTopics.deviceOf(topic);
            if (device.isEmpty() || message.getPayload().length == 0) {
                return;
            }
            try {
                if (topic.endsWith("/reported")) {
                    inventory.reported(device.get(), ApiJson.read(message.getPayload(), ReportedState.class));
                } else {
                    inventory.availability(device.get(), ApiJson.read(message.getPayload(), Availability.class).online());
                }
            } catch (IllegalArgumentException e) {
                log.accept("skiff: fleet: ignoring " + topic + ": " + e.getMessage());
            }
        }

        @Override
        public void deliveryComplete(IMqttDeliveryToken token) {}
    }

    @Override
    public void close() {
        try {
            if (client.isConnected()) {
                client.disconnect().waitForCompletion(2000);
            }
            client.close(true);
        } catch (MqttException e) {
            // closing anyway
        }
    }
}
