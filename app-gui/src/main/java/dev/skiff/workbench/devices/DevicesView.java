package dev.skiff.workbench.devices;

import dev.skiff.agent.client.DeviceRecord;
import dev.skiff.agent.client.DeviceStatus;
import dev.skiff.agent.enroll.EnrollmentToken;
import dev.skiff.protocols.Quantities;
import dev.skiff.workbench.ProgressPane;
import dev.skiff.workbench.WorkbenchContext;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The Devices view: enroll a device with the token its agent printed, or over a serial line to
 * its console as {@code skiff device provision --serial} does (the fleet CA is made on first use),
 * and the enrolled devices with what each says about itself; refreshing asks them
 * all off the FX thread.
 */
public final class DevicesView extends BorderPane {
    private final WorkbenchContext context;
    private final TextField address = field("enroll-address", "HOST:PORT");
    private final TextField token = field("enroll-token", "token the agent printed (SECRET.PIN)");
    private final TextField name = field("enroll-name", "name, e.g. pi-kitchen");
    private final TextField serialDevice = field("enroll-serial-device", "serial port, e.g. /dev/ttyUSB0");
    private final TextField serialToken = field("enroll-serial-token", "token (optional: the device tells it)");
    private final TextField serialName = field("enroll-serial-name", "name, e.g. pi-kitchen");
    private final ProgressPane serialProgress = new ProgressPane("enroll-serial-progress");
    private final ObservableList<DeviceStatus> devices = FXCollections.observableArrayList();

    public DevicesView(WorkbenchContext context) {
        this.context = context;
        setId("devices-view");
        Button enroll = new Button("Enroll");
        enroll.setId("enroll");
        enroll.setOnAction(e -> enroll());
        enroll.disableProperty().bind(address.textProperty().isEmpty().or(token.textProperty().isEmpty()).or(name.textProperty().isEmpty()));
        HBox form = new HBox(8, new Label("Enroll"), address, token, name, enroll);
        HBox.setHgrow(token, Priority.ALWAYS);
        form.getStyleClass().add("actions");
        Button enrollSerial = new Button("Enroll over serial");
        enrollSerial.setId("enroll-serial");
        enrollSerial.setOnAction(e -> enrollOverSerial());
        enrollSerial.disableProperty().bind(serialDevice.textProperty().isEmpty().or(serialName.textProperty().isEmpty()));
        HBox serialForm = new HBox(8, new Label("Enroll over serial"), serialDevice, serialToken, serialName, enrollSerial, serialProgress);
        HBox.setHgrow(serialToken, Priority.ALWAYS);
        serialForm.getStyleClass().add("actions");

        TableView<DeviceStatus> table = new TableView<>(devices);
        table.setId("devices");
        table.setPlaceholder(new Label("No devices enrolled: start skiff-agent on a board and enroll it with the token it prints."));
        table.getColumns().add(column("Name", s -> s.device().name(), 120));
        table.getColumns().add(column("Address", s -> s.device().address(), 150));
        table.getColumns().add(column("State", s -> s.online() ? "online" : "offline", 70));
        table.getColumns().add(column("Arch", s -> s.info().map(i -> i.os() + "/" + i.arch()).orElse(""), 110));
        table.getColumns().add(column("Agent", s -> s.info().map(i -> i.agentVersion()).orElse(""), 120));
        table.getColumns().add(column("Apps running", s -> s.online() ? s.running() + " of " + s.apps().size() : "", 110));
        table.getColumns().add(column("Memory", s -> s.info().map(i -> Quantities.formatBytes(i.memoryUsedBytes()) + " of "
                + Quantities.formatBytes(i.memoryBudgetBytes())).orElse(""), 140));
        table.getColumns().add(column("Problem", s -> s.problem().orElse(""), 260));

        Button refresh = new Button("Refresh");
        refresh.setId("refresh-devices");
        refresh.setOnAction(e -> refresh());
        setTop(new ToolBar(refresh));
        setCenter(table);
        setBottom(new VBox(form, serialForm));
        context.onDevicesChanged(this::refresh);
    }

    private static TextField field(String id, String prompt) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        return field;
    }

    private static TableColumn<DeviceStatus, String> column(String title, Function<DeviceStatus, String> value, double width) {
        TableColumn<DeviceStatus, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        column.setPrefWidth(width);
        return column;
    }

    private void enroll() {
        String at = address.getText().strip();
        String as = name.getText().strip();
        String secret = token.getText().strip();
        context.messages().info("enrolling " + as + " at " + at + " ...");
        context.background().run("enroll " + as + " at " + at,
                () -> context.home().enroll(at, EnrollmentToken.parse(secret), as, context.home().fleetCaCreatingIfMissing()), device -> {
            token.clear();
            context.messages().info("enrolled " + device.name() + " at " + device.address() + " (key " + device.keyPin() + ")");
            context.devicesChanged();
        });
    }

    /** Enrolls the device whose console is at the far end of the serial line, off the FX thread. */
    private void enrollOverSerial() {
        SerialEnrollment enrollment = new SerialEnrollment(serialDevice.getText(), serialName.getText(), serialToken.getText());
        String line = enrollment.port();
        context.messages().info("enrolling " + enrollment.name() + " over " + line + " ...");
        context.background().run("enroll " + enrollment.name() + " over " + line, () -> enrollment.enroll(context.home(), serialProgress), device -> {
            serialToken.clear();
            context.messages().info("enrolled " + device.name() + " at " + device.address() + " over " + line + " (key " + device.keyPin() + ")");
            context.devicesChanged();
        });
    }

    /** Asks every enrolled device about itself, off the FX thread; offline ones say why. */
    public void refresh() {
        context.background().run("list devices", () -> {
            List<DeviceRecord> records = context.home().devices().list();
            return records.parallelStream().map(d -> DeviceStatus.probe(context.home(), d)).toList();
        }, devices::setAll);
    }

    public ObservableList<DeviceStatus> devices() {
        return devices;
    }
}
