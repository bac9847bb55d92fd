package dev.frontrun.nativeio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Runs {@link IoChild} in child JVMs with {@code LD_PRELOAD=libfrontrun_io.so} and checks the event
 * stream the library writes: {@code <kind>\t<resource>\t<fd>\t<pid>\t<tid>} lines for sockets only,
 * through {@code FRONTRUN_IO_LOG} (a file) or {@code FRONTRUN_IO_FD} (an inherited pipe), and nothing
 * at all when neither is set.
 *
 * <p>The library is taken from the test class path ({@code linux-x86-64/libfrontrun_io.so} in
 * target/classes). On Linux x86-64 a missing library is a failure; elsewhere the tests are skipped.
 */
class FrontrunIoTest {

    private static final String LIB_RESOURCE = "/linux-x86-64/libfrontrun_io.so";
    private static final Set<String> KINDS = Set.of("connect", "read", "write", "close");

    private static Path library;

    @TempDir
    Path dir;

    @BeforeAll
    static void findLibrary() throws URISyntaxException {
        URL url = FrontrunIoTest.class.getResource(LIB_RESOURCE);
        String platform = System.getProperty("os.name") + "/" + System.getProperty("os.arch");
        boolean linuxAmd64 = System.getProperty("os.name").equals("Linux")
                && System.getProperty("os.arch").equals("amd64");
        if (linuxAmd64 && Boolean.getBoolean("frontrun.native.required")) {
            assertNotNull(url, LIB_RESOURCE + " missing from the class path on " + platform
                    + ": the native-linux-x86-64 profile should have built it with gcc");
        } else {
            assumeTrue(url != null, "libfrontrun_io.so was not built: it needs Linux x86-64 and gcc at build time ("
                    + platform + ")");
        }
        library = Path.of(url.toURI());
    }

    /** A line of the event protocol. */
    record Event(String kind, String resource, int fd, long pid, long tid) {

        static Event parse(String line) {
            String[] f = line.split("\t", -1);
            assertEquals(5, f.length, () -> "not 5 tab-separated fields: " + line);
            assertTrue(KINDS.contains(f[0]), () -> "unknown kind: " + line);
            return new Event(f[0], f[1], Integer.parseInt(f[2]), Long.parseLong(f[3]), Long.parseLong(f[4]));
        }
    }

    /** What a child JVM did. */
    record Result(int exit, String stdout, String stderr, List<Event> events, long pid) {

        String describe() {
            return "exit " + exit + "\n--- stdout\n" + stdout + "--- stderr\n" + stderr
                    + "--- events\n" + events.stream().map(Event::toString).collect(Collectors.joining("\n"));
        }

        String value(String key) {
            return stdout.lines().filter(l -> l.startsWith(key + "="))
                    .map(l -> l.substring(key.length() + 1)).findFirst()
                    .orElseThrow(() -> new AssertionError("no " + key + "= in\n" + describe()));
        }
    }

    @ParameterizedTest(name = "{0} preferIPv4Stack={1}")
    @CsvSource({"127.0.0.1, false", "127.0.0.1, true", "::1, false"})
    void logsSocketEventsToFile(String host, boolean preferIPv4) throws Exception {
        if (host.contains(":")) {
            assumeTrue(ipv6LoopbackWorks(), "IPv6 loopback ::1 is not available here");
        }
        Path log = dir.resolve("events.log");
        int clients = 4;
        Result r = runChild(Map.of("FRONTRUN_IO_LOG", log.toString()), log,
                List.of("-Djava.net.preferIPv4Stack=" + preferIPv4), "echo", host, String.valueOf(clients));
        assertChildOk(r);

        // Both ends name the connection after the server endpoint; v4-mapped addresses print as IPv4.
        String port = r.value("port");
        String resource = host.contains(":") ? "socket:[" + host + "]:" + port : "socket:" + host + ":" + port;
        assertSocketEventsOnly(r, Set.of(resource));
        for (String kind : KINDS) {
            long n = r.events().stream().filter(e -> e.kind().equals(kind)).count();
            // every client and every accepted socket connects, writes, reads and closes at least once
            assertTrue(n >= 2L * clients, () -> kind + " events: " + n + "\n" + r.describe());
        }
        assertEquals(2 * clients, r.events().stream().filter(e -> e.kind().equals("connect")).count(),
                r::describe);
    }

