package io.github.natsboot.logging;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;

/**
 * Finds the {@link NatsAppender NatsAppenders} attached to the loggers of a Logback
 * context, such as those declared in {@code logback-spring.xml}.
 */
public final class NatsAppenders {

	private NatsAppenders() {
	}

	/**
	 * Return every {@link NatsAppender} attached to a logger of the context, once each.
	 * @param context the Logback context
	 * @return the appenders
	 */
	public static List<NatsAppender> in(LoggerContext context) {
		List<NatsAppender> appenders = new ArrayList<>();
		for (Logger logger : context.getLoggerList()) {
			Iterator<Appender<ILoggingEvent>> attached = logger.iteratorForAppenders();
			while (attached.hasNext()) {
				if (attached.next() instanceof NatsAppender appender && !containsInstance(appenders, appender)) {
					appenders.add(appender);
				}
			}
		}
		return appenders;
	}

	private static boolean containsInstance(List<NatsAppender> appenders, NatsAppender candidate) {
		for (NatsAppender appender : appenders) {
			if (appender == candidate) {
				return true;
			}
		}
		return false;
	}

}
