package dev.skiff.image.launch;

import dev.skiff.protocols.manifest.AppManifest;
import dev.skiff.protocols.manifest.CapabilityGrants;
import dev.skiff.runtime.AdmissionException;
import dev.skiff.runtime.Container;
import dev.skiff.runtime.ContainerSpec;
import dev.skiff.runtime.Sandbox;
import dev.skiff.runtime.capability.CapabilityUnavailableException;
import dev.skiff.runtime.capability.Peripherals;
import dev.skiff.runtime.engine.ExecutionMode;
import dev.skiff.runtime.engine.ModuleException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Starts an app on this machine, as the workbench's Board view does: with the args, env, volumes
 * and limits of its launch, and its GPIO and serial grants on {@code peripherals} (a simulated
 * board and serial ports on a laptop).
 */
public record LocalRun(Sandbox sandbox, Peripherals peripherals) {

    /** Compiles (or takes from the cache), admits and starts the app; it runs on its own thread. */
    public Container start(AppLaunch launch, InputStream stdin, OutputStream stdout, OutputStream stderr)
            throws ModuleException, AdmissionException, CapabilityUnavailableException {
        CapabilityGrants grants = launch.app().map(AppManifest::capabilities).orElse(CapabilityGrants.NONE);
        ContainerSpec spec = new ContainerSpec(launch.name(), launch.argv(), launch.env(), launch.volumes(), stdin, stdout, stderr,
                launch.limits(), peripherals.hostModules(launch.name(), grants));
        return sandbox.create(sandbox.prepare(launch.wasm(), ExecutionMode.COMPILED), spec).start();
    }
}
