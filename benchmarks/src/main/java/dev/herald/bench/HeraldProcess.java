package dev.herald.bench;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The Herald server in a JVM of its own ({@code java -cp <this jar> dev.herald.server.Main}), so its memory can be
 * read from /proc: VmRSS is sampled every 100 ms, VmHWM (the kernel's peak) read at the end.
 */
final class HeraldProcess implements AutoCloseable {
    static final String ADMIN_KEY = "bench-admin-key-0123456789";

    private final Process process;
    private final int port;
    private final Thread sampler;
    private volatile long peakRssKib;
    private volatile boolean sampling = true;

    private HeraldProcess(Process process, int port) {
        this.process = process;
        this.port = port;
        this.sampler = new Thread(this::sample, "rss-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    static HeraldProcess start(String dbUrl, List<String> jvmOptions, Map<String, String> extraEnv, Path log)
            throws IOException, InterruptedException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> command = new ArrayList<>();
        command.add(javaCommand());
        command.addAll(jvmOptions);
        command.add("-Djdk.httpclient.allowRestrictedHeaders=host");
        command.add("-cp");
        command.add(ownJar());
        command.add("dev.herald.server.Main");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(k -> k.startsWith("HERALD_"));
        env.put("HERALD_PORT", Integer.toString(port));
        env.put("HERALD_DB_URL", dbUrl);
        env.put("HERALD_ADMIN_KEY", ADMIN_KEY);
        env.put("HERALD_ALLOW_HTTP", "true");
        env.put("HERALD_ALLOW_PRIVATE_NETWORKS", "true");
        env.putAll(extraEnv);
        HeraldProcess herald = new HeraldProcess(builder.start(), port);
        herald.awaitHealthy(log);
        return herald;
    }

    /** The java launcher of this JVM, for the processes the benchmark starts. */
    static String javaCommand() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static String ownJar() {
        try {
            return new File(HeraldProcess.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getPath();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void awaitHealthy(Path log) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Herald exited at start:\n" + Files.readString(log));
            }
            try {
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("Herald did not become healthy in 60 s:\n" + Files.readString(log));
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    long pid() {
        return process.pid();
    }

    private void sample() {
        while (sampling) {
            peakRssKib = Math.max(peakRssKib, status("VmRSS:"));
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** CPU time (user + system) the Herald process has used so far, in seconds. */
    double cpuSeconds() {
        try {
            String stat = Files.readString(Path.of("/proc/" + process.pid() + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0; // utime, stime in ticks
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** Peak resident set size in MiB: the kernel's VmHWM, or the sampled peak of VmRSS if larger. */
    double peakRssMib() {
        return Math.max(peakRssKib, status("VmHWM:")) / 1024.0;
    }

    private long status(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.substring(field.length()).replace("kB", "").strip());
                }
            }
        } catch (IOException | RuntimeException gone) {
            // the process has exited
        }
        return 0;
    }

    @Override
    public void close() throws InterruptedException {
        sampling = false;
        process.destroy(); // SIGTERM: the server's own graceful stop
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
