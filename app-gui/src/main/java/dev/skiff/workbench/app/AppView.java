package dev.skiff.workbench.app;

import dev.skiff.image.AppFolder;
import dev.skiff.image.build.BuildRequest;
import dev.skiff.image.build.BuildResult;
import dev.skiff.image.build.ImageBuilder;
import dev.skiff.image.oci.Reference;
import dev.skiff.image.sign.ImageSigner;
import dev.skiff.image.sign.SigningKeys;
import dev.skiff.protocols.manifest.AppManifest;
import dev.skiff.protocols.manifest.ManifestException;
import dev.skiff.protocols.manifest.ManifestParser;
import dev.skiff.workbench.ProgressPane;
import dev.skiff.workbench.PushPane;
import dev.skiff.workbench.WorkbenchContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;

/**
 * The App view: an app folder's {@code skiff.yaml} in an editor checked as you type (problems
 * with line and column; Build stays disabled while there are any), what the app asks for, and
 * build, sign and push with progress.
 */
public final class AppView extends BorderPane {
    private final WorkbenchContext context;
    private final Label folderLabel = new Label("no app folder open");
    private final TextArea editor = new TextArea();
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    private final Label needs = new Label();
    private final TextField key = new TextField();
    private final ProgressPane progress = new ProgressPane("app-progress");
    private final ObjectProperty<Path> folder = new SimpleObjectProperty<>();
    private final ObjectProperty<AppManifest> manifest = new SimpleObjectProperty<>();
    private final ObjectProperty<BuildResult> built = new SimpleObjectProperty<>();
    private final BooleanProperty busy = new SimpleBooleanProperty();

    public AppView(WorkbenchContext context) {
        this.context = context;
        setId("app-view");
        folderLabel.setId("folder");
        editor.setId("manifest-editor");
        editor.getStyleClass().add("code");
        needs.setId("capabilities");
        needs.setWrapText(true);
        key.setId("key");
        key.setText(context.home().dir().resolve("keys").resolve(SigningKeys.PRIVATE_KEY_FILE).toString());

        Button open = button("open", "Open folder…", this::chooseFolder);
        Button fromWasm = button("new-from-wasm", "New app from .wasm…", this::chooseWasm);
        ToolBar bar = new ToolBar(open, fromWasm, folderLabel);

        ListView<String> problemList = new ListView<>(problems);
        problemList.setId("manifest-problems");
        problemList.setPlaceholder(new Label("no problems"));
        VBox side = new VBox(6, new Label("Problems"), problemList, new Label("Capabilities"), needs);
        VBox.setVgrow(problemList, Priority.ALWAYS);
        SplitPane center = new SplitPane(editor, side);
        center.setDividerPositions(0.6);

        Button save = button("save", "Save", () -> save(() -> context.messages().info("saved " + manifestFile())));
        Button build = button("build", "Build", this::build);
        Button newKey = button("new-key", "New key", this::newKey);
        Button sign = button("sign", "Sign", this::sign);
        save.disableProperty().bind(folder.isNull().or(busy));
        build.disableProperty().bind(folder.isNull().or(manifest.isNull()).or(busy));
        sign.disableProperty().bind(built.isNull().or(busy));
        HBox.setHgrow(key, Priority.ALWAYS);
        PushPane push = new PushPane("app-push", context.home()::imageStore,
                () -> Optional.ofNullable(built.get()).map(BuildResult::reference), context.background(), context.messages());
        VBox actions = new VBox(8,
                new HBox(8, save, build, progress),
                new HBox(8, new Label("Signing key"), key, newKey, sign),
                push);
        actions.getStyleClass().add("actions");

        setTop(bar);
        setCenter(center);
        setBottom(actions);
        editor.textProperty().addListener((obs, old, text) -> validate(text));
        needs.textProperty().bind(Bindings.createStringBinding(
                () -> manifest.get() == null ? "" : CapabilityText.describe(manifest.get().capabilities()), manifest));
    }

    private static Button button(String id, String text, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setOnAction(e -> action.run());
        return b;
    }

