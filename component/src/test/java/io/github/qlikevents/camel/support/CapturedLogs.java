package io.github.qlikevents.camel.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;

/**
 * The formatted lines one logger writes while open, as {@code LEVEL message}, at every level whatever the Log4j
 * configuration says (a logger configuration of its own is added, and removed on close).
 */
public final class CapturedLogs implements AutoCloseable {

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final String logger;
    private final AbstractAppender appender;

    public CapturedLogs(Class<?> logger) {
        this.logger = logger.getName();
        this.appender = new AbstractAppender("captured-" + this.logger, null, null, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                lines.add(event.getLevel() + " " + event.getMessage().getFormattedMessage());
            }
        };
        appender.start();
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        LoggerConfig config = new LoggerConfig(this.logger, Level.ALL, true);
        config.addAppender(appender, Level.ALL, null);
        context.getConfiguration().addLogger(this.logger, config);
        context.updateLoggers();
    }

    /** The lines so far. */
    public List<String> lines() {
        return List.copyOf(lines);
    }

    @Override
    public void close() {
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        context.getConfiguration().removeLogger(logger);
        context.updateLoggers();
        appender.stop();
    }
}
