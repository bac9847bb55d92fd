package dev.frontrun.nativeio;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The program {@link FrontrunIoTest} runs in a child JVM under {@code LD_PRELOAD}. It does some real
 * socket I/O and also plain file I/O (which the library must ignore), and prints {@code key=value}
 * lines on stdout for the test to check:
 *
 * <ul>
 *   <li>{@code echo <host> <clients>}: a ServerSocket on host, that many concurrent clients each
 *       sending "hello" and reading the echo; prints {@code port=}.</li>
 *   <li>{@code unix <path>}: the same over a Unix domain socket channel.</li>
 *   <li>{@code redis <host> <port>}: sends {@code PING} on a raw socket; prints {@code reply=}.</li>
 * </ul>
 *
 * <p>Always prints {@code preloaded=true|false} (whether libfrontrun_io.so is mapped into this
 * process) and finally {@code ok}.
 */
public final class IoChild {

    private static final byte[] HELLO = "hello".getBytes(StandardCharsets.US_ASCII);

    private IoChild() {
    }

    public static void main(String[] args) throws Exception {
        boolean preloaded = Files.readString(Path.of("/proc/self/maps")).contains("libfrontrun_io.so");
        System.out.println("preloaded=" + preloaded);
        // Non-socket I/O: a file written and read back must produce no events.
        Path tmp = Files.createTempFile("frontrun-io-child", ".txt");
        Files.writeString(tmp, "not a socket");
        Files.readString(tmp);
        Files.delete(tmp);

        switch (args[0]) {
            case "echo":
                echo(args[1], Integer.parseInt(args[2]));
                break;
            case "unix":
                unix(Path.of(args[1]));
                break;
            case "redis":
                redis(args[1], Integer.parseInt(args[2]));
                break;
            default:
                throw new IllegalArgumentException(args[0]);
        }
        System.out.println("ok");
    }

    private static void echo(String host, int clients) throws Exception {
        InetAddress addr = InetAddress.getByName(host);
        try (ServerSocket server = new ServerSocket(0, 50, addr)) {
            int port = server.getLocalPort();
            System.out.println("port=" + port);
            Thread acceptor = new Thread(() -> {
                List<Thread> handlers = new ArrayList<>();
                try {
                    for (int i = 0; i < clients; i++) {
                        Socket s = server.accept();
                        Thread h = new Thread(() -> serve(s));
                        h.start();
                        handlers.add(h);
                    }
                    for (Thread h : handlers) {
                        h.join();
                    }
                } catch (IOException | InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            acceptor.start();
            List<Thread> clientThreads = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                Thread t = new Thread(() -> {
                    try (Socket c = new Socket(addr, port)) {
                        c.getOutputStream().write(HELLO);
                        byte[] back = c.getInputStream().readNBytes(HELLO.length);
                        check(back);
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                });
                t.start();
                clientThreads.add(t);
            }
            for (Thread t : clientThreads) {
                t.join();
            }
            acceptor.join();
        }
    }

    private static void serve(Socket s) {
        try (s) {
            InputStream in = s.getInputStream();
            OutputStream out = s.getOutputStream();
            out.write(in.readNBytes(HELLO.length));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void unix(Path path) throws Exception {
        UnixDomainSocketAddress addr = UnixDomainSocketAddress.of(path);
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(addr);
            Thread t = new Thread(() -> {
                try (SocketChannel s = server.accept()) {
                    ByteBuffer buf = ByteBuffer.allocate(HELLO.length);
                    while (buf.hasRemaining() && s.read(buf) >= 0) {
                        // keep reading
                    }
                    s.write(buf.flip());
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            t.start();
            try (SocketChannel c = SocketChannel.open(addr)) {
                c.write(ByteBuffer.wrap(HELLO));
                ByteBuffer buf = ByteBuffer.allocate(HELLO.length);
                while (buf.hasRemaining() && c.read(buf) >= 0) {
                    // keep reading
                }
                check(buf.array());
            }
            t.join();
        } finally {
            Files.deleteIfExists(path);
        }
    }

    private static void redis(String host, int port) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), 5_000);
            s.setSoTimeout(5_000);
            s.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            byte[] buf = new byte[64];
            int n = s.getInputStream().read(buf);
            System.out.println("reply=" + new String(buf, 0, Math.max(n, 0), StandardCharsets.US_ASCII).trim());
        }
    }

    private static void check(byte[] back) {
        if (!java.util.Arrays.equals(back, HELLO)) {
            throw new IllegalStateException("bad echo: " + new String(back, StandardCharsets.US_ASCII));
        }
    }
}
