package dev.skiff.runtime;

import dev.skiff.runtime.capability.CapabilityUnavailableException;
import dev.skiff.runtime.capability.HostFunction;
import dev.skiff.runtime.capability.HostModule;
import dev.skiff.runtime.capability.gpio.GpioHost;
import dev.skiff.runtime.capability.poll.PollInterface;
import dev.skiff.runtime.capability.serial.SerialHost;
import dev.skiff.runtime.engine.LoadedModule;
import dev.skiff.runtime.engine.ModuleImport;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks a module against what a container will be linked with, before any of its code runs.
 * Deny by default: WASI preview1 and the granted host modules are all a guest can import.
 */
final class Admission {
    static final String WASI_PREVIEW1 = "wasi_snapshot_preview1";

    private Admission() {}

    static void check(LoadedModule module, ContainerSpec spec, Set<String> wasiFunctions)
            throws AdmissionException {
        if (!module.exportsFunction("_start")) {
            throw new AdmissionException(
                    "module has no _start export; Skiff runs WASI commands (build with a main function, e.g. clang --target=wasm32-wasi)");
        }
        Set<String> granted = new HashSet<>();
        for (HostModule hostModule : spec.capabilities()) {
            for (HostFunction function : hostModule.functions()) {
                granted.add(hostModule.name() + "\0" + function.name());
            }
        }
        for (ModuleImport imp : module.imports()) {
            if (imp.kind() != ModuleImport.Kind.FUNCTION) {
                throw new AdmissionException(
                        "module imports " + imp + "; Skiff provides only functions to guests");
            }
            boolean wasi = imp.module().equals(WASI_PREVIEW1) && wasiFunctions.contains(imp.name());
            if (!wasi && !granted.contains(imp.module() + "\0" + imp.name())) {
                throw new AdmissionException(unknownImport(imp, spec));
            }
            if (imp.module().equals(PollInterface.MODULE) && imp.name().equals("poll")
                    && !module.exportsFunction("cabi_realloc")) {
                throw new AdmissionException("module imports " + imp.module() + ".poll but exports no cabi_realloc,"
                        + " which poll needs to return its list; include sdk/c/skiff_gpio.h or define one");
            }
        }
    }

    /** Takes every capability's lease, or none of them. */
    static void acquireLeases(ContainerSpec spec) throws AdmissionException {
        List<HostModule> acquired = new ArrayList<>();
        for (HostModule capability : spec.capabilities()) {
            try {
                capability.lease().acquire();
                acquired.add(capability);
            } catch (CapabilityUnavailableException e) {
                acquired.forEach(m -> m.lease().release());
                throw new AdmissionException(e.getMessage());
            }
        }
    }

    private static String unknownImport(ModuleImport imp, ContainerSpec spec) {
        boolean moduleGranted =
                spec.capabilities().stream().anyMatch(m -> m.name().equals(imp.module()));
        if (imp.module().equals(WASI_PREVIEW1)) {
            return "module imports "
                    + imp.module() + "." + imp.name()
                    + ", which is not a WASI preview1 function Skiff provides";
        }
        if (GpioHost.MODULES.contains(imp.module()) && !moduleGranted) {
            return "module imports " + imp.module() + "." + imp.name()
                    + ", but the app has no GPIO grant; grant the pins it uses by label in skiff.yaml,"
                    + " e.g. capabilities: {gpio: {LED: {line: 17, mode: output}}}";
        }
        if (imp.module().equals(SerialHost.PORT) && !moduleGranted) {
            return "module imports " + imp.module() + "." + imp.name()
                    + ", but the app has no serial grant; add capabilities.serial.NAME for the port it opens to skiff.yaml,"
                    + " e.g. capabilities: {serial: {GPS: {device: /dev/ttyAMA0, baud: 9600}}}";
        }
        if (moduleGranted) {
            return "module imports " + imp.module() + "." + imp.name()
                    + ", but the granted capability " + imp.module() + " has no such function";
        }
        return "module imports " + imp.module() + "." + imp.name()
                + ", which nothing grants this container; unknown imports are refused";
    }
}
