package dev.herald.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The largest size the file reached, sampled every 250 ms. */
final class FileSizeSampler extends Thread {
    private final Path file;
    private volatile long peak;

    FileSizeSampler(Path file) {
        super("file-size-sampler");
        this.file = file;
        setDaemon(true);
    }

    @Override
    public void run() {
        try {
            while (!isInterrupted()) {
                peak = Math.max(peak, Files.size(file));
                Thread.sleep(250);
            }
        } catch (IOException | InterruptedException e) {
            // stopped
        }
    }

    long peak() {
        return peak;
    }
}
