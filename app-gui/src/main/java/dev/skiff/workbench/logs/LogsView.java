package dev.skiff.workbench.logs;

import dev.skiff.agent.client.DeviceStatus;
import dev.skiff.workbench.WorkbenchContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Future;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;

/**
 * The Logs view: an app's log on a device, as {@code skiff logs [-f]} prints it, with follow,
 * search (a filter over the lines) and pause (lines arriving meanwhile wait, none is lost).
 */
public final class LogsView extends BorderPane {
    private final WorkbenchContext context;
    private final ComboBox<String> device = new ComboBox<>();
    private final TextField app = new TextField();
    private final CheckBox follow = new CheckBox("Follow");
    private final ToggleButton pause = new ToggleButton("Pause");
    private final TextField search = new TextField();
    private final ObservableList<String> lines = FXCollections.observableArrayList();
    private final List<String> held = new ArrayList<>();
    private Future<?> tail;
    /** Which tail the shown lines belong to: a stopped tail's stream may still deliver a line or two. */
    private long generation;

    public LogsView(WorkbenchContext context, ObservableList<DeviceStatus> devices) {
        this.context = context;
        setId("logs-view");
        device.setId("logs-device");
        device.setPromptText("device");
        app.setId("logs-app");
        app.setPromptText("app");
        follow.setId("follow");
        follow.setSelected(true);
        pause.setId("pause");
        search.setId("logs-search");
        search.setPromptText("search");
        Button show = new Button("Show");
        show.setId("tail");
        show.setOnAction(e -> start());
        show.disableProperty().bind(device.valueProperty().isNull().or(app.textProperty().isEmpty()));
        Button stop = new Button("Stop");
        stop.setId("stop-tail");
        stop.setOnAction(e -> stop());
        pause.selectedProperty().addListener((obs, old, paused) -> {
            if (!paused) {
                lines.addAll(held);
                held.clear();
            }
        });
        devices.addListener((javafx.collections.ListChangeListener<DeviceStatus>) c -> {
            String chosen = device.getValue();
            device.getItems().setAll(devices.stream().map(d -> d.device().name()).toList());
            device.setValue(device.getItems().contains(chosen) ? chosen : null);
        });

        FilteredList<String> shown = new FilteredList<>(lines);
        search.textProperty().addListener((obs, old, text) -> {
            String needle = text.toLowerCase(Locale.ROOT);
            shown.setPredicate(needle.isEmpty() ? null : line -> line.toLowerCase(Locale.ROOT).contains(needle));
        });
        ListView<String> list = new ListView<>(shown);
        list.setId("log-lines");
        list.getStyleClass().add("code");
        list.setPlaceholder(new Label("Pick a device and an app, then Show."));
        setTop(new ToolBar(device, app, follow, show, stop, pause, new Label("Search"), search));
        setCenter(list);
    }

    /** Streams the log off the FX thread until it ends, Stop is pressed or another tail starts. */
    private void start() {
        stop();
        lines.clear();
        held.clear();
        String name = device.getValue();
        String appName = app.getText().strip();
        boolean following = follow.isSelected();
        long mine = ++generation;
        context.messages().info("showing the log of " + appName + " on " + name + (following ? " (following)" : ""));
        tail = context.background().run("logs of " + appName + " on " + name, () -> {
            context.home().client(name).logs(appName, following, line -> Platform.runLater(() -> add(mine, line)));
            return null;
        }, done -> {});
    }

    private void add(long from, String line) {
        if (from != generation) {
            return;
        }
        if (pause.isSelected()) {
            held.add(line);
        } else {
            lines.add(line);
        }
    }

    /** Ends a running tail (its thread is interrupted, which ends the stream). */
    public void stop() {
        generation++;
        if (tail != null) {
            tail.cancel(true);
            tail = null;
        }
    }

    public ObservableList<String> lines() {
        return lines;
    }
}
