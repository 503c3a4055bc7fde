package org.openreferral.adapter.emailcheck;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.logmanager.ExtLogRecord;

/** Collects every log line written while installed, formatted, with any exception's messages. */
final class CapturedLogs extends Handler {

    /** A formatted log line and its level. */
    record Line(Level level, String text) {
    }

    private final List<Line> lines = new CopyOnWriteArrayList<>();

    static CapturedLogs install() {
        CapturedLogs logs = new CapturedLogs();
        logs.setLevel(Level.ALL);
        Logger.getLogger("").addHandler(logs);
        return logs;
    }

    void uninstall() {
        Logger.getLogger("").removeHandler(this);
    }

    List<Line> lines() {
        return List.copyOf(lines);
    }

    @Override
    public void publish(LogRecord record) {
        StringBuilder text = new StringBuilder(record.getLoggerName() == null ? "" : record.getLoggerName()).append(' ');
        text.append(record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage());
        for (Throwable t = record.getThrown(); t != null; t = t.getCause()) {
            text.append(" | ").append(t);
        }
        lines.add(new Line(record.getLevel(), text.toString()));
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
