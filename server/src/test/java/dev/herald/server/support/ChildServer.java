package dev.herald.server.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real server ({@code dev.herald.server.Main}) in a child JVM, so a test can kill it for real: SIGKILL with
 * {@link #kill()}, SIGTERM with {@link #terminate()}. Its output goes to a log file for diagnosis.
 */
public final class ChildServer implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("listening on http://localhost:(\\d+)");

    private final Process process;
    private final int port;
    private final Path log;

    private ChildServer(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts the server with these HERALD_* variables (HERALD_PORT defaults to 0) and waits until it listens. */
    public static ChildServer start(Map<String, String> environment, Path log) throws IOException {
        return start(environment, log, "512m");
    }

    /** The same, with the heap bounded to {@code maxHeap} (e.g. the README's {@code 256m}). */
    public static ChildServer start(Map<String, String> environment, Path log, String maxHeap) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + maxHeap,
                "-Djdk.httpclient.allowRestrictedHeaders=host",
                "-cp", System.getProperty("java.class.path"),
                "dev.herald.server.Main"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("HERALD_PORT", "0");
        builder.environment().putAll(environment);
        Files.createDirectories(log.getParent());
        Process process = builder.start();
        CompletableFuture<Integer> port = new CompletableFuture<>();
        Thread pump = new Thread(() -> pump(process, log, port), "child-server-output");
        pump.setDaemon(true);
        pump.start();
        try {
            return new ChildServer(process, port.get(60, TimeUnit.SECONDS), log);
        } catch (Exception e) {
            process.destroyForcibly();
            throw new IOException("the child server did not start; see " + log, e);
        }
    }

    /** Copies the child's output to the log and picks the port out of its start line. */
    private static void pump(Process process, Path log, CompletableFuture<Integer> port) {
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             var writer = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                writer.write(line);
                writer.newLine();
                writer.flush();
                Matcher m = LISTENING.matcher(line);
                if (m.find()) {
                    port.complete(Integer.parseInt(m.group(1)));
                }
            }
        } catch (IOException e) {
            port.completeExceptionally(e);
        }
        port.completeExceptionally(new IOException("the child server exited before listening"));
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    public Path log() {
        return log;
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed or released. */
    public void kill() throws InterruptedException {
        // Through the handle: Process.destroy*() also closes our end of the output pipe, losing the last lines.
        process.toHandle().destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM, then waits for the graceful stop; the exit code. */
    public int terminate(Duration timeout) throws InterruptedException {
        // Through the handle: Process.destroy() would close our end of the output pipe, losing the shutdown's log.
        process.toHandle().destroy();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("the child server did not stop within " + timeout + "; see " + log);
        }
        return process.exitValue();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
