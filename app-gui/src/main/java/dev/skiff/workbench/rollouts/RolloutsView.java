package dev.skiff.workbench.rollouts;

import dev.skiff.fleet.FleetOperator;
import dev.skiff.fleet.FleetSettings;
import dev.skiff.fleet.RolloutListener;
import dev.skiff.fleet.RolloutState;
import dev.skiff.workbench.WorkbenchContext;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Future;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The Rollouts view: the fleet rollouts of the operator's store ({@code $SKIFF_HOME/fleet/fleet.db})
 * with their wave progress, each device's step in the selected one, and pause, resume and abort,
 * through {@link FleetOperator} as {@code skiff fleet} does.
 */
public final class RolloutsView extends BorderPane {
    private final WorkbenchContext context;
    private final TextField broker = new TextField(Objects.requireNonNullElse(System.getenv(FleetSettings.BROKER_VARIABLE), ""));
    private final ObservableList<RolloutProgress> rollouts = FXCollections.observableArrayList();
    private final ListView<RolloutProgress> list = new ListView<>(rollouts);
    private final ObservableList<String> devices = FXCollections.observableArrayList();

    public RolloutsView(WorkbenchContext context) {
        this.context = context;
        setId("rollouts-view");
        broker.setId("rollouts-broker");
        broker.setPromptText("tcp://HOST:1883 (resume and abort drive the rollout through it)");
        list.setId("rollouts");
        list.setPlaceholder(new Label("No rollouts: start one with skiff fleet rollout REF."));
        list.setCellFactory(view -> new ListCell<>() {
            @Override
            protected void updateItem(RolloutProgress item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.line());
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, chosen) -> showDevices());
        ListView<String> deviceList = new ListView<>(devices);
        deviceList.setId("rollout-devices");
        deviceList.setPlaceholder(new Label("Select a rollout to see its devices."));

        Button refresh = new Button("Refresh");
        refresh.setId("rollouts-refresh");
        refresh.setOnAction(e -> refresh());
        Button pause = action("pause", "Pause");
        pause.setOnAction(e -> act("pause", (operator, id) -> operator.pause(id).state()));
        Button resume = action("resume", "Resume");
        resume.setOnAction(e -> act("resume", (operator, id) -> operator.resume(id, refreshing())));
        Button abort = action("abort", "Abort");
        abort.setOnAction(e -> act("abort", (operator, id) -> operator.abort(id, refreshing())));

        HBox top = new HBox(8, new Label("Broker"), broker, refresh, pause, resume, abort);
        HBox.setHgrow(broker, Priority.ALWAYS);
        top.getStyleClass().add("actions");
        VBox left = new VBox(6, new Label("Rollouts (newest first)"), list);
        VBox.setVgrow(list, Priority.ALWAYS);
        VBox right = new VBox(6, new Label("Devices of the selected rollout"), deviceList);
        VBox.setVgrow(deviceList, Priority.ALWAYS);
        SplitPane center = new SplitPane(left, right);
        center.setDividerPositions(0.6);
        setTop(top);
        setCenter(center);
    }

    private Button action(String id, String text) {
        Button button = new Button(text);
        button.setId("rollout-" + id);
        button.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        return button;
    }

    /**
     * Reads every rollout with its devices in the background; a broker at hand brings returned
     * devices up to date first. A home that never started a rollout has none, and gets no database.
     */
    public Future<?> refresh() {
        FleetSettings settings = settings();
        return context.background().run("list rollouts", () -> {
            if (!settings.hasDatabase()) {
                return List.<RolloutProgress>of();
            }
            try (FleetOperator operator = operator(settings)) {
                List<RolloutProgress> all = new ArrayList<>();
                for (var rollout : operator.rollouts()) {
                    all.add(RolloutProgress.of(operator.status(rollout.id())));
                }
                return all;
            }
        }, all -> {
            Long chosen = selectedId();
            rollouts.setAll(all);
            all.stream().filter(r -> chosen != null && r.id() == chosen).findFirst().ifPresent(r -> list.getSelectionModel().select(r));
            showDevices();
        });
    }

    @FunctionalInterface
    private interface Action {
        RolloutState on(FleetOperator operator, long id) throws Exception;
    }

    /** Pause returns at once; resume and abort drive the rollout until it stops, refreshing the lists as it goes. */
    private void act(String what, Action action) {
        long id = selectedId();
        FleetSettings settings = settings();
        context.messages().info(what + " rollout " + id + "…");
        context.background().run(what + " rollout " + id, () -> {
            try (FleetOperator operator = operator(settings)) {
                return action.on(operator, id);
            }
        }, state -> context.messages().info("rollout " + id + " is " + state.name().toLowerCase()), this::refresh);
    }

    private RolloutListener refreshing() {
        return event -> Platform.runLater(this::refresh);
    }

    /** Read on the FX thread: the broker field, and the store under the operator's home. */
    private FleetSettings settings() {
        String url = broker.getText().isBlank() ? null : broker.getText().strip();
        return new FleetSettings(url, FleetSettings.resolve(context.home().dir(), null).database());
    }

    private FleetOperator operator(FleetSettings settings) throws IOException {
        return FleetOperator.open(settings, line -> Platform.runLater(() -> context.messages().info(line)));
    }

    private Long selectedId() {
        RolloutProgress chosen = list.getSelectionModel().getSelectedItem();
        return chosen == null ? null : chosen.id();
    }

    private void showDevices() {
        RolloutProgress chosen = list.getSelectionModel().getSelectedItem();
        devices.setAll(chosen == null ? List.of() : chosen.devices().stream().map(RolloutProgress::line).toList());
    }

    public ObservableList<RolloutProgress> rollouts() {
        return rollouts;
    }

    public ObservableList<String> devices() {
        return devices;
    }
}
