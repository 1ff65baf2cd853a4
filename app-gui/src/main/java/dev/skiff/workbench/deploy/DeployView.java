package dev.skiff.workbench.deploy;

import dev.skiff.agent.client.DeviceDelivery;
import dev.skiff.agent.client.DeviceStatus;
import dev.skiff.image.ImageInspector;
import dev.skiff.image.oci.Reference;
import dev.skiff.protocols.api.ReleaseInfo;
import dev.skiff.workbench.ProgressPane;
import dev.skiff.workbench.WorkbenchContext;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The Deploy view: pick an image and devices, review what the image asks for against each device,
 * then push it to each device and deploy it there; the outcome says whether the health gate passed
 * or the device rolled back.
 */
public final class DeployView extends BorderPane {
    private final WorkbenchContext context;
    private final ComboBox<Reference> image = new ComboBox<>();
    private final ObservableList<DeviceStatus> devices;
    /** Device names, replaced only when the set of devices changes, so a refresh keeps the selection. */
    private final ObservableList<String> names = FXCollections.observableArrayList();
    private final ListView<String> targets = new ListView<>(names);
    private final TextField app = new TextField();
    private final TextArea review = new TextArea();
    private final ObservableList<String> results = FXCollections.observableArrayList();
    private final ProgressPane progress = new ProgressPane("deploy-progress");
    /** The review of the current choice arrived, and whether it found a chosen device that cannot run the image. */
    private final BooleanProperty reviewed = new SimpleBooleanProperty();
    private final BooleanProperty blocked = new SimpleBooleanProperty();
    private long reviews;

    public DeployView(WorkbenchContext context, ObservableList<DeviceStatus> devices) {
        this.context = context;
        this.devices = devices;
        setId("deploy-view");
        image.setId("deploy-image");
        image.setPromptText("image of the local store");
        image.setConverter(new StringConverter<>() {
            @Override
            public String toString(Reference ref) {
                return ref == null ? "" : ref.familiar();
            }

            @Override
            public Reference fromString(String text) {
                return Reference.parse(text);
            }
        });
        targets.setId("deploy-devices");
        targets.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        targets.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(String name, boolean empty) {
                super.updateItem(name, empty);
                setText(empty || name == null ? null : name + (status(name).online() ? "" : " (offline)"));
            }
        });
        targets.setPlaceholder(new Label("No devices: enroll one in the Devices view."));
        app.setId("deploy-app");
        app.setPromptText("app name (default: the image's repository name)");
        review.setId("deploy-review");
        review.setEditable(false);
        review.getStyleClass().add("code");
        ListView<String> outcome = new ListView<>(results);
        outcome.setId("deploy-results");

        Button deploy = new Button("Deploy");
        deploy.setId("deploy");
        deploy.setOnAction(e -> deploy());
        deploy.disableProperty().bind(image.valueProperty().isNull().or(targets.getSelectionModel().selectedItemProperty().isNull())
                .or(reviewed.not()).or(blocked));
        image.valueProperty().addListener((obs, old, value) -> review());
        app.textProperty().addListener((obs, old, value) -> review()); // whether a port's holder is this app depends on it
        targets.getSelectionModel().getSelectedItems().addListener((ListChangeListener<String>) change -> review());
        devices.addListener((ListChangeListener<DeviceStatus>) change -> {
            List<String> now = devices.stream().map(d -> d.device().name()).toList();
            if (!now.equals(names)) {
                names.setAll(now);
            }
            targets.refresh();
            review();
        });

        HBox top = new HBox(8, new Label("Image"), image, new Label("App"), app, deploy);
        HBox.setHgrow(app, Priority.ALWAYS);
        top.getStyleClass().add("actions");
        VBox left = new VBox(6, new Label("Devices (select one or more)"), targets);
        VBox.setVgrow(targets, Priority.ALWAYS);
        VBox right = new VBox(6, new Label("Review"), review, new Label("Outcome"), outcome);
        VBox.setVgrow(review, Priority.ALWAYS);
        VBox.setVgrow(outcome, Priority.ALWAYS);
        SplitPane center = new SplitPane(left, right);
        center.setDividerPositions(0.3);
        setTop(top);
        setCenter(center);
        setBottom(progress);
        context.onImagesChanged(this::refreshImages);
    }

    public void refreshImages() {
        context.background().run("list images", () -> new ImageInspector(context.home().imageStore()).list(), list -> {
            Reference chosen = image.getValue();
            image.getItems().setAll(list.stream().map(ImageInspector.Summary::reference).toList());
            if (chosen != null && image.getItems().contains(chosen)) {
                image.setValue(chosen);
            }
        });
    }

    /** What the image asks for, beside what each chosen device offers; Deploy waits for it and stays off for a device that cannot run the image. */
    private void review() {
        Reference chosen = image.getValue();
        List<DeviceStatus> chosenDevices = targets.getSelectionModel().getSelectedItems().stream().map(this::status).toList();
        long round = ++reviews;
        reviewed.set(false);
        if (chosen == null) {
            review.setText("Pick an image.");
            return;
        }
        review.setText("Reviewing " + chosen.familiar() + " against the chosen devices…");
        String appName = appName();
        context.background().run("review " + chosen.familiar(), () -> DeployReview.of(context.home(), chosen, appName, chosenDevices), result -> {
            // an answer for an earlier choice is stale
            if (round == reviews) {
                review.setText(result.text());
                blocked.set(!result.blocked().isEmpty());
                reviewed.set(true);
            }
        });
    }

    private void deploy() {
        Reference chosen = image.getValue();
        String appName = appName();
        progress.begin("deploy " + chosen.familiar());
        for (DeviceStatus target : targets.getSelectionModel().getSelectedItems().stream().map(this::status).toList()) {
            String device = target.device().name();
            context.background().run("deploy " + chosen.familiar() + " to " + device,
                    () -> new DeviceDelivery(context.home().imageStore(), context.home().client(target.device())).deliver(chosen, appName, progress),
                    delivered -> {
                        ReleaseInfo release = delivered.deployment().release();
                        String line = device + ": " + delivered.deployment().app() + " r" + release.id() + " " + release.state()
                                + (delivered.deployment().running() ? " — running " + release.image()
                                        : ": " + release.detail() + " — the previous release keeps running");
                        results.add(line);
                        progress.end(line);
                        if (delivered.deployment().running()) {
                            context.messages().info(line);
                        } else {
                            context.messages().error(line);
                        }
                        context.devicesChanged();
                    },
                    progress::settle);
        }
    }

    /** The app field, or null for the image's repository name. */
    private String appName() {
        return app.getText().isBlank() ? null : app.getText().strip();
    }

    /** The latest status of a device of the list. */
    private DeviceStatus status(String name) {
        return devices.stream().filter(d -> d.device().name().equals(name)).findFirst().orElseThrow();
    }

    public ObservableList<String> results() {
        return results;
    }
}
