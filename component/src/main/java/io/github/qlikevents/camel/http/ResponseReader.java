package io.github.qlikevents.camel.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.EntityDetails;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.nio.AsyncResponseConsumer;
import org.apache.hc.core5.http.nio.CapacityChannel;
import org.apache.hc.core5.http.protocol.HttpContext;

/**
 * Reads one response of the non-blocking client as it arrives: its body into memory, refused past a size limit; or,
 * for a download, a 2xx body into a file with no limit (any other status into memory, to say what went wrong).
 */
final class ResponseReader implements AsyncResponseConsumer<HttpResult> {

    private final long limit;
    private final Path file;
    private int status;
    private String retryAfter;
    private ByteArrayOutputStream memory;
    private FileChannel channel;
    private long size;
    private FutureCallback<HttpResult> done;

    /**
     * @param limit the most bytes of a body held in memory
     * @param file  where a 2xx body goes, or null to keep it in memory
     */
    ResponseReader(long limit, Path file) {
        this.limit = limit;
        this.file = file;
    }

    @Override
    public void consumeResponse(HttpResponse response, EntityDetails entity, HttpContext context,
                                FutureCallback<HttpResult> callback) throws IOException {
        status = response.getCode();
        Header header = response.getFirstHeader(HttpHeaders.RETRY_AFTER);
        retryAfter = header == null ? null : header.getValue();
        if (entity == null) {
            callback.completed(new HttpResult(status, retryAfter, new byte[0]));
            return;
        }
        done = callback;
        if (file != null && status >= 200 && status < 300) {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING);
        } else {
            checkSize(entity.getContentLength());
            memory = new ByteArrayOutputStream();
        }
    }

    @Override
    public void informationResponse(HttpResponse response, HttpContext context) {
        // 1xx: nothing to keep
    }

    @Override
    public void updateCapacity(CapacityChannel capacity) throws IOException {
        capacity.update(Integer.MAX_VALUE);
    }

    @Override
    public void consume(ByteBuffer data) throws IOException {
        if (channel != null) {
            while (data.hasRemaining()) {
                channel.write(data);
            }
            return;
        }
        size += data.remaining();
        checkSize(size);
        byte[] chunk = new byte[data.remaining()];
        data.get(chunk);
        memory.write(chunk);
    }

    @Override
    public void streamEnd(List<? extends Header> trailers) throws IOException {
        byte[] body = memory == null ? new byte[0] : memory.toByteArray();
        releaseResources();
        done.completed(new HttpResult(status, retryAfter, body));
    }

    @Override
    public void failed(Exception cause) {
        releaseResources();
    }

    @Override
    public void releaseResources() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // the download failed already, or its result says so
            }
            channel = null;
        }
    }

    private void checkSize(long bytes) throws IOException {
        if (bytes > limit) {
            throw new IOException("the response (HTTP " + status + ") is larger than " + limit
                                  + " bytes, more than any answer of the API this component calls");
        }
    }
}
