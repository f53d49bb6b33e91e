package io.github.qlikevents.camel.polling;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Queue;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.github.qlikevents.camel.decoding.QlikEventDecoder;
import io.github.qlikevents.camel.decoding.QlikEventFormatException;
import io.github.qlikevents.camel.decoding.QlikJson;
import io.github.qlikevents.camel.http.HttpResult;
import io.github.qlikevents.camel.http.QlikApiClient;
import io.github.qlikevents.camel.http.QlikApiException;

/**
 * One day of Qlik's audit archive ({@code GET /api/v1/audits/archive?date=}, the whole day in one {@code data} array,
 * in no documented order), streamed to a temporary file and indexed: each item's {@code eventTime}, {@code eventId}
 * and place in the file, sorted by time then id. Items are decoded one page at a time from the file, so a day of any
 * size costs the index, not the day. Delete it with {@link #close()}.
 */
final class ArchiveDay implements Closeable {

    private static final Comparator<Entry> ORDER = Comparator
            .comparing(Entry::time, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Entry::id, Comparator.nullsFirst(Comparator.naturalOrder()));

    /** Where one item sits in the file. */
    private record Entry(Instant time, String id, long start, int length) {
    }

    private final LocalDate day;
    private final Path file;
    private final List<Entry> entries;
    private final FileChannel channel;
    private final QlikEventDecoder decoder = QlikEventDecoder.getDefault();

    private ArchiveDay(LocalDate day, Path file, List<Entry> entries) throws IOException {
        this.day = day;
        this.file = file;
        this.entries = entries;
        this.channel = file == null ? null : FileChannel.open(file);
    }

    /**
     * Downloads and indexes one day; a day the tenant has no archive for (404) is empty.
     *
     * @throws QlikApiException when the tenant refuses otherwise (a 403 comes as its authentication exception)
     */
    static ArchiveDay fetch(QlikApiClient api, LocalDate day) throws IOException {
        Path file = Files.createTempFile("qlik-archive-" + day + "-", ".json");
        try {
            HttpResult result = api.download(api.tenant().resolve("/api/v1/audits/archive?date=" + day), file);
            if (result.status() == 404) {
                Files.deleteIfExists(file);
                return new ArchiveDay(day, null, List.of());
            }
            if (!result.ok()) {
                throw new QlikApiException("GET /api/v1/audits/archive?date=" + day + " on tenant "
                                           + api.tenant().host() + " answered HTTP " + result.status() + ": "
                                           + result.errorSummary(), result.status(), null);
            }
            return new ArchiveDay(day, file, index(file));
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    /** False when the tenant has no archive for the day (404). */
    boolean found() {
        return file != null;
    }

    /** The number of items of the day. */
    int size() {
        return entries.size();
    }

    /** Items {@code from} to {@code from + count}, in time order, decoded; an invalid one keeps its raw JSON. */
    AuditPage page(int from, int count) {
        Queue<PolledItem> items = new ArrayDeque<>();
        for (Entry entry : entries.subList(from, Math.min(entries.size(), from + count))) {
            byte[] json = read(entry);
            try {
                items.add(PolledItem.valid(decoder.decode(json)));
            } catch (QlikEventFormatException e) {
                items.add(PolledItem.invalid(json, e));
            }
        }
        return new AuditPage(items, null);
    }

    private byte[] read(Entry entry) {
        ByteBuffer buffer = ByteBuffer.allocate(entry.length());
        try {
            while (buffer.hasRemaining()) {
                if (channel.read(buffer, entry.start() + buffer.position()) < 0) {
                    throw new IOException("archive file of " + day + " ends early");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.array();
    }

    /** One pass over the file: where each item of {@code data} is, with its time and id. */
    private static List<Entry> index(Path file) throws IOException {
        List<Entry> entries = new ArrayList<>();
        try (JsonParser parser = QlikJson.mapper().getFactory().createParser(file.toFile())) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("the archive response is not a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("data".equals(name) && value == JsonToken.START_ARRAY) {
                    JsonToken token;
                    while ((token = parser.nextToken()) != JsonToken.END_ARRAY && token != null) {
                        entries.add(entry(parser, token));
                    }
                } else {
                    parser.skipChildren();
                }
            }
        }
        entries.sort(ORDER);
        return entries;
    }

    private static Entry entry(JsonParser parser, JsonToken token) throws IOException {
        long start = parser.currentTokenLocation().getByteOffset();
        String time = null;
        String id = null;
        if (token == JsonToken.START_OBJECT) {
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (value == JsonToken.VALUE_STRING && ("eventTime".equals(field) || "time".equals(field))) {
                    time = parser.getText();
                } else if (value == JsonToken.VALUE_STRING && ("eventId".equals(field) || "id".equals(field)
                                                               && id == null)) {
                    id = parser.getText();
                } else {
                    parser.skipChildren();
                }
            }
        } else {
            parser.skipChildren();
        }
        long end = parser.currentLocation().getByteOffset();
        return new Entry(instant(time), id, start, (int) (end - start));
    }

    private static Instant instant(String time) {
        try {
            return time == null ? null : OffsetDateTime.parse(time).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    @Override
    public void close() throws IOException {
        if (channel != null) {
            channel.close();
        }
        if (file != null) {
            Files.deleteIfExists(file);
        }
    }
}
