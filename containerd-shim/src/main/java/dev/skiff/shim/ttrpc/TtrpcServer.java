package dev.skiff.shim.ttrpc;

import dev.skiff.shim.proto.ProtoException;
import java.io.EOFException;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A ttrpc server on a unix socket. Each request runs on its own virtual thread, so a long call
 * (containerd's Wait) never holds up the others on the same connection; responses go back in
 * whatever order calls finish, matched by stream id.
 */
public final class TtrpcServer implements AutoCloseable {
    /** One method: request message in, response message out. */
    @FunctionalInterface
    public interface Method {
        byte[] call(byte[] request) throws TtrpcException;
    }

    private final ServerSocketChannel listener;
    private final Path socket;
    private final Map<String, Method> methods;
    private final Consumer<String> log;
    private final ExecutorService calls = Executors.newVirtualThreadPerTaskExecutor();
    private final Set<SocketChannel> connections = ConcurrentHashMap.newKeySet();

    private TtrpcServer(ServerSocketChannel listener, Path socket, Map<String, Method> methods, Consumer<String> log) {
        this.listener = listener;
        this.socket = socket;
        this.methods = Map.copyOf(methods);
        this.log = log;
    }

    /**
     * Binds {@code socket} and starts accepting.
     *
     * @param methods by {@code SERVICE/METHOD}, e.g. {@code containerd.task.v2.Task/Create}
     */
    public static TtrpcServer start(Path socket, Map<String, Method> methods, Consumer<String> log) throws IOException {
        Files.createDirectories(socket.toAbsolutePath().getParent());
        ServerSocketChannel listener = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        listener.bind(UnixDomainSocketAddress.of(socket));
        TtrpcServer server = new TtrpcServer(listener, socket, methods, log);
        Thread.ofPlatform().name("ttrpc-accept").daemon().start(server::acceptLoop);
        return server;
    }

    private void acceptLoop() {
        while (listener.isOpen()) {
            try {
                SocketChannel connection = listener.accept();
                connections.add(connection);
                Thread.ofVirtual().name("ttrpc-connection").start(() -> serve(connection));
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                log.accept("ttrpc: accept failed: " + e.getMessage());
            }
        }
    }

    private void serve(SocketChannel connection) {
        try (connection) {
            while (true) {
                Frame frame = Frame.read(connection);
                if (frame.type() != Frame.REQUEST) {
                    log.accept("ttrpc: ignoring a frame of type " + frame.type() + " on stream " + frame.streamId());
                    continue;
                }
                calls.execute(() -> answer(connection, frame));
            }
        } catch (EOFException | ClosedChannelException e) {
            // the client hung up; its calls still running find the channel closed
        } catch (IOException e) {
            log.accept("ttrpc: connection dropped: " + e.getMessage());
        } finally {
            connections.remove(connection);
        }
    }

    private void answer(SocketChannel connection, Frame frame) {
        Response response;
        try {
            response = Response.ok(dispatch(Request.decode(frame.payload())));
        } catch (TtrpcException e) {
            response = Response.error(e);
        } catch (ProtoException e) {
            response = Response.error(new TtrpcException(TtrpcException.INVALID_ARGUMENT, "malformed request: " + e.getMessage()));
        } catch (RuntimeException e) {
            log.accept("ttrpc: internal error: " + e);
            response = Response.error(new TtrpcException(TtrpcException.INTERNAL, e.toString()));
        }
        Frame reply = new Frame(frame.streamId(), Frame.RESPONSE, (byte) 0, response.encode());
        synchronized (connection) {
            try {
                reply.write(connection);
            } catch (IOException e) {
                log.accept("ttrpc: could not answer stream " + frame.streamId() + ": " + e.getMessage());
            }
        }
    }

    private byte[] dispatch(Request request) throws TtrpcException {
        Method method = methods.get(request.service() + "/" + request.method());
        if (method == null) {
            throw new TtrpcException(TtrpcException.UNIMPLEMENTED,
                    request.service() + "/" + request.method() + " is not implemented by this shim");
        }
        return method.call(request.payload());
    }

    /**
     * Stops accepting, lets calls in progress answer (for up to two seconds: the Shutdown call
     * itself is one), then drops every connection and removes the socket file.
     */
    @Override
    public void close() throws IOException {
        listener.close();
        calls.shutdown();
        try {
            calls.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (SocketChannel connection : connections) {
            connection.close();
        }
        Files.deleteIfExists(socket);
    }
}