    @Test
    void logsUnixSocketEvents() throws Exception {
        Path log = dir.resolve("events.log");
        Path sock = dir.resolve("s.sock");
        Result r = runChild(Map.of("FRONTRUN_IO_LOG", log.toString()), log, List.of(), "unix", sock.toString());
        assertChildOk(r);
        assertSocketEventsOnly(r, Set.of("socket:unix:" + sock));
        assertTrue(r.events().stream().map(Event::kind).collect(Collectors.toSet()).containsAll(KINDS),
                r::describe);
    }

    @Test
    void writesEventsToInheritedPipeFd() throws Exception {
        // sh opens fd 3 on the pipe that is the child's stdout, sends stdout itself to a file, and
        // execs the JVM, which inherits fd 3 (FRONTRUN_IO_FD=3).
        Path out = dir.resolve("child.out");
        List<String> cmd = new ArrayList<>(List.of("/bin/sh", "-c", "exec \"$@\" 3>&1 1>\"$CHILD_OUT\"", "sh"));
        cmd.addAll(javaCommand(List.of(), "echo", "127.0.0.1", "1"));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile())
                .redirectError(dir.resolve("child.err").toFile());
        cleanEnvironment(pb.environment());
        pb.environment().put("LD_PRELOAD", library.toString());
        pb.environment().put("FRONTRUN_IO_FD", "3");
        pb.environment().put("CHILD_OUT", out.toString());
        Process p = pb.start();
        String pipe;
        try (InputStream in = p.getInputStream()) {
            pipe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "child timed out");
        Result r = new Result(p.exitValue(), Files.readString(out), Files.readString(dir.resolve("child.err")),
                parse(pipe), p.pid());
        assertChildOk(r);
        String resource = "socket:127.0.0.1:" + r.value("port");
        assertSocketEventsOnly(r, Set.of(resource));
        assertTrue(r.events().stream().map(Event::kind).collect(Collectors.toSet()).containsAll(KINDS),
                r::describe);
    }

    @Test
    void isInertWithoutFrontrunIoEnvironment() throws Exception {
        Path work = Files.createDirectory(dir.resolve("work"));
        Result r = runChild(work, Map.of(), null, List.of(), "echo", "127.0.0.1", "2");
        assertChildOk(r);
        try (Stream<Path> files = Files.list(work)) {
            assertEquals(List.of(), files.collect(Collectors.toList()), "the inert library wrote files");
        }
        // JVM warnings are tolerated; anything from the library (or ld.so about it) is not.
        String err = r.stderr().toLowerCase(Locale.ROOT);
        assertFalse(err.contains("frontrun") || err.contains("ld.so"), r::describe);
    }

    @Test
    void talksToRedisAndReportsIt() throws Exception {
        assumeTrue(redisAnswers(), "no Redis answering PING at 127.0.0.1:6379");
        Path log = dir.resolve("events.log");
        Result r = runChild(Map.of("FRONTRUN_IO_LOG", log.toString()), log, List.of(), "redis", "127.0.0.1", "6379");
        assertChildOk(r);
        assertEquals("+PONG", r.value("reply"), r::describe);
        assertSocketEventsOnly(r, Set.of("socket:127.0.0.1:6379"));
        assertEquals(List.of("connect", "write", "read", "close"),
                r.events().stream().map(Event::kind).distinct().collect(Collectors.toList()), r::describe);
    }

    // ------------------------------------------------------------------------------------------

    private static void assertChildOk(Result r) {
        assertEquals(0, r.exit(), r::describe);
        assertTrue(r.stdout().lines().anyMatch("ok"::equals), r::describe);
        assertEquals("true", r.value("preloaded"), () -> "library not mapped into the child\n" + r.describe());
    }

    /**
     * Every event is for one of the expected sockets, comes from the child, and follows the life of
     * its fd: connect first, then reads and writes, close last. A read or write on a jar, a file or
     * the JVM's own pipes would show up as an fd that was never connected.
     */
    private static void assertSocketEventsOnly(Result r, Set<String> resources) {
        assertFalse(r.events().isEmpty(), r::describe);
        Set<Integer> open = new HashSet<>();
        for (Event e : r.events()) {
            assertTrue(resources.contains(e.resource()), () -> "unexpected resource " + e + "\n" + r.describe());
            assertEquals(r.pid(), e.pid(), r::describe);
            assertTrue(e.tid() > 0, r::describe);
            switch (e.kind()) {
                case "connect":
                    assertTrue(open.add(e.fd()), () -> "connect on an open fd: " + e + "\n" + r.describe());
                    break;
                case "close":
                    assertTrue(open.remove(e.fd()), () -> "close of an untracked fd: " + e + "\n" + r.describe());
                    break;
                default:
                    assertTrue(open.contains(e.fd()), () -> "I/O on an untracked fd: " + e + "\n" + r.describe());
            }
        }
        assertEquals(Set.of(), open, () -> "sockets never closed\n" + r.describe());
    }

    private Result runChild(Map<String, String> env, Path log, List<String> jvmArgs, String... args)
            throws IOException, InterruptedException {
        return runChild(dir, env, log, jvmArgs, args);
    }

    private Result runChild(Path workDir, Map<String, String> env, Path log, List<String> jvmArgs, String... args)
            throws IOException, InterruptedException {
        Path out = dir.resolve("child.out");
        Path err = dir.resolve("child.err");
        ProcessBuilder pb = new ProcessBuilder(javaCommand(jvmArgs, args)).directory(workDir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        cleanEnvironment(pb.environment());
        pb.environment().put("LD_PRELOAD", library.toString());
        pb.environment().putAll(env);
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("child timed out: " + Files.readString(err));
        }
        List<Event> events = log != null && Files.exists(log) ? parse(Files.readString(log)) : List.of();
        return new Result(p.exitValue(), Files.readString(out), Files.readString(err), events, p.pid());
    }

    private static List<String> javaCommand(List<String> jvmArgs, String... args) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path classes;
        try {
            classes = Path.of(IoChild.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
        List<String> cmd = new ArrayList<>(List.of(java.toString(), "-Xmx64m", "-XX:TieredStopAtLevel=1"));
        cmd.addAll(jvmArgs);
        cmd.addAll(List.of("-cp", classes.toString(), IoChild.class.getName()));
        cmd.addAll(Arrays.asList(args));
        return cmd;
    }

    /** The child gets exactly the frontrun variables a test sets, and no inherited JVM options. */
    private static void cleanEnvironment(Map<String, String> env) {
        env.keySet().removeIf(k -> k.startsWith("FRONTRUN_IO_"));
        env.remove("LD_PRELOAD");
        env.remove("JAVA_TOOL_OPTIONS");
        env.remove("JDK_JAVA_OPTIONS");
        env.remove("_JAVA_OPTIONS");
    }

    private static List<Event> parse(String text) {
        return text.lines().map(Event::parse).collect(Collectors.toList());
    }

    private static boolean ipv6LoopbackWorks() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("::1"))) {
            return s.getInetAddress() instanceof Inet6Address;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean redisAnswers() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", 6379), 2_000);
            s.setSoTimeout(2_000);
            s.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            byte[] buf = new byte[16];
            int n = s.getInputStream().read(buf);
            return n > 0 && new String(buf, 0, n, StandardCharsets.US_ASCII).startsWith("+PONG");
        } catch (IOException e) {
            return false;
        }
    }
}
