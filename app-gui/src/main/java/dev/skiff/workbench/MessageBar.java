package dev.skiff.workbench;

import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;

/** The line at the bottom of the window: what just happened, or what went wrong and what to do. */
public final class MessageBar extends HBox {
    private final Label text = new Label("Open an app folder (with skiff.yaml) to start.");

    public MessageBar() {
        text.setId("message");
        text.setWrapText(true);
        getStyleClass().add("message-bar");
        getChildren().add(text);
    }

    public void info(String message) {
        text.getStyleClass().remove("error");
        text.setText(message);
    }

    public void error(String message) {
        if (!text.getStyleClass().contains("error")) {
            text.getStyleClass().add("error");
        }
        text.setText(message);
    }

    public String text() {
        return text.getText();
    }

    public boolean showsError() {
        return text.getStyleClass().contains("error");
    }

    /** The library's messages are written for users; file exceptions carry the path apart from the reason. */
    static String describe(Throwable e) {
        if (e instanceof NoSuchFileException f) {
            return f.getFile() + ": " + (f.getReason() != null ? f.getReason() : "no such file");
        }
        if (e instanceof FileAlreadyExistsException f) {
            return f.getFile() + ": " + (f.getReason() != null ? f.getReason() : "already exists");
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
