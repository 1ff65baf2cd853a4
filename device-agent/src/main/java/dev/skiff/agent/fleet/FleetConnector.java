package dev.skiff.agent.fleet;

import dev.skiff.agent.Agent;
import dev.skiff.protocols.api.ApiJson;
import dev.skiff.protocols.fleet.Availability;
import dev.skiff.protocols.fleet.DesiredState;
import dev.skiff.protocols.fleet.FleetTopics;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * The agent's link to the fleet (docs/fleet.md): connects out to the broker (again and again
 * while it is away), announces itself online with the offline announcement as its last will,
 * publishes its reported state retained whenever an agent event is recorded, and acts on the
 * desired state the operator publishes for it, one change at a time on its own thread.
 *
 * <p>While disconnected, reports are coalesced rather than queued one by one: a report is the
 * whole state, so the newest one is sent the moment the connection is back.
 */
public final class FleetConnector implements AutoCloseable {
    private static final Duration RETRY = Duration.ofSeconds(1);
    /** Events come in bursts (a deploy records several); one report covers a burst. */
    private static final Duration REPORT_DELAY = Duration.ofMillis(50);

    private final Agent agent;
    private final String device;
    private final MqttSettings settings;
    private final DesiredStateApplier applier;
    private final MqttAsyncClient client;
    private final MqttConnectOptions options;
    private final ScheduledExecutorService worker;
    private final PrintStream log;
    private final AtomicBoolean reportScheduled = new AtomicBoolean();
    private volatile boolean closed;
    /** Said once; the device keeps waiting for a certificate quietly. */
    private boolean toldNoCertificate;

    private FleetConnector(Agent agent, String device, MqttSettings settings, PrintStream log) throws IOException {
        this.agent = agent;
        this.device = FleetTopics.checkedId(device);
        this.settings = settings;
        this.log = log;
        this.applier = new DesiredStateApplier(agent);
        try {
            this.client = new MqttAsyncClient(settings.broker(), device, new MemoryPersistence());
        } catch (MqttException e) {
            throw new IOException("cannot make an MQTT client for " + settings.broker() + ": " + e.getMessage(), e);
        }
        this.options = connectOptions();
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "skiff-fleet-" + device);
            t.setDaemon(true);
            return t;
        });
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        this.worker = executor;
    }

    /**
     * Starts connecting to the broker in the background (retrying until it answers) and reports
     * every change of the agent from then on.
     *
     * @param log where connection trouble is told
     */
    public static FleetConnector start(Agent agent, MqttSettings settings, PrintStream log) throws IOException {
        FleetConnector connector = new FleetConnector(agent, agent.config().deviceName(), settings, log);
        connector.client.setCallback(connector.new Callback());
        agent.whenEventRecorded(connector::scheduleReport);
        connector.worker.execute(connector::connect);
        return connector;
    }

    public boolean isConnected() {
        return client.isConnected();
    }

    private MqttConnectOptions connectOptions() {
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(true); // the retained desired state is all a device needs; it subscribes on every connect
        o.setAutomaticReconnect(true);
        o.setMaxReconnectDelay((int) RETRY.toMillis() * 2);
        o.setKeepAliveInterval(10);
        o.setConnectionTimeout(10);
        o.setMaxInflight(100);
        o.setWill(FleetTopics.availability(device), ApiJson.write(Availability.OFFLINE), FleetTopics.QOS, true);
        o.setHttpsHostnameVerificationEnabled(false); // with ssl://, FleetTrustManager checks the fleet CA; see there
        return o;
    }

    /**
     * The first connection; Paho reconnects by itself only after one has succeeded. With ssl://
     * each attempt takes the broker certificate anew, so a device enrolled while it waits connects.
     */
    private void connect() {
        if (closed) {
            return;
        }
        if (settings.tls()) {
            try {
                options.setSocketFactory(agent.enrollment().clientContext().getSocketFactory());
            } catch (IllegalStateException noCertificate) {
                if (!toldNoCertificate) {
                    log.println("skiff-agent: fleet: cannot connect to " + settings.broker() + ": " + noCertificate.getMessage());
                    toldNoCertificate = true;
                }
                retryConnect();
                return;
            }
        }
        try {
            client.connect(options, null, new IMqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {}

                @Override
                public void onFailure(IMqttToken token, Throwable e) {
                    retryConnect();
                }
            });
        } catch (MqttException e) {
            retryConnect();
        }
    }

    private void retryConnect() {
        if (!closed) {
            worker.schedule(this::connect, RETRY.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void scheduleReport() {
        if (!closed && reportScheduled.compareAndSet(false, true)) {
            worker.schedule(this::report, REPORT_DELAY.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Publishes the current state; when disconnected the next connection does it instead. */
    private void report() {
        reportScheduled.set(false);
        if (closed || !client.isConnected()) {
            return;
        }
        try {
            byte[] state = ApiJson.write(ReportedStates.of(agent, device, settings.labels(), applier.applied()));
            client.publish(FleetTopics.reported(device), state, FleetTopics.QOS, true);
        } catch (MqttException e) {
            log.println("skiff-agent: fleet: reporting to " + settings.broker() + " failed (" + e.getMessage() + "); will report on reconnect");
        }
    }

    private void onDesired(byte[] payload) {
        DesiredState desired;
        try {
            desired = ApiJson.read(payload, DesiredState.class);
        } catch (IllegalArgumentException e) {
            log.println("skiff-agent: fleet: ignoring the desired state on " + FleetTopics.desired(device) + ": " + e.getMessage());
            return;
        }
        worker.execute(() -> {
            try {
                if (applier.apply(desired)) {
                    report();
                }
            } catch (IOException e) {
                log.println("skiff-agent: fleet: cannot record desired generation " + desired.generation() + ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    private final class Callback implements MqttCallbackExtended {
        @Override
        public void connectComplete(boolean reconnect, String serverUri) {
            try {
                client.subscribe(FleetTopics.desired(device), FleetTopics.QOS);
                client.publish(FleetTopics.availability(device), ApiJson.write(Availability.ONLINE), FleetTopics.QOS, true);
            } catch (MqttException e) {
                log.println("skiff-agent: fleet: cannot subscribe at " + serverUri + ": " + e.getMessage());
            }
            scheduleReport();
        }

        @Override
        public void connectionLost(Throwable cause) {
            // Paho reconnects by itself (automatic reconnect)
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            onDesired(message.getPayload());
        }

        @Override
        public void deliveryComplete(IMqttDeliveryToken token) {}
    }

    /** Announces the device offline (as its last will would), disconnects and stops acting on desired states. */
    @Override
    public void close() {
        closed = true;
        worker.shutdownNow();
        try {
            if (client.isConnected()) {
                client.publish(FleetTopics.availability(device), ApiJson.write(Availability.OFFLINE), FleetTopics.QOS, true)
                        .waitForCompletion(2000);
                client.disconnect().waitForCompletion(2000);
            }
        } catch (MqttException e) {
            // the broker is gone already; its last will says the same
        } finally {
            try {
                client.close(true);
            } catch (MqttException e) {
                // nothing left to release
            }
        }
    }
}
