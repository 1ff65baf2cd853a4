package dev.skiff.workbench.board;

import dev.skiff.image.build.BuildResult;
import dev.skiff.image.launch.AppLaunch;
import dev.skiff.image.launch.LocalRun;
import dev.skiff.image.progress.ProgressListener;
import dev.skiff.image.registry.DistributionClient;
import dev.skiff.image.registry.DockerConfig;
import dev.skiff.image.registry.ImageFetcher;
import dev.skiff.protocols.manifest.AppManifest;
import dev.skiff.protocols.manifest.CapabilityGrants;
import dev.skiff.runtime.Container;
import dev.skiff.runtime.capability.Peripherals;
import dev.skiff.runtime.capability.gpio.PinChangeLog;
import dev.skiff.runtime.capability.gpio.SimulatedBoard;
import dev.skiff.runtime.capability.serial.SimulatedSerialPort;
import dev.skiff.agent.logs.LineSplitter;
import dev.skiff.workbench.WorkbenchContext;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The Board view: runs the app open in the App view (its last build, else the folder) on a
 * simulated board in this process, as {@code skiff run --board sim} does. Output lines light
 * LEDs, input lines get buttons, every change goes on the pin timeline; each granted serial port
 * gets a console; stdout and stderr beside it.
 */
public final class BoardView extends BorderPane {
    private final WorkbenchContext context;
    private final ReadOnlyObjectProperty<BuildResult> built;
    private final ReadOnlyObjectProperty<Path> folder;
    private final PinsPane pins = new PinsPane();
    private final SerialConsolesPane serial = new SerialConsolesPane();
    private final ObservableList<String> timeline = FXCollections.observableArrayList();
    private final TextArea stdout = output("stdout");
    private final TextArea stderr = output("stderr");
    private final Label status = new Label("not running");
    private final ObjectProperty<Container> running = new SimpleObjectProperty<>();

    public BoardView(WorkbenchContext context, ReadOnlyObjectProperty<BuildResult> built, ReadOnlyObjectProperty<Path> folder) {
        this.context = context;
        this.built = built;
        this.folder = folder;
        setId("board-view");
        status.setId("run-status");
        Button run = new Button("Run on simulated board");
        run.setId("run");
        run.setOnAction(e -> run());
        run.disableProperty().bind(running.isNotNull().or(folder.isNull()));
        Button stop = new Button("Stop");
        stop.setId("stop");
        stop.setOnAction(e -> stop());
        stop.disableProperty().bind(running.isNull());
        setTop(new ToolBar(run, stop, status));

        ListView<String> timelineList = new ListView<>(timeline);
        timelineList.setId("timeline");
        timelineList.setPlaceholder(new Label("no pin changes yet"));
        VBox board = new VBox(8, new Label("Board"), pins, serial, new Label("Pin timeline"), timelineList);
        VBox.setVgrow(timelineList, Priority.ALWAYS);
        VBox streams = new VBox(6, new Label("stdout"), stdout, new Label("stderr"), stderr);
        VBox.setVgrow(stdout, Priority.ALWAYS);
        VBox.setVgrow(stderr, Priority.ALWAYS);
        SplitPane center = new SplitPane(board, streams);
        center.setDividerPositions(0.45);
        setCenter(center);
    }

    private static TextArea output(String id) {
        TextArea area = new TextArea();
        area.setId(id);
        area.setEditable(false);
        area.getStyleClass().add("code");
        return area;
    }

    private void run() {
        BuildResult image = built.get();
        Path dir = folder.get();
        String what = image != null ? image.reference().familiar() : dir.toString();
        timeline.clear();
        stdout.clear();
        stderr.clear();
        status.setText("starting " + what + " ...");
        context.background().run("run " + what, () -> start(image, dir), container -> {
            running.set(container);
            status.setText(container.name() + " running");
            context.background().run("wait for " + container.name(), container::awaitEnd,
                    end -> status.setText(container.name() + " " + end.describe()), () -> running.set(null));
        });
    }

    /** Off the FX thread: the launch, a fresh board and serial ports drawn before the guest can touch them, then the start. */
    private Container start(BuildResult image, Path dir) throws Exception {
        AppLaunch launch = image != null
                ? AppLaunch.ofImage(new ImageFetcher(context.home().imageStore(), new DistributionClient(DockerConfig.ofCurrentUser(), Set.of()),
                        ProgressListener.NONE), image.reference(), List.of(), context.sandbox(), context.home().volumes())
                : AppLaunch.ofAppFolder(dir, List.of(), context.home().volumes());
        CapabilityGrants grants = launch.app().map(AppManifest::capabilities).orElse(CapabilityGrants.NONE);
        SimulatedBoard board = new SimulatedBoard();
        Platform.runLater(() -> pins.show(grants, board));
        board.addListener(change -> Platform.runLater(() -> pins.update(change)));
        board.addListener(new PinChangeLog(new PrintWriter(new OutputStreamWriter(
                new LineSplitter(onFx(timeline::add)), StandardCharsets.UTF_8)), grants));
        SimulatedSerialPort ports = new SimulatedSerialPort();
        serial.attach(grants.serial(), ports);
        Peripherals peripherals = new Peripherals(Optional.of(board), ports, "the simulated board has every line");
        return new LocalRun(context.sandbox(), peripherals).start(launch, InputStream.nullInputStream(),
                new LineSplitter(onFx(line -> stdout.appendText(line + "\n"))),
                new LineSplitter(onFx(line -> stderr.appendText(line + "\n"))));
    }

    private static Consumer<String> onFx(Consumer<String> consumer) {
        return line -> Platform.runLater(() -> consumer.accept(line));
    }

    /** Stops the running app (interrupt, grace period, then abandon), off the FX thread. */
    public void stop() {
        Container container = running.get();
        if (container != null) {
            context.background().run("stop " + container.name(), () -> container.stop(Duration.ofSeconds(2)), end -> {});
        }
    }

    public ReadOnlyObjectProperty<Container> runningProperty() {
        return running;
    }
}
