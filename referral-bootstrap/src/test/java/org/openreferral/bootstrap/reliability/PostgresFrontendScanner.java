package org.openreferral.bootstrap.reliability;

import java.io.ByteArrayOutputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads what a PostgreSQL client sends on one connection (protocol 3, frontend messages) as the bytes pass a
 * proxy, and names the statements of interest: which SQL each Bind or Query runs, with its raw parameter bytes.
 * Named prepared statements are followed (the JDBC driver sends the SQL of a reused statement only once).
 */
final class PostgresFrontendScanner {

    private static final int SSL_REQUEST = 80877103;
    private static final int GSS_REQUEST = 80877104;

    /** One statement the client asked to run: its SQL and the message's bytes (parameters included). */
    record Statement(String sql, byte[] message) {

        boolean isCommit() {
            return normalised().equals("commit") || normalised().equals("end");
        }

        boolean isRollback() {
            return normalised().equals("rollback") || normalised().equals("abort");
        }

        boolean mentions(String sqlFragment, String marker) {
            if (!sql.toLowerCase(Locale.ROOT).contains(sqlFragment.toLowerCase(Locale.ROOT))) {
                return false;
            }
            return marker == null || new String(message, StandardCharsets.UTF_8).contains(marker);
        }

        private String normalised() {
            String text = sql.strip().toLowerCase(Locale.ROOT);
            return text.endsWith(";") ? text.substring(0, text.length() - 1).strip() : text;
        }
    }

    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private final Map<String, String> prepared = new HashMap<>();
    private boolean startup = true;
    private boolean lost;

    /**
     * Takes the next bytes of the stream; returns the statements whose messages they complete, in order. A stream
     * that does not frame as the protocol says (bytes were skipped) is no longer read: nothing is named from then on.
     */
    List<Statement> feed(byte[] bytes, int length) {
        if (lost) {
            return List.of();
        }
        pending.write(bytes, 0, length);
        ByteBuffer buffer = ByteBuffer.wrap(pending.toByteArray());
        List<Statement> statements = new ArrayList<>();
        while (true) {
            int start = buffer.position();
            int header = startup ? 4 : 5;
            if (buffer.remaining() < header) {
                break;
            }
            byte type = startup ? 0 : buffer.get();
            int size = buffer.getInt();
            if (size < 4) {
                lost = true;
                pending.reset();
                return statements;
            }
            if (buffer.remaining() < size - 4) {
                buffer.position(start);
                break;
            }
            byte[] body = new byte[size - 4];
            buffer.get(body);
            if (startup) {
                int code = body.length >= 4 ? ByteBuffer.wrap(body).getInt() : 0;
                // An SSL or GSS request is answered with one byte and followed by the startup message proper.
                startup = code == SSL_REQUEST || code == GSS_REQUEST;
                continue;
            }
            read(type, body, statements);
            if (lost) {
                pending.reset();
                return statements;
            }
        }
        byte[] rest = new byte[buffer.remaining()];
        buffer.get(rest);
        pending.reset();
        pending.write(rest, 0, rest.length);
        return statements;
    }

    private void read(byte type, byte[] body, List<Statement> statements) {
        ByteBuffer message = ByteBuffer.wrap(body);
        try {
            name(type, message, body, statements);
        } catch (BufferUnderflowException e) {
            lost = true; // a string without its end: not the protocol
        }
    }

    private void name(byte type, ByteBuffer message, byte[] body, List<Statement> statements) {
        switch (type) {
            case 'P' -> {
                String name = cString(message);
                prepared.put(name, cString(message));
            }
            case 'B' -> {
                cString(message); // portal
                String statement = cString(message);
                statements.add(new Statement(prepared.getOrDefault(statement, ""), body));
            }
            case 'Q' -> statements.add(new Statement(cString(message), body));
            default -> {
                // Execute, Sync, Describe, Close, ...: nothing to follow
            }
        }
    }

    private static String cString(ByteBuffer buffer) {
        int start = buffer.position();
        while (buffer.get() != 0) {
            // up to the terminating zero
        }
        return new String(buffer.array(), start, buffer.position() - start - 1, StandardCharsets.UTF_8);
    }
}
