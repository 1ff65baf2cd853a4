package dev.skiff.workbench;

import dev.skiff.agent.client.OperatorHome;
import dev.skiff.runtime.Sandbox;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What every view shares: the operator's home (image store, fleet CA, devices, as the CLI sees
 * them), one sandbox with its compile cache, the background executor and the message bar.
 */
public final class WorkbenchContext implements AutoCloseable {
    private final OperatorHome home;
    private final Sandbox sandbox;
    private final MessageBar messages = new MessageBar();
    private final Background background = new Background(messages);
    private final List<Runnable> imageListeners = new CopyOnWriteArrayList<>();
    private final List<Runnable> deviceListeners = new CopyOnWriteArrayList<>();

    public WorkbenchContext(OperatorHome home) {
        this.home = home;
        this.sandbox = Sandbox.withCompileCache(home.compileCache());
    }

    public OperatorHome home() {
        return home;
    }

    public Sandbox sandbox() {
        return sandbox;
    }

    public MessageBar messages() {
        return messages;
    }

    public Background background() {
        return background;
    }

    /** Views that list images refresh when one view changes the store. */
    public void onImagesChanged(Runnable listener) {
        imageListeners.add(listener);
    }

    public void imagesChanged() {
        imageListeners.forEach(Runnable::run);
    }

    /** Views that list devices refresh when one is enrolled. */
    public void onDevicesChanged(Runnable listener) {
        deviceListeners.add(listener);
    }

    public void devicesChanged() {
        deviceListeners.forEach(Runnable::run);
    }

    @Override
    public void close() {
        background.close();
        sandbox.close();
    }
}
