package dev.shop.localstack;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;


/** The proxy against a real echo server on loopback: each fault does what the system tests rely on. */
class FaultProxyTest {

    private static final byte[] MESSAGE = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private ServerSocket echo;
    private FaultProxy proxy;

    @BeforeEach
    void start() throws IOException {
        echo = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread server = new Thread(this::echoLoop, "echo");
        server.setDaemon(true);
        server.start();
        proxy = FaultProxy.start("test", echo.getLocalPort());
    }

    @AfterEach
    void stop() throws IOException {
        proxy.close();
        echo.close();
    }

    @Test
    void withoutAFaultBytesGoThroughUnchanged() throws IOException {
        try (Socket socket = connect(2000)) {
            assertThat(roundTrip(socket)).containsExactly(MESSAGE);
        }
    }

    @Test
    void delayedAnswersArriveLate() throws IOException {
        proxy.delayAnswers(Duration.ofMillis(400));
        try (Socket socket = connect(3000)) {
            long started = System.nanoTime();
            assertThat(roundTrip(socket)).containsExactly(MESSAGE);
            assertThat(Duration.ofNanos(System.nanoTime() - started).toMillis() >= 400).isTrue();
        }
    }

    @Test
    void aResetCutsTheAnswerHalfwayAndOnlyOnce() throws IOException {
        proxy.resetAnswers(1);
        try (Socket socket = connect(2000)) {
            socket.getOutputStream().write(MESSAGE);
            InputStream in = socket.getInputStream();
            int received = 0;
            try {
                while (in.read() >= 0) {
                    received++;
                }
            } catch (IOException reset) {
                // the expected way for it to end
            }
            assertThat(received < MESSAGE.length).as("got " + received + " bytes").isTrue();
        }
        try (Socket socket = connect(2000)) {
            assertThat(roundTrip(socket)).containsExactly(MESSAGE);
        }
    }

    @Test
    void aBlackHoleNeverAnswers() throws IOException {
        proxy.blackHole();
        try (Socket socket = connect(300)) {
            socket.getOutputStream().write(MESSAGE);
            assertThatThrownBy(() -> socket.getInputStream().read()).isInstanceOf(SocketTimeoutException.class);
        }
    }

    @Test
    void aStalledConnectionPassesWhatItHeldOnceHealed() throws IOException {
        try (Socket socket = connect(300)) {
            proxy.stall();
            socket.getOutputStream().write(MESSAGE);
            assertThatThrownBy(() -> socket.getInputStream().read()).isInstanceOf(SocketTimeoutException.class);
            proxy.heal();
            socket.setSoTimeout(2000);
            assertThat(socket.getInputStream().readNBytes(MESSAGE.length)).containsExactly(MESSAGE);
        }
    }

    @Test
    void aCutResetsOpenConnectionsAndRefusesNewOnesUntilHealed() throws IOException {
        try (Socket open = connect(2000)) {
            assertThat(roundTrip(open)).containsExactly(MESSAGE);
            proxy.cut();
            assertThatThrownBy(() -> {
                roundTrip(open);
                roundTrip(open);
            }).isInstanceOf(IOException.class);
        }
        try (Socket fresh = connect(2000)) {
            assertThatThrownBy(() -> roundTrip(fresh)).isInstanceOf(IOException.class);
        }
        proxy.heal();
        try (Socket socket = connect(2000)) {
            assertThat(roundTrip(socket)).containsExactly(MESSAGE);
        }
    }

    private Socket connect(int readTimeoutMillis) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), proxy.port());
        socket.setSoTimeout(readTimeoutMillis);
        return socket;
    }

    private static byte[] roundTrip(Socket socket) throws IOException {
        socket.getOutputStream().write(MESSAGE);
        socket.getOutputStream().flush();
        byte[] answer = socket.getInputStream().readNBytes(MESSAGE.length);
        if (answer.length < MESSAGE.length) {
            throw new EOFException("the connection ended after " + answer.length + " bytes");
        }
        return answer;
    }

    private void echoLoop() {
        while (!echo.isClosed()) {
            try {
                Socket client = echo.accept();
                Thread copy = new Thread(() -> {
                    try (client; InputStream in = client.getInputStream(); OutputStream out = client.getOutputStream()) {
                        in.transferTo(out);
                    } catch (IOException ignored) {
                        // the client went away
                    }
                }, "echo-connection");
                copy.setDaemon(true);
                copy.start();
            } catch (IOException e) {
                return;
            }
        }
    }
}
