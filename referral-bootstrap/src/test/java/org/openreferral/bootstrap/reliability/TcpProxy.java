package org.openreferral.bootstrap.reliability;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A loopback TCP proxy that tests put between the app and a dependency, to take the dependency away in the
 * two ways that matter: {@link #refuse()} (it is down: every connection is closed at once) and
 * {@link #blackhole()} (the network is partitioned: nothing the app sends arrives, nothing fails either).
 */
public final class TcpProxy implements AutoCloseable {

    /** What the proxy does with traffic. */
    public enum Mode { FORWARD, REFUSE, BLACKHOLE }

    private final InetSocketAddress upstream;
    private final ServerSocket server;
    private final Set<Link> links = ConcurrentHashMap.newKeySet();
    private final Set<Socket> held = ConcurrentHashMap.newKeySet();
    private volatile Mode mode = Mode.FORWARD;
    private volatile boolean closed;

    public TcpProxy(int upstreamPort) {
        this.upstream = new InetSocketAddress(InetAddress.getLoopbackAddress(), upstreamPort);
        try {
            this.server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread acceptor = new Thread(this::acceptLoop, "tcp-proxy-accept-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    public Mode mode() {
        return mode;
    }

    /** Forwards again; connections that lived through a refuse or blackhole are closed, as after a real outage. */
    public synchronized void forward() {
        if (mode != Mode.FORWARD) {
            links.forEach(Link::close);
            held.forEach(TcpProxy::closeQuietly);
            held.clear();
        }
        mode = Mode.FORWARD;
    }

    /**
     * The dependency goes down, as a stopped server does: it sees its clients leave (end of stream) and ends
     * their sessions, answers already on their way still arrive, nothing sent from now on does; open
     * connections then close, and new ones are closed as soon as they arrive.
     */
    public synchronized void refuse() {
        mode = Mode.REFUSE;
        links.forEach(Link::sever);
        held.forEach(TcpProxy::closeQuietly);
        held.clear();
    }

    /**
     * The network drops the app's packets: what the app sends on open connections is discarded, new
     * connections are accepted but never reach the dependency. Replies to requests that had already
     * arrived are still delivered, so no commit is lost in flight and "acknowledged" stays unambiguous.
     */
    public synchronized void blackhole() {
        mode = Mode.BLACKHOLE;
    }

    /** Open connections through the proxy (for assertions about the pool). */
    public int openLinks() {
        return links.size();
    }

    @Override
    public void close() {
        closed = true;
        closeQuietly(server);
        links.forEach(Link::close);
        held.forEach(TcpProxy::closeQuietly);
    }

    private void acceptLoop() {
        while (!closed) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                if (closed) {
                    return;
                }
                continue;
            }
            Mode now;
            // Decided under the lock that forward() takes, so no connection is left held after it.
            synchronized (this) {
                now = mode;
                if (now == Mode.BLACKHOLE) {
                    held.add(client);
                }
            }
            if (now == Mode.REFUSE) {
                closeQuietly(client);
            } else if (now == Mode.BLACKHOLE) {
                pump("tcp-proxy-sink", () -> drain(client));
            } else {
                connect(client);
            }
        }
    }

    private void connect(Socket client) {
        Socket target = new Socket();
        try {
            target.connect(upstream, 2000);
            client.setTcpNoDelay(true);
            target.setTcpNoDelay(true);
        } catch (IOException e) {
            closeQuietly(client);
            closeQuietly(target);
            return;
        }
        Link link = new Link(client, target);
        links.add(link);
        if (mode == Mode.REFUSE) {
            link.sever(); // the dependency went down while this connection was being opened
        }
        pump("tcp-proxy-up", () -> link.copy(client, target, true));
        pump("tcp-proxy-down", () -> link.copy(target, client, false));
    }

    private static void drain(Socket socket) {
        byte[] buffer = new byte[8192];
        try (InputStream in = socket.getInputStream()) {
            while (in.read(buffer) >= 0) {
                // discarded: the packets never arrive
            }
        } catch (IOException ignored) {
            // closed by forward(), refuse() or the peer
        }
    }

    private static void pump(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(java.io.Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException ignored) {
            // nothing to do
        }
    }

    /** One proxied connection: the app's socket and the dependency's. */
    private final class Link {
        private final Socket client;
        private final Socket target;
        private volatile boolean severed;

        Link(Socket client, Socket target) {
            this.client = client;
            this.target = target;
        }

        void copy(Socket from, Socket to, boolean upstreamDirection) {
            byte[] buffer = new byte[16384];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    if (upstreamDirection && (severed || mode != Mode.FORWARD)) {
                        continue;
                    }
                    out.write(buffer, 0, read);
                    out.flush();
                }
            } catch (IOException ignored) {
                // one side closed; the finally closes the other
            } finally {
                close();
            }
        }

        void sever() {
            severed = true;
            try {
                target.shutdownOutput();
            } catch (IOException e) {
                close();
            }
        }

        void close() {
            links.remove(this);
            closeQuietly(client);
            closeQuietly(target);
        }
    }
}
