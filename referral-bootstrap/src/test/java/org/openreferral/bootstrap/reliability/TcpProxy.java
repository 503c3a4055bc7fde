package org.openreferral.bootstrap.reliability;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A loopback TCP proxy that tests put between the app and a dependency, to take the dependency away in the
 * two ways that matter: {@link #refuse()} (it is down: every connection is closed at once) and
 * {@link #blackhole()} (the network is partitioned: nothing the app sends arrives, nothing fails either).
 * In front of PostgreSQL ({@link #forPostgres}) it can also lose the one reply that matters most:
 * {@link #loseReplyToCommit} lets a chosen transaction's COMMIT reach the database and cuts the connection
 * before the answer gets back.
 */
public final class TcpProxy implements AutoCloseable {

    /** What the proxy does with traffic. */
    public enum Mode { FORWARD, REFUSE, BLACKHOLE }

    private final InetSocketAddress upstream;
    private final ServerSocket server;
    private final Set<Link> links = ConcurrentHashMap.newKeySet();
    private final Set<Socket> held = ConcurrentHashMap.newKeySet();
    private final boolean postgres;
    private final AtomicReference<CommitCut> armed = new AtomicReference<>();
    private volatile Mode mode = Mode.FORWARD;
    private volatile boolean closed;

    public TcpProxy(int upstreamPort) {
        this(upstreamPort, false);
    }

    /** A proxy that reads the PostgreSQL protocol the client speaks, so that {@link #loseReplyToCommit} can work. */
    public static TcpProxy forPostgres(int upstreamPort) {
        return new TcpProxy(upstreamPort, true);
    }

    private TcpProxy(int upstreamPort, boolean postgres) {
        this.postgres = postgres;
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

    /**
     * The next transaction that runs SQL containing {@code sqlFragment} (case-insensitive) with {@code marker} in
     * that statement's parameters (any, when null) is let through up to its COMMIT; the database gets the COMMIT and
     * commits, and its reply is dropped: the connection is closed both ways instead. Only one transaction is cut; a
     * chosen transaction that rolls back passes the choice on to the next one.
     */
    public CommitCut loseReplyToCommit(String sqlFragment, String marker) {
        if (!postgres) {
            throw new IllegalStateException("only a proxy made with forPostgres reads the protocol");
        }
        CommitCut cut = new CommitCut(sqlFragment, marker);
        armed.set(cut);
        return cut;
    }

    /** Forgets a {@link #loseReplyToCommit} that found no transaction. */
    public void disarm() {
        armed.set(null);
    }

    /** A commit whose reply is to be lost; tells when it was. */
    public static final class CommitCut {
        private final String sqlFragment;
        private final String marker;
        private final CountDownLatch cut = new CountDownLatch(1);

        private CommitCut(String sqlFragment, String marker) {
            this.sqlFragment = sqlFragment;
            this.marker = marker;
        }

        /** Whether the COMMIT went through and its reply was dropped, waiting at most {@code timeout}. */
        public boolean awaitCut(Duration timeout) throws InterruptedException {
            return cut.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }

        boolean chooses(PostgresFrontendScanner.Statement statement) {
            return statement.mentions(sqlFragment, marker);
        }
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
        private final PostgresFrontendScanner scanner = postgres ? new PostgresFrontendScanner() : null;
        private volatile boolean severed;
        /** The cut this connection's current transaction was chosen for (upstream thread only). */
        private CommitCut chosen;
        /** Set before the chosen transaction's COMMIT is passed on: whatever comes back is its reply. */
        private volatile CommitCut dropReply;

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
                    if (upstreamDirection && scanner != null) {
                        follow(scanner.feed(buffer, read));
                    }
                    CommitCut lost = dropReply;
                    if (!upstreamDirection && lost != null) {
                        // The COMMIT was delivered and this is its answer: it never reaches the app.
                        close();
                        lost.cut.countDown();
                        return;
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

        private void follow(List<PostgresFrontendScanner.Statement> statements) {
            for (PostgresFrontendScanner.Statement statement : statements) {
                if (chosen == null) {
                    CommitCut cut = armed.get();
                    if (cut != null && cut.chooses(statement) && armed.compareAndSet(cut, null)) {
                        chosen = cut;
                    }
                } else if (statement.isCommit()) {
                    dropReply = chosen;
                } else if (statement.isRollback()) {
                    armed.compareAndSet(null, chosen);
                    chosen = null;
                }
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
