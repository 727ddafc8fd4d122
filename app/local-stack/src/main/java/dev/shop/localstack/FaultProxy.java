package dev.shop.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP proxy on loopback that the system tests put between two parts of the shop to make the network
 * misbehave on demand: answers late, a stalled connection, a connection reset halfway through an answer,
 * a black hole, or the far side gone. Without a fault it forwards bytes unchanged.
 *
 * <p>"Answers" are the bytes the upstream side sends back (HTTP responses, database and Redis replies);
 * requests always go through as they come unless the proxy is stalled or a black hole.
 */
public final class FaultProxy implements AutoCloseable {

    private static final int BUFFER = 16 * 1024;

    private final String name;
    private final InetSocketAddress upstream;
    private final ServerSocket listener;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Object faults = new Object();
    private Duration answerDelay = Duration.ZERO;
    private boolean stalled;
    private boolean blackHole;
    private boolean gone;
    private int resetsLeft;

    private FaultProxy(String name, InetSocketAddress upstream, ServerSocket listener) {
        this.name = name;
        this.upstream = upstream;
        this.listener = listener;
    }

    /** Listens on a free loopback port and forwards to {@code upstreamPort} on loopback. */
    public static FaultProxy start(String name, int upstreamPort) {
        ServerSocket listener;
        try {
            listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException("no port for proxy " + name, e);
        }
        FaultProxy proxy = new FaultProxy(name,
                new InetSocketAddress(InetAddress.getLoopbackAddress(), upstreamPort), listener);
        daemon(name + "-accept", proxy::acceptLoop).start();
        return proxy;
    }

    public String name() {
        return name;
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** Every answer chunk waits this long before it is passed on. */
    public void delayAnswers(Duration delay) {
        synchronized (faults) {
            answerDelay = delay;
        }
    }

    /** Open connections stop moving bytes either way, and new ones are accepted but hang, until {@link #heal()}. */
    public void stall() {
        synchronized (faults) {
            stalled = true;
        }
    }

    /** The next {@code count} answers are cut after their first half with a TCP reset. */
    public void resetAnswers(int count) {
        synchronized (faults) {
            resetsLeft = count;
        }
    }

    /** Everything sent either way is dropped and nothing ever answers, until {@link #heal()}. */
    public void blackHole() {
        synchronized (faults) {
            blackHole = true;
        }
    }

    /** The far side is gone: open connections are reset, new ones too, until {@link #heal()}. */
    public void cut() {
        synchronized (faults) {
            gone = true;
        }
        open.forEach(FaultProxy::reset);
    }

    /** No fault any more; a stalled connection passes on what it held. */
    public void heal() {
        synchronized (faults) {
            answerDelay = Duration.ZERO;
            stalled = false;
            blackHole = false;
            gone = false;
            resetsLeft = 0;
            faults.notifyAll();
        }
    }

    @Override
    public void close() {
        heal();
        try {
            listener.close();
        } catch (IOException ignored) {
            // closing is all we wanted
        }
        open.forEach(FaultProxy::reset);
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                return; // closed
            }
            daemon(name + "-connection", () -> serve(client)).start();
        }
    }

    private void serve(Socket client) {
        open.add(client);
        Socket server = new Socket();
        try {
            synchronized (faults) {
                if (gone) {
                    reset(client);
                    return;
                }
            }
            awaitNotStalled();
            server.connect(upstream, 2000);
            open.add(server);
            daemon(name + "-request", () -> pump(client, server, false)).start();
            pump(server, client, true);
        } catch (IOException e) {
            reset(client);
        } finally {
            open.remove(client);
            open.remove(server);
        }
    }

    /** Copies one direction until either side closes; {@code answers} is the upstream-to-client direction. */
    private void pump(Socket from, Socket to, boolean answers) {
        byte[] buffer = new byte[BUFFER];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                if (!deliver(buffer, read, to, out, answers)) {
                    return;
                }
            }
            to.shutdownOutput();
        } catch (IOException e) {
            reset(from);
            reset(to);
        }
    }

    /** Applies the faults to one chunk; false when the connection was cut. */
    private boolean deliver(byte[] chunk, int length, Socket to, OutputStream out, boolean answer) throws IOException {
        awaitNotStalled();
        Duration delay;
        boolean resetThis;
        synchronized (faults) {
            if (blackHole) {
                return true;
            }
            delay = answer ? answerDelay : Duration.ZERO;
            resetThis = answer && resetsLeft > 0;
            if (resetThis) {
                resetsLeft--;
            }
        }
        sleep(delay);
        if (resetThis) {
            out.write(chunk, 0, Math.max(1, length / 2));
            out.flush();
            reset(to);
            return false;
        }
        out.write(chunk, 0, length);
        out.flush();
        return true;
    }

    private void awaitNotStalled() {
        synchronized (faults) {
            while (stalled) {
                try {
                    faults.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Closes with SO_LINGER 0: the peer sees a reset, not an orderly end. */
    private static void reset(Socket socket) {
        try {
            if (!socket.isClosed() && socket.isConnected()) {
                socket.setSoLinger(true, 0);
            }
            socket.close();
        } catch (SocketException ignored) {
            // already gone
        } catch (IOException ignored) {
            // closing is all we wanted
        }
    }

    private static void sleep(Duration delay) {
        if (delay.isZero()) {
            return;
        }
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Thread daemon(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }
}
