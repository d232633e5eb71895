package dev.herald.server.postgres;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A TCP proxy between Herald and PostgreSQL that the test can cut, so an outage is made without stopping the shared
 * cluster. {@link #cut(Outage)} with {@code REFUSED} closes every connection and the listening port (new connections
 * are refused, as by a stopped server); with {@code BLACK_HOLED} every connection stays open but nothing passes any
 * more, and new ones are accepted and never answered (as a network that drops packets). {@link #restore()} closes what
 * the cut left hanging and forwards again, on the same port.
 */
final class DatabaseProxy implements AutoCloseable {
    enum Outage { REFUSED, BLACK_HOLED }

    private static final Pattern HOST_AND_PORT = Pattern.compile("^jdbc:postgresql://([^/:?]+)(?::(\\d+))?/");

    private final String targetHost;
    private final int targetPort;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile ServerSocket listening;
    private volatile int port;
    private volatile boolean blackHoled;

    private DatabaseProxy(String targetHost, int targetPort) {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
    }

    /** A proxy to the PostgreSQL server of {@code jdbcUrl}, listening on a free loopback port. */
    static DatabaseProxy to(String jdbcUrl) throws IOException {
        Matcher m = HOST_AND_PORT.matcher(jdbcUrl);
        if (!m.find()) {
            throw new IllegalArgumentException("not a jdbc:postgresql://host[:port]/ URL");
        }
        DatabaseProxy proxy = new DatabaseProxy(m.group(1), m.group(2) == null ? 5432 : Integer.parseInt(m.group(2)));
        proxy.listen(0);
        return proxy;
    }

    /** {@code jdbcUrl} with its host and port replaced by this proxy's. */
    String proxied(String jdbcUrl) {
        return HOST_AND_PORT.matcher(jdbcUrl).replaceFirst("jdbc:postgresql://127.0.0.1:" + port + "/");
    }

    synchronized void cut(Outage outage) throws IOException {
        if (outage == Outage.REFUSED) {
            listening.close();
            closeAll();
        } else {
            blackHoled = true;
        }
    }

    synchronized void restore() throws IOException {
        if (blackHoled) {
            blackHoled = false;
            closeAll(); // what was open during the cut has lost bytes: it cannot go on
        }
        if (listening.isClosed()) {
            listen(port);
        }
    }

    private void listen(int onPort) throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort), 128);
        listening = socket;
        port = socket.getLocalPort();
        Thread acceptor = new Thread(() -> accept(socket), "db-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void accept(ServerSocket socket) {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                sockets.add(client);
                if (blackHoled) {
                    continue; // accepted, never answered
                }
                Socket server = new Socket(targetHost, targetPort);
                sockets.add(server);
                pump(client, server);
                pump(server, client);
            } catch (IOException e) {
                // the port was closed by a cut, or one connection failed: the others go on
            }
        }
    }

    /** Copies bytes from one side to the other until either closes; while black-holed, swallows them. */
    private void pump(Socket from, Socket to) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    if (!blackHoled) {
                        out.write(buffer, 0, read);
                        out.flush();
                    }
                }
            } catch (IOException e) {
                // closed by a cut or by either side
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                sockets.remove(from);
                sockets.remove(to);
            }
        }, "db-proxy-pump");
        thread.setDaemon(true);
        thread.start();
    }

    private void closeAll() {
        for (Socket socket : sockets) {
            closeQuietly(socket);
        }
        sockets.clear();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already gone
        }
    }

    @Override
    public synchronized void close() throws IOException {
        blackHoled = false;
        listening.close();
        closeAll();
    }
}
