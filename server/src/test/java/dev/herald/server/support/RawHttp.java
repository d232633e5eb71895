package dev.herald.server.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, one request per connection, with the bytes exactly as given: a client library would
 * refuse the invalid UTF-8, NUL bytes, duplicate and oversized headers a fuzz test has to send. The connection may
 * come from any loopback address, so that requests meant to fail authentication are throttled apart from the others
 * (docs/API.md §2.3).
 */
public final class RawHttp {
    private static final int TIMEOUT_MILLIS = 30_000;

    /** One request: the request-target as raw bytes, header lines as raw bytes ({@code Name: value}), a body or null. */
    public record Request(String method, byte[] target, List<byte[]> headerLines, byte[] body, InetAddress from) {
        /** A readable form for a failure message, long parts shortened. */
        public String describe() {
            StringBuilder text = new StringBuilder(method).append(' ').append(printable(target, 300));
            headerLines.forEach(line -> text.append("\n  ").append(printable(line, 200)));
            if (body != null) {
                text.append("\n  body (").append(body.length).append(" bytes): ").append(printable(body, 400));
            }
            return text.append("\n  from ").append(from.getHostAddress()).toString();
        }
    }

    /** The answer: status, headers (names lower-cased, the last value of each) and body. */
    public record Response(int status, Map<String, String> headers, byte[] body) {
        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private RawHttp() {
    }

    public static Response send(int port, Request request) {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(request.from(), 0));
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), TIMEOUT_MILLIS);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            head.write((request.method() + " ").getBytes(StandardCharsets.ISO_8859_1));
            head.write(request.target());
            head.write(" HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n".getBytes(StandardCharsets.ISO_8859_1));
            for (byte[] line : request.headerLines()) {
                head.write(line);
                head.write('\r');
                head.write('\n');
            }
            if (request.body() != null) {
                head.write(("Content-Length: " + request.body().length + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            }
            head.write('\r');
            head.write('\n');
            out.write(head.toByteArray());
            try {
                if (request.body() != null) {
                    out.write(request.body());
                }
                out.flush();
            } catch (IOException refusedEarly) {
                // The server may answer (413, 431) and close before reading everything: read what it said.
            }
            return read(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException("no answer to " + request.describe(), e);
        }
    }

    private static Response read(InputStream in) throws IOException {
        return read(in.readAllBytes());
    }

    private static Response read(byte[] all) throws IOException {
        int end = indexOf(all, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        if (end < 0) {
            throw new IOException("incomplete answer: " + printable(all, 500));
        }
        String[] lines = new String(all, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        if (status < 200) { // an interim answer (100 Continue): the real one follows
            return read(Arrays.copyOfRange(all, end + 4, all.length));
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
        }
        byte[] body = Arrays.copyOfRange(all, end + 4, all.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = unchunk(body);
        }
        return new Response(status, headers, body);
    }

    private static byte[] unchunk(byte[] chunked) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int at = 0;
        while (true) {
            int lineEnd = indexOf(chunked, at, new byte[] {'\r', '\n'});
            if (lineEnd < 0) {
                throw new IOException("broken chunked answer");
            }
            String size = new String(chunked, at, lineEnd - at, StandardCharsets.ISO_8859_1).split(";")[0].trim();
            int length = Integer.parseInt(size, 16);
            if (length == 0) {
                return body.toByteArray();
            }
            body.write(chunked, lineEnd + 2, length);
            at = lineEnd + 2 + length + 2;
        }
    }

    private static int indexOf(byte[] bytes, byte[] part) {
        return indexOf(bytes, 0, part);
    }

    private static int indexOf(byte[] bytes, int from, byte[] part) {
        outer:
        for (int i = from; i <= bytes.length - part.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (bytes[i + j] != part[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static String printable(byte[] bytes, int max) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < Math.min(bytes.length, max); i++) {
            int b = bytes[i] & 0xff;
            text.append(b >= 0x20 && b < 0x7f ? String.valueOf((char) b) : String.format("\\x%02x", b));
        }
        return bytes.length > max ? text + "…(" + bytes.length + " bytes)" : text.toString();
    }
}