    /** Opens an app folder: loads its skiff.yaml into the editor. */
    public void open(Path dir) {
        Path file = dir.resolve("skiff.yaml");
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            folder.set(dir);
            built.set(null);
            folderLabel.setText(dir.toString());
            editor.setText(text);
            validate(text);
            context.messages().info("opened " + dir);
        } catch (NoSuchFileException e) {
            context.messages().error(dir + " has no skiff.yaml: open an app folder, or make one with 'New app from .wasm…'");
        } catch (IOException e) {
            context.messages().error("cannot read " + file + ": " + e.getMessage());
        }
    }

    private void chooseFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Open an app folder (with skiff.yaml)");
        Optional.ofNullable(chooser.showDialog(getScene().getWindow())).ifPresent(f -> open(f.toPath()));
    }

    private void chooseWasm() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Make an app of a WebAssembly module");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("WebAssembly modules", "*.wasm"));
        Optional.ofNullable(chooser.showOpenDialog(getScene().getWindow())).ifPresent(f -> createFrom(f.toPath()));
    }

    /** Writes a skiff.yaml beside {@code wasm} and opens its folder. */
    public void createFrom(Path wasm) {
        try {
            open(AppFolder.create(wasm).moduleFile().getParent());
        } catch (IOException | IllegalArgumentException e) {
            context.messages().error("cannot make an app of " + wasm + ": " + e.getMessage());
        }
    }

    private void validate(String text) {
        try {
            manifest.set(ManifestParser.parse(text, "skiff.yaml"));
            problems.clear();
        } catch (ManifestException e) {
            manifest.set(null);
            problems.setAll(e.problems().stream().map(p -> "line " + p.line() + ", column " + p.column() + ": " + p.message()).toList());
        }
    }

    private Path manifestFile() {
        return folder.get().resolve("skiff.yaml");
    }

    private void save(Runnable then) {
        String text = editor.getText();
        Path file = manifestFile();
        busy.set(true);
        context.background().run("save " + file, () -> Files.writeString(file, text, StandardCharsets.UTF_8), written -> then.run(),
                () -> busy.set(false));
    }

    /** Saves the editor's text, then builds the folder into the local store. */
    private void build() {
        Path dir = folder.get();
        Path file = manifestFile();
        String text = editor.getText();
        busy.set(true);
        progress.begin("build " + dir.getFileName());
        context.background().run("build " + dir,
                () -> {
                    Files.writeString(file, text, StandardCharsets.UTF_8);
                    return new ImageBuilder(context.home().imageStore(), context.sandbox()).build(BuildRequest.of(dir), progress);
                },
                result -> {
                    built.set(result);
                    String done = "built " + result.reference().familiar() + " " + result.index().digest();
                    progress.end(done);
                    context.messages().info(done);
                    context.imagesChanged();
                },
                () -> {
                    busy.set(false);
                    progress.settle();
                });
    }

    private void newKey() {
        Path file = Path.of(key.getText().strip());
        busy.set(true);
        context.background().run("new signing key",
                () -> SigningKeys.generate(file.toAbsolutePath().getParent(), SigningKeys.passwordFromEnvironment(), false),
                files -> {
                    key.setText(files.privateKey().toString());
                    context.messages().info("new signing key " + files.keyId() + ": " + files.privateKey() + " (public key " + files.publicKey() + ")");
                },
                () -> busy.set(false));
    }

    private void sign() {
        Path file = Path.of(key.getText().strip());
        if (!Files.exists(file)) {
            context.messages().error("no signing key at " + file + ": press 'New key' to make one, or enter the path of your skiff.key");
            return;
        }
        Reference image = built.get().reference();
        busy.set(true);
        context.background().run("sign " + image.familiar(),
                () -> new ImageSigner(context.home().imageStore()).sign(image, SigningKeys.readPrivateKey(file, SigningKeys.passwordFromEnvironment())),
                signed -> {
                    context.messages().info("signed " + image.familiar() + " (" + signed.targets().size() + " digests) with key " + signed.keyId());
                    context.imagesChanged();
                },
                () -> busy.set(false));
    }

    /** The image the last build made, if any. */
    public ReadOnlyObjectProperty<BuildResult> builtProperty() {
        return built;
    }

    public ReadOnlyObjectProperty<Path> folderProperty() {
        return folder;
    }

    public ReadOnlyObjectProperty<AppManifest> manifestProperty() {
        return manifest;
    }
}
