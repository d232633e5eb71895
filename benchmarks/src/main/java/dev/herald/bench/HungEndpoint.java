package dev.herald.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A webhook endpoint on 127.0.0.1 that accepts connections and never reads or answers them: a hung server. Each send
 * Herald makes to it stays open until Herald's delivery timeout, so the connections it counts are the sends it held.
 */
final class HungEndpoint implements AutoCloseable {
    private final ServerSocket server;
    private final Queue<Socket> held = new ConcurrentLinkedQueue<>();
    private final AtomicInteger connections = new AtomicInteger();

    HungEndpoint() throws IOException {
        // A long accept queue: the sends Herald opens at once must all be accepted, not refused.
        server = new ServerSocket(0, 1_000, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::holdEveryConnection, "hung-endpoint");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void holdEveryConnection() {
        try {
            while (true) {
                held.add(server.accept());
                connections.incrementAndGet();
            }
        } catch (IOException closed) {
            // close() ends the accepting
        }
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getLocalPort() + path;
    }

    /** How many connections Herald opened to it so far. */
    int connections() {
        return connections.get();
    }

    /** Stops accepting and drops what it held, so Herald's open sends fail at once instead of at their timeout. */
    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket = held.poll(); socket != null; socket = held.poll()) {
            socket.close();
        }
    }
}
