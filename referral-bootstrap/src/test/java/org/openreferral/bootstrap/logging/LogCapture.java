package org.openreferral.bootstrap.logging;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.Logger;

/** Collects the log records of the running app (same JVM as a {@code @QuarkusTest}), with their MDC. */
public final class LogCapture extends Handler implements AutoCloseable {

    /** One captured line: logger, thread, formatted message and the request id from the MDC. */
    public record Line(String logger, String thread, String message, String requestId) {
    }

    private final List<Line> lines = new CopyOnWriteArrayList<>();
    private final Logger root = Logger.getLogger("");

    public static LogCapture start() {
        LogCapture capture = new LogCapture();
        capture.root.addHandler(capture);
        return capture;
    }

    public List<Line> lines() {
        return List.copyOf(lines);
    }

    /** The formatted messages captured so far, each with its exception if it had one. */
    public List<String> messages() {
        return lines.stream().map(Line::message).toList();
    }

    @Override
    public void publish(LogRecord record) {
        ExtLogRecord ext = ExtLogRecord.wrap(record);
        String message = ext.getFormattedMessage() + (record.getThrown() == null ? "" : " " + record.getThrown());
        lines.add(new Line(record.getLoggerName(), ext.getThreadName(), message, ext.getMdc(RequestIdLoggingTest.MDC_KEY)));
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        root.removeHandler(this);
    }
}
