package dev.skiff.shim.ttrpc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TtrpcServerTest {
    @Test
    void answersCallsAndReportsErrorsWithTheirStatus(@TempDir Path dir) throws Exception {
        Path socket = dir.resolve("s.sock");
        Map<String, TtrpcServer.Method> methods = Map.of(
                "svc/Echo", request -> request,
                "svc/Fail", request -> {
                    throw new TtrpcException(TtrpcException.FAILED_PRECONDITION, "not now");
                });
        try (TtrpcServer server = TtrpcServer.start(socket, methods, line -> {});
                TtrpcClient client = TtrpcClient.connect(socket)) {
            assertArrayEquals(new byte[] {1, 2, 3}, client.call("svc", "Echo", new byte[] {1, 2, 3}, Map.of()));
            var failed = assertThrows(TtrpcException.class, () -> client.call("svc", "Fail", new byte[0], Map.of()));
            assertEquals(TtrpcException.FAILED_PRECONDITION, failed.code());
            assertEquals("not now", failed.getMessage());
            var missing = assertThrows(TtrpcException.class, () -> client.call("svc", "Exec", new byte[0], Map.of()));
            assertEquals(TtrpcException.UNIMPLEMENTED, missing.code());
            assertTrue(missing.getMessage().contains("svc/Exec is not implemented"), missing.getMessage());
        }
        assertFalse(Files.exists(socket), "closing removes the socket");
    }

    @Test
    void aBlockedCallDoesNotHoldUpOthersOnTheSameConnection(@TempDir Path dir) throws Exception {
        Path socket = dir.resolve("s.sock");
        CountDownLatch release = new CountDownLatch(1);
        Map<String, TtrpcServer.Method> methods = Map.of(
                "svc/Wait", request -> {
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return new byte[] {9};
                },
                "svc/Echo", request -> request);
        try (TtrpcServer server = TtrpcServer.start(socket, methods, line -> {});
                var channel = java.nio.channels.SocketChannel.open(java.net.StandardProtocolFamily.UNIX)) {
            channel.connect(java.net.UnixDomainSocketAddress.of(socket));
            new Frame(1, Frame.REQUEST, (byte) 0, new Request("svc", "Wait", new byte[0], 0, Map.of()).encode()).write(channel);
            new Frame(3, Frame.REQUEST, (byte) 0, new Request("svc", "Echo", new byte[] {7}, 0, Map.of()).encode()).write(channel);
            Frame first = Frame.read(channel);
            assertEquals(3, first.streamId(), "the echo answers while the wait is still blocked");
            release.countDown();
            Frame second = CompletableFuture.supplyAsync(() -> {
                try {
                    return Frame.read(channel);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).get(10, TimeUnit.SECONDS);
            assertEquals(1, second.streamId());
            assertArrayEquals(new byte[] {9}, Response.decode(second.payload()).payload());
        }
    }

    @Test
    void aMalformedRequestGetsInvalidArgumentAndTheConnectionStaysUsable(@TempDir Path dir) throws Exception {
        Path socket = dir.resolve("s.sock");
        try (TtrpcServer server = TtrpcServer.start(socket, Map.of("svc/Echo", r -> r), line -> {});
                var channel = java.nio.channels.SocketChannel.open(java.net.StandardProtocolFamily.UNIX)) {
            channel.connect(java.net.UnixDomainSocketAddress.of(socket));
            new Frame(1, Frame.REQUEST, (byte) 0, new byte[] {0x0a, 0x7f}).write(channel);
            Response bad = Response.decode(Frame.read(channel).payload());
            assertEquals(TtrpcException.INVALID_ARGUMENT, bad.code());
            assertTrue(bad.message().startsWith("malformed request"), bad.message());
            new Frame(3, Frame.REQUEST, (byte) 0, new Request("svc", "Echo", new byte[] {4}, 0, Map.of()).encode()).write(channel);
            assertArrayEquals(new byte[] {4}, Response.decode(Frame.read(channel).payload()).payload());
        }
    }
}
