package dev.skiff.workbench.images;

import dev.skiff.image.ImageInspector;
import dev.skiff.image.oci.Descriptor;
import dev.skiff.image.oci.Reference;
import dev.skiff.protocols.Quantities;
import dev.skiff.workbench.PushPane;
import dev.skiff.workbench.WorkbenchContext;
import dev.skiff.workbench.app.CapabilityText;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;

/** The Images view: the local store as {@code skiff images} and {@code skiff inspect} show it, and push. */
public final class ImagesView extends BorderPane {
    private final WorkbenchContext context;
    private final TableView<ImageInspector.Summary> table = new TableView<>();
    private final TextArea details = new TextArea();
    private final PushPane push;

    public ImagesView(WorkbenchContext context) {
        this.context = context;
        setId("images-view");
        table.setId("images");
        details.setId("image-details");
        details.setEditable(false);
        details.getStyleClass().add("code");
        table.getColumns().add(column("Image", s -> s.reference().familiar(), 260));
        table.getColumns().add(column("Digest", s -> s.digest().shortHex(), 120));
        table.getColumns().add(column("Size", s -> Quantities.formatBytes(s.totalBytes()), 90));
        table.getColumns().add(column("Signatures", s -> s.signatures() == 0 ? "unsigned" : "signed (" + s.signatures() + ")", 100));
        table.setPlaceholder(new Label("The local store is empty: build an app in the App view."));
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, selected) -> inspect(selected));

        Button refresh = new Button("Refresh");
        refresh.setId("refresh-images");
        refresh.setOnAction(e -> refresh());
        push = new PushPane("images-push", context.home()::imageStore,
                () -> Optional.ofNullable(table.getSelectionModel().getSelectedItem()).map(ImageInspector.Summary::reference),
                context.background(), context.messages());
        setTop(new ToolBar(refresh, new Label(context.home().imageStore().root().toString())));
        setCenter(new SplitPane(table, details));
        setBottom(push);
        context.onImagesChanged(this::refresh);
    }

    private static TableColumn<ImageInspector.Summary, String> column(String title, Function<ImageInspector.Summary, String> value, double width) {
        TableColumn<ImageInspector.Summary, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        column.setPrefWidth(width);
        return column;
    }

    /** Reads the store off the FX thread. */
    public void refresh() {
        context.background().run("list images", () -> new ImageInspector(context.home().imageStore()).list(), list -> table.getItems().setAll(list));
    }

    public void select(Reference image) {
        table.getItems().stream().filter(s -> s.reference().equals(image)).findFirst().ifPresent(s -> table.getSelectionModel().select(s));
    }

    public PushPane push() {
        return push;
    }

    private void inspect(ImageInspector.Summary selected) {
        if (selected == null) {
            details.clear();
            return;
        }
        context.background().run("inspect " + selected.reference().familiar(),
                () -> new ImageInspector(context.home().imageStore()).inspect(selected.reference()), d -> details.setText(describe(d)));
    }

    private static String describe(ImageInspector.Details d) {
        StringBuilder text = new StringBuilder();
        text.append(d.reference().familiar()).append('\n');
        text.append("digest      ").append(d.root().digest()).append('\n');
        text.append("media type  ").append(d.root().mediaType()).append('\n');
        text.append("signatures  ").append(d.signatures() == 0 ? "none (unsigned)" : d.signatures()).append('\n');
        d.app().ifPresent(app -> text.append("app         ").append(app.name()).append(' ').append(app.version())
                .append("\n            ").append(CapabilityText.describe(app.capabilities())).append('\n'));
        for (ImageInspector.PlatformEntry p : d.platforms()) {
            text.append("\nplatform ").append(p.platform() == null ? "(none)" : p.platform()).append("  manifest ").append(p.manifest().digest().shortHex()).append('\n');
            text.append("  config ").append(p.config().mediaType()).append('\n');
            for (Descriptor layer : p.layers()) {
                text.append("  layer  ").append(layer.digest().shortHex()).append("  ").append(Quantities.formatBytes(layer.size()))
                        .append("  ").append(layer.mediaType()).append('\n');
            }
        }
        return text.toString();
    }
}
