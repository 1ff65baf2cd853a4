package dev.skiff.runtime.engine;

import java.util.List;

/** A parsed and validated module: what it imports and exports, and its memory needs. */
public interface LoadedModule {

    /** {@code sha256:<hex>} of the module bytes. */
    String digest();

    List<ModuleImport> imports();

    boolean exportsFunction(String name);

    /** The minimum size of memory 0 in 64 KiB pages, or 0 when the module has no memory. */
    int minimumMemoryPages();
}
