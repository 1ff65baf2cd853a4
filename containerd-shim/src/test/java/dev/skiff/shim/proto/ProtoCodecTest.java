package dev.skiff.shim.proto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProtoCodecTest {
    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s);
    }

    @Test
    void writesTheWireFormatOfTheProtobufSpec() {
        // protobuf's encoding guide: field 1 = 150 is 08 96 01; field 2 = "testing" is 12 07 74 65 73 74 69 6e 67
        assertArrayEquals(hex("089601"), new ProtoWriter().uint64(1, 150).toByteArray());
        assertArrayEquals(hex("120774657374696e67"), new ProtoWriter().string(2, "testing").toByteArray());
        // int32 -1 takes ten bytes; defaults are left out
        assertArrayEquals(hex("08ffffffffffffffffff01"), new ProtoWriter().int32(1, -1).toByteArray());
        assertArrayEquals(new byte[0], new ProtoWriter().uint64(1, 0).string(2, "").bool(3, false).toByteArray());
        // uint32 values above 2^31 stay positive
        assertArrayEquals(hex("08ffffffff0f"), new ProtoWriter().uint32(1, -1).toByteArray());
    }

    @Test
    void readsWhatItWroteAndSkipsUnknownFields() {
        byte[] bytes = new ProtoWriter().string(1, "task-1").uint64(7, 1L << 40).bytes(9, new byte[] {1, 2})
                .string(2, "exec").toByteArray();
        assertEquals(new TaskApi.ProcessRef("task-1", "exec"), TaskApi.ProcessRef.decode(bytes));

        var kill = new TaskApi.KillRequest("c1", "", 15, true);
        assertEquals(kill, TaskApi.KillRequest.decode(kill.encode()));

        var create = new TaskApi.CreateTaskRequest("c1", "/b", List.of(new TaskApi.Mount("bind", "/s", "", List.of("rbind", "rw"))),
                false, "/in", "/out", "/err", "");
        assertEquals(create, TaskApi.CreateTaskRequest.decode(create.encode()));
    }

    @Test
    void fixed64AndFixed32FieldsAreSkipped() {
        // field 3 fixed64, field 4 fixed32, then field 1 = "x"
        byte[] bytes = hex("19" + "0102030405060708" + "25" + "01020304" + "0a0178");
        assertEquals("x", TaskApi.ProcessRef.decode(bytes).id());
    }

    @Test
    void malformedInputIsRefusedWithAReason() {
        var truncated = assertThrows(ProtoException.class, () -> TaskApi.ProcessRef.decode(hex("0a0574")));
        assertTrue(truncated.getMessage().contains("claims 5 bytes, 1 remain"), truncated.getMessage());
        assertThrows(ProtoException.class, () -> TaskApi.ProcessRef.decode(hex("08ff")));
        var wrongType = assertThrows(ProtoException.class, () -> TaskApi.ProcessRef.decode(hex("0801")));
        assertTrue(wrongType.getMessage().contains("field 1 has wire type 0"), wrongType.getMessage());
        assertThrows(ProtoException.class, () -> TaskApi.ProcessRef.decode(hex("0b")), "group wire types are not supported");
    }

    @Test
    void timestampsAndAnyRoundTrip() {
        var t = new Timestamp(1_700_000_000L, 123_456_789);
        assertEquals(t, Timestamp.decode(t.encode()));
        var any = new AnyMessage("containerd.events.TaskExit", new byte[] {8, 1});
        var back = AnyMessage.decode(any.encode());
        assertEquals(any.typeUrl(), back.typeUrl());
        assertArrayEquals(any.value(), back.value());
    }

    @Test
    void theExitEventCarriesContainerdsFieldNumbers() {
        var event = TaskEvents.exit("c1", 42, 137, new Timestamp(5, 0));
        assertEquals("/tasks/exit", event.topic());
        ProtoReader r = new ProtoReader(event.message().value());
        StringBuilder seen = new StringBuilder();
        while (r.next()) {
            switch (r.field()) {
                case 1, 2 -> seen.append(r.field()).append('=').append(r.string()).append(' ');
                case 3, 4 -> seen.append(r.field()).append('=').append(r.uint32()).append(' ');
                case 5 -> seen.append("5=").append(Timestamp.decode(r.bytes()).seconds());
                default -> r.skip();
            }
        }
        assertEquals("1=c1 2=c1 3=42 4=137 5=5", seen.toString());
    }
}
