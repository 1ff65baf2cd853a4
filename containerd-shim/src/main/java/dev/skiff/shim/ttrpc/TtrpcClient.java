package dev.skiff.shim.ttrpc;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.Map;

/** A ttrpc client that makes one call at a time over a unix socket. */
public final class TtrpcClient implements AutoCloseable {
    private final SocketChannel channel;
    private int nextStreamId = 1; // clients use odd stream ids

    private TtrpcClient(SocketChannel channel) {
        this.channel = channel;
    }

    public static TtrpcClient connect(Path socket) throws IOException {
        SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            channel.connect(UnixDomainSocketAddress.of(socket));
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        return new TtrpcClient(channel);
    }

    /** Calls {@code service/method}; a non-OK status becomes a {@link TtrpcException}. */
    public synchronized byte[] call(String service, String method, byte[] payload, Map<String, String> metadata)
            throws IOException, TtrpcException {
        int streamId = nextStreamId;
        nextStreamId += 2;
        new Frame(streamId, Frame.REQUEST, (byte) 0, new Request(service, method, payload, 0, metadata).encode()).write(channel);
        while (true) {
            Frame frame = Frame.read(channel);
            if (frame.streamId() != streamId || frame.type() != Frame.RESPONSE) {
                continue; // nothing else is outstanding: a stray frame carries nothing for us
            }
            Response response = Response.decode(frame.payload());
            if (response.code() != 0) {
                throw new TtrpcException(response.code(), response.message());
            }
            return response.payload();
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
