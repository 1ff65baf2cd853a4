package dev.skiff.workbench;

import dev.skiff.agent.client.OperatorHome;
import dev.skiff.workbench.app.AppView;
import dev.skiff.workbench.board.BoardView;
import dev.skiff.workbench.deploy.DeployView;
import dev.skiff.workbench.devices.DevicesView;
import dev.skiff.workbench.images.ImagesView;
import dev.skiff.workbench.logs.LogsView;
import dev.skiff.workbench.rollouts.RolloutsView;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;

/** The window's content: one tab per view over one shared context, and the message bar. */
public final class Workbench implements AutoCloseable {
    private final WorkbenchContext context;
    private final TabPane tabs = new TabPane();
    private final BorderPane root = new BorderPane();
    private final AppView app;
    private final BoardView board;
    private final ImagesView images;
    private final DevicesView devices;
    private final DeployView deploy;
    private final LogsView logs;
    private final RolloutsView rollouts;

    /** Call on the FX thread. */
    public Workbench(OperatorHome home) {
        context = new WorkbenchContext(home);
        app = new AppView(context);
        board = new BoardView(context, app.builtProperty(), app.folderProperty());
        images = new ImagesView(context);
        devices = new DevicesView(context);
        deploy = new DeployView(context, devices.devices());
        logs = new LogsView(context, devices.devices());
        rollouts = new RolloutsView(context);
        tabs.getTabs().addAll(tab("app", "App", app), tab("board", "Board", board), tab("images", "Images", images),
                tab("devices", "Devices", devices), tab("deploy", "Deploy", deploy), tab("logs", "Logs", logs),
                tab("rollouts", "Rollouts", rollouts));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        root.setCenter(tabs);
        root.setBottom(context.messages());
        root.getStylesheets().add(Workbench.class.getResource("workbench.css").toExternalForm());
        images.refresh();
        deploy.refreshImages();
        devices.refresh();
        rollouts.refresh();
    }

    /** A tab whose header is a label with id {@code tab-ID}, so tests and people can click it. */
    private static Tab tab(String id, String title, Node content) {
        Label header = new Label(title);
        header.setId("tab-" + id);
        Tab tab = new Tab();
        tab.setId(id);
        tab.setGraphic(header);
        tab.setContent(content);
        return tab;
    }

    public Parent root() {
        return root;
    }

    public void show(String tabId) {
        tabs.getTabs().stream().filter(t -> t.getId().equals(tabId)).findFirst().ifPresent(t -> tabs.getSelectionModel().select(t));
    }

    public String selectedTab() {
        return tabs.getSelectionModel().getSelectedItem().getId();
    }

    public WorkbenchContext context() {
        return context;
    }

    public AppView app() {
        return app;
    }

    public BoardView board() {
        return board;
    }

    public ImagesView images() {
        return images;
    }

    public DevicesView devices() {
        return devices;
    }

    public DeployView deploy() {
        return deploy;
    }

    public LogsView logs() {
        return logs;
    }

    public RolloutsView rollouts() {
        return rollouts;
    }

    /** Stops what still runs (the board's app, a log tail) and the background threads. */
    @Override
    public void close() {
        board.stop();
        logs.stop();
        context.close();
    }
}
