package dev.skiff.runtime;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Hand-assembled modules for admission tests: a list of imported functions (all typed
 * {@code (i32) -> i32} or {@code (i32) -> ()}) and a {@code _start} body.
 */
final class TinyWasm {
    private TinyWasm() {}

    /** An imported function; {@code returns} picks {@code (i32)->i32} over {@code (i32)->()}. */
    record Import(String module, String name, boolean returns) {}

    static final int I32_CONST = 0x41;
    static final int CALL = 0x10;
    static final int DROP = 0x1a;
    static final int END = 0x0b;

    static byte[] module(List<Import> imports, int... startBody) {
        var out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0});
        // types: 0 = (i32)->i32, 1 = (i32)->(), 2 = ()->()
        section(out, 1, new byte[] {3, 0x60, 1, 0x7f, 1, 0x7f, 0x60, 1, 0x7f, 0, 0x60, 0, 0});
        var imp = new ByteArrayOutputStream();
        leb(imp, imports.size());
        for (Import i : imports) {
            name(imp, i.module());
            name(imp, i.name());
            imp.write(0);
            imp.write(i.returns() ? 0 : 1);
        }
        section(out, 2, imp.toByteArray());
        section(out, 3, new byte[] {1, 2});
        var exp = new ByteArrayOutputStream();
        exp.write(1);
        name(exp, "_start");
        exp.write(0);
        leb(exp, imports.size());
        section(out, 7, exp.toByteArray());
        var body = new ByteArrayOutputStream();
        body.write(0); // no locals
        for (int b : startBody) {
            body.write(b);
        }
        body.write(END);
        var code = new ByteArrayOutputStream();
        code.write(1);
        leb(code, body.size());
        code.writeBytes(body.toByteArray());
        section(out, 10, code.toByteArray());
        return out.toByteArray();
    }

    private static void section(ByteArrayOutputStream out, int id, byte[] content) {
        out.write(id);
        leb(out, content.length);
        out.writeBytes(content);
    }

    private static void name(ByteArrayOutputStream out, String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        leb(out, bytes.length);
        out.writeBytes(bytes);
    }

    private static void leb(ByteArrayOutputStream out, int value) {
        do {
            int b = value & 0x7f;
            value >>>= 7;
            out.write(value != 0 ? b | 0x80 : b);
        } while (value != 0);
    }
}
