package dev.herald.adapter.outbound;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Keeps the first {@code limit} bytes of a response body as text and stops reading there, so a receiver answering
 * with a huge or endless body costs at most one more network buffer, not memory or time.
 */
final class TruncatingBodySubscriber implements HttpResponse.BodySubscriber<String> {
    private final int limit;
    private final Charset charset;
    private final ByteArrayOutputStream kept;
    private final CompletableFuture<String> body = new CompletableFuture<>();
    private Flow.Subscription subscription;

    TruncatingBodySubscriber(int limit, HttpHeaders headers) {
        this.limit = limit;
        this.charset = charsetOf(headers);
        this.kept = new ByteArrayOutputStream(Math.min(limit, 1024));
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        if (limit == 0) {
            finish(true);
        } else {
            subscription.request(1);
        }
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        if (body.isDone()) {
            return;
        }
        for (ByteBuffer buffer : buffers) {
            int take = Math.min(buffer.remaining(), limit - kept.size());
            byte[] chunk = new byte[take];
            buffer.get(chunk);
            kept.write(chunk, 0, take);
            if (kept.size() >= limit) {
                finish(true);
                return;
            }
        }
        subscription.request(1);
    }

    @Override
    public void onError(Throwable failure) {
        body.completeExceptionally(failure);
    }

    @Override
    public void onComplete() {
        finish(false);
    }

    @Override
    public CompletionStage<String> getBody() {
        return body;
    }

    private void finish(boolean truncated) {
        if (truncated) {
            subscription.cancel(); // the rest of the body is never read
        }
        body.complete(decode(kept.toByteArray(), truncated));
    }

    /** Decodes the kept bytes; when cut short, a character split by the cut is dropped rather than mangled. */
    private String decode(byte[] bytes, boolean truncated) {
        if (!truncated) {
            return new String(bytes, charset);
        }
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        CharBuffer text = CharBuffer.allocate((int) Math.ceil(bytes.length * (double) decoder.maxCharsPerByte()));
        decoder.decode(ByteBuffer.wrap(bytes), text, false);
        return text.flip().toString();
    }

    private static Charset charsetOf(HttpHeaders headers) {
        String contentType = headers.firstValue("Content-Type").orElse("");
        for (String parameter : contentType.split(";")) {
            String[] nameAndValue = parameter.strip().split("=", 2);
            if (nameAndValue.length == 2 && nameAndValue[0].strip().toLowerCase(Locale.ROOT).equals("charset")) {
                try {
                    return Charset.forName(nameAndValue[1].strip().replace("\"", ""));
                } catch (IllegalArgumentException unknownCharset) {
                    return StandardCharsets.UTF_8;
                }
            }
        }
        return StandardCharsets.UTF_8;
    }
}
