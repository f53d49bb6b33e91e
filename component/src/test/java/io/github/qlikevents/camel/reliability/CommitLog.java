package io.github.qlikevents.camel.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.service.ServiceSupport;

/**
 * What a route committed, one event id per line, each line one write (so a SIGKILL never tears it). As an idempotent
 * repository, an id counts as processed once its line is written (on confirm), which makes the file exactly what the
 * route committed.
 */
final class CommitLog extends ServiceSupport implements IdempotentRepository {

    private final FileChannel channel;
    private final Set<String> committed = ConcurrentHashMap.newKeySet();
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();

    CommitLog(Path file) throws IOException {
        if (Files.exists(file)) {
            committed.addAll(Files.readAllLines(file));
        }
        channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
    }

    /** Writes the id as a line, whether seen before or not. */
    void append(String id) {
        try {
            channel.write(ByteBuffer.wrap((id + "\n").getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        committed.add(id);
    }

    @Override
    public boolean add(String key) {
        return !committed.contains(key) && inFlight.add(key);
    }

    @Override
    public boolean contains(String key) {
        return committed.contains(key) || inFlight.contains(key);
    }

    @Override
    public boolean remove(String key) {
        return inFlight.remove(key);
    }

    @Override
    public boolean confirm(String key) {
        append(key);
        return inFlight.remove(key);
    }

    @Override
    public void clear() {
        inFlight.clear();
    }
}
