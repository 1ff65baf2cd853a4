package dev.skiff.workbench;

import dev.skiff.image.oci.Reference;
import dev.skiff.image.registry.DistributionClient;
import dev.skiff.image.registry.DockerConfig;
import dev.skiff.image.registry.ImagePusher;
import dev.skiff.image.registry.PushResult;
import dev.skiff.image.store.ImageStore;
import dev.skiff.protocols.Quantities;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Pushes an image of the local store to a registry, as {@code skiff push} does (credentials from
 * the docker config, plain HTTP for loopback registries), with progress; the window stays usable meanwhile.
 */
public final class PushPane extends VBox {
    private final TextField destination = new TextField();
    private final Button push = new Button("Push");
    private final ProgressPane progress;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();

    /** @param source the image to push, empty while there is none (the button is then disabled by the owner) */
    public PushPane(String id, Supplier<ImageStore> store, Supplier<Optional<Reference>> source, Background background, MessageBar messages) {
        super(6);
        destination.setId(id + "-to");
        push.setId(id);
        progress = new ProgressPane(id + "-progress");
        destination.setPromptText("registry/repository:tag, e.g. 127.0.0.1:5000/blinky:1.0.0");
        HBox.setHgrow(destination, Priority.ALWAYS);
        push.disableProperty().bind(running.getReadOnlyProperty().or(destination.textProperty().isEmpty()));
        push.setOnAction(e -> source.get().ifPresentOrElse(image -> start(store.get(), image, background, messages),
                () -> messages.error("nothing to push yet: build the app (or pick an image) first")));
        getChildren().addAll(new HBox(8, new Label("Push to"), destination, push), progress);
    }

    private void start(ImageStore store, Reference image, Background background, MessageBar messages) {
        Reference to;
        try {
            to = Reference.parse(destination.getText().strip());
        } catch (IllegalArgumentException e) {
            messages.error("push destination: " + e.getMessage());
            return;
        }
        running.set(true);
        progress.begin("push " + image.familiar() + " to " + to.familiar());
        background.run("push " + image.familiar(),
                () -> new ImagePusher(store, new DistributionClient(DockerConfig.ofCurrentUser(), Set.of()), progress).push(image, to),
                (PushResult result) -> {
                    String done = "pushed " + result.pushed().familiar() + ": uploaded " + result.uploadedBlobs() + " blobs ("
                            + Quantities.formatBytes(result.uploadedBlobBytes()) + "), " + result.skippedBlobs() + " already there";
                    progress.end(done);
                    messages.info(done);
                },
                () -> {
                    running.set(false);
                    progress.settle();
                });
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public void setDestination(String text) {
        destination.setText(text);
    }
}
