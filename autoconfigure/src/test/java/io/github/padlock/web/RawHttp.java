package io.github.padlock.web;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * An HTTP/1.1 client over a plain socket that sends exactly the bytes it is given: control characters, duplicate
 * {@code Authorization} headers, oversized values — all of which the JDK {@code HttpClient} refuses to send.
 * Requests and responses are "byte strings": ISO-8859-1 {@link String}s whose chars are the bytes.
 */
final class RawHttp {

    private static final int TIMEOUT_MILLIS = 15_000;

    private RawHttp() {
    }

    /**
     * @param port the server's port on 127.0.0.1
     * @param request the whole request, as bytes
     * @return the response, read until the server closes (the request says {@code Connection: close}); status 0
     * when the server closed or reset the connection without answering
     */
    static Response exchange(int port, String request) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(TIMEOUT_MILLIS);
            try {
                OutputStream out = socket.getOutputStream();
                out.write(request.getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
            }
            catch (SocketException ex) {
                // The server may answer (400) and close before reading a huge request; read what it sent.
            }
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            try {
                socket.getInputStream().transferTo(all);
            }
            catch (SocketException ex) {
                // a reset after the answer: keep what came
            }
            String raw = all.toString(StandardCharsets.ISO_8859_1);
            if (raw.isEmpty()) {
                return Response.CLOSED;
            }
            InputStream in = new java.io.ByteArrayInputStream(all.toByteArray());
            Response response = read(in, true);
            return (response != null) ? response.withRaw(raw) : Response.CLOSED;
        }
    }

    /**
     * Reads one response: status line, headers, then a {@code Content-Length} or chunked body, or a body up to the
     * end of the stream; lenient: a body shorter than its {@code Content-Length} (a HEAD answer) is not an error.
     */
    static @Nullable Response read(InputStream in, boolean lenient) throws IOException {
        String statusLine = line(in);
        if (statusLine == null) {
            return null;
        }
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
            throw new IOException("Not an HTTP status line: " + statusLine);
        }
        int status = Integer.parseInt(parts[1]);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        StringBuilder head = new StringBuilder(statusLine).append("\r\n");
        for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
            head.append(header).append("\r\n");
            int colon = header.indexOf(':');
            if (colon > 0) {
                headers.computeIfAbsent(header.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        (name) -> new ArrayList<>()).add(header.substring(colon + 1).trim());
            }
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        String length = first(headers, "content-length");
        String encoding = first(headers, "transfer-encoding");
        if (encoding != null && encoding.toLowerCase(Locale.ROOT).contains("chunked")) {
            for (;;) {
                String size = line(in);
                if (size == null) {
                    throw new IOException("Truncated chunked body");
                }
                int semicolon = size.indexOf(';');
                int n = Integer.parseInt((semicolon >= 0 ? size.substring(0, semicolon) : size).trim(), 16);
                if (n == 0) {
                    for (String trailer = line(in); trailer != null && !trailer.isEmpty(); trailer = line(in)) {
                        // trailers are ignored
                    }
                    break;
                }
                body.write(in.readNBytes(n));
                line(in);
            }
        }
        else if (length != null) {
            int n = Integer.parseInt(length);
            byte[] bytes = in.readNBytes(n);
            if (bytes.length < n && !lenient) {
                throw new IOException("Truncated body");
            }
            body.write(bytes);
        }
        else if (status >= 200 && status != 204 && status != 304) {
            in.transferTo(body);
        }
        String bodyText = body.toString(StandardCharsets.UTF_8);
        return new Response(status, headers, bodyText, head + body.toString(StandardCharsets.ISO_8859_1));
    }

    private static @Nullable String first(Map<String, List<String>> headers, String name) {
        List<String> values = headers.get(name);
        return (values == null || values.isEmpty()) ? null : values.get(0);
    }

    /** A CRLF- (or LF-) terminated line as ISO-8859-1, without its terminator; {@code null} at the end. */
    private static @Nullable String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                int end = line.length();
                return (end > 0 && line.charAt(end - 1) == '\r') ? line.substring(0, end - 1) : line.toString();
            }
            line.append((char) c);
        }
        return line.isEmpty() ? null : line.toString();
    }

    /**
     * A response.
     * @param status the status code, or 0 when the connection closed without an answer
     * @param headers the headers, lower-case names
     * @param body the body as UTF-8
     * @param raw the whole response as bytes (ISO-8859-1), for looking for echoed secrets
     */
    record Response(int status, Map<String, List<String>> headers, String body, String raw) {

        static final Response CLOSED = new Response(0, Map.of(), "", "");

        @Nullable String header(String name) {
            return first(this.headers, name.toLowerCase(Locale.ROOT));
        }

        List<String> headers(String name) {
            return this.headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
        }

        Response withRaw(String raw) {
            return new Response(this.status, this.headers, this.body, raw);
        }
    }

    /**
     * A keep-alive connection for many requests in a row; it reconnects when the server closed the previous one
     * (Tomcat closes after 100 requests by default, and after some errors).
     */
    static final class KeepAlive implements Closeable {

        private final int port;

        private @Nullable Socket socket;

        private @Nullable InputStream in;

        private @Nullable OutputStream out;

        private int connects;

        /** Requests sent on the current connection, for diagnostics. */
        private int onConnection;

        KeepAlive(int port) {
            this.port = port;
        }

        /**
         * @param request a whole request without {@code Connection: close}
         * @return the response
         */
        Response exchange(String request) throws IOException {
            boolean fresh = ensureOpen();
            try {
                return send(request);
            }
            catch (IOException ex) {
                close();
                if (fresh) {
                    throw ex;
                }
                // the server closed an idle kept-alive connection between two requests: once more, on a new one
                ensureOpen();
                return send(request);
            }
        }

        int connects() {
            return this.connects;
        }

        /** @return how many requests went on the current (or last) connection, this one included */
        int onConnection() {
            return this.onConnection;
        }

        private Response send(String request) throws IOException {
            OutputStream out = this.out;
            InputStream in = this.in;
            if (out == null || in == null) {
                throw new IOException("Not connected");
            }
            this.onConnection++;
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            Response response = read(in, false);
            if (response == null) {
                throw new IOException("Connection closed without an answer");
            }
            String connection = response.header("connection");
            if (connection != null && connection.equalsIgnoreCase("close")) {
                close();
            }
            return response;
        }

        private boolean ensureOpen() throws IOException {
            if (this.socket != null) {
                return false;
            }
            Socket socket = new Socket(InetAddress.getLoopbackAddress(), this.port);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            socket.setTcpNoDelay(true);
            this.socket = socket;
            this.in = new BufferedInputStream(socket.getInputStream(), 8192);
            this.out = socket.getOutputStream();
            this.connects++;
            this.onConnection = 0;
            return true;
        }

        @Override
        public void close() {
            Socket socket = this.socket;
            this.socket = null;
            this.in = null;
            this.out = null;
            if (socket != null) {
                try {
                    socket.close();
                }
                catch (IOException ex) {
                    // closing anyway
                }
            }
        }
    }
}
