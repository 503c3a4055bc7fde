package org.openreferral.bootstrap.logging;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.Logger;

/** Collects the log records of the running app (same JVM as a {@code @QuarkusTest}), with their MDC. */
public final class LogCapture extends Handler implements AutoCloseable {

    private static final String CONTROL_LOGGER = LogCapture.class.getName() + ".control";

    /** One captured line: logger, thread, formatted message and the request id from the MDC. */
    public record Line(String logger, String thread, String message, String requestId) {
    }

    private final List<Line> lines = new CopyOnWriteArrayList<>();
    private final List<String> controls = new CopyOnWriteArrayList<>();
    private final Logger root = Logger.getLogger("");

    public static LogCapture start() {
        LogCapture capture = new LogCapture();
        capture.root.addHandler(capture);
        return capture;
    }

    public List<Line> lines() {
        return List.copyOf(lines);
    }

    /** The formatted messages captured so far, each with its exception and that exception's causes. */
    public List<String> messages() {
        return lines.stream().map(Line::message).toList();
    }

    /**
     * Positive control for the "nothing secret in the logs" checks: logs {@code secret} in the innermost cause of
     * an exception, as an application error would, and says whether this capture saw it. The control line is kept
     * apart from {@link #lines()}.
     */
    public boolean sees(String secret) {
        org.jboss.logging.Logger.getLogger(CONTROL_LOGGER).error("log capture control", new IllegalStateException(
                "outer", new RuntimeException("middle", new IllegalArgumentException("rejected " + secret))));
        return controls.stream().anyMatch(message -> message.contains(secret));
    }

    @Override
    public void publish(LogRecord record) {
        ExtLogRecord ext = ExtLogRecord.wrap(record);
        String message = ext.getFormattedMessage() + describe(record.getThrown());
        if (CONTROL_LOGGER.equals(record.getLoggerName())) {
            controls.add(message);
            return;
        }
        lines.add(new Line(record.getLoggerName(), ext.getThreadName(), message, ext.getMdc(RequestIdLoggingTest.MDC_KEY)));
    }

    /** The exception, its causes and what each suppressed, as a log formatter with stack traces would show them. */
    private static String describe(Throwable thrown) {
        StringBuilder text = new StringBuilder();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        append(thrown, text, seen);
        return text.toString();
    }

    private static void append(Throwable thrown, StringBuilder text, Set<Throwable> seen) {
        for (Throwable current = thrown; current != null && seen.add(current); current = current.getCause()) {
            text.append(current == thrown ? " " : " Caused by: ").append(current);
            for (Throwable suppressed : current.getSuppressed()) {
                text.append(" Suppressed:");
                append(suppressed, text, seen);
            }
        }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        root.removeHandler(this);
    }
}
