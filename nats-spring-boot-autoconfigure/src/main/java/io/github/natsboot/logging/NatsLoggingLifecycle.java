package io.github.natsboot.logging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import io.github.natsboot.core.NatsLifecyclePhases;
import io.nats.client.Connection;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.SmartLifecycle;

/**
 * Connects the {@link NatsAppender NatsAppenders} of a Logback context to the
 * application's connection, and lets them finish before it drains.
 *
 * <p>When the bean is initialized, an optional appender is started and attached to the
 * root logger, and every appender of the context without a connection (such as those
 * declared in {@code logback-spring.xml}, which exist before the Spring context) is handed
 * the connection; what they queued during startup then goes out. On stop, in the
 * {@link NatsLifecyclePhases#LOGGING} phase (after everything else, before the connection
 * drains), each appender publishes what it has queued within the shutdown timeout; the
 * attached appender is detached and stopped, the others let go of the connection and queue
 * again. The same happens on destruction when the context fails before it started.
 */
public class NatsLoggingLifecycle implements SmartLifecycle, InitializingBean, DisposableBean {

	private final LoggerContext loggerContext;

	private final Connection connection;

	private final NatsAppender rootAppender;

	private final Duration shutdownTimeout;

	private final List<NatsAppender> handedOver = new ArrayList<>();

	private volatile boolean running;

	private boolean initialized;

	private boolean released;

	/**
	 * Create a lifecycle for the appenders of the context.
	 * @param loggerContext the Logback context
	 * @param connection the application's connection
	 * @param rootAppender an appender, not started yet, to attach to the root logger, or
	 * {@code null}
	 * @param shutdownTimeout the time allowed on stop to publish what is queued
	 */
	public NatsLoggingLifecycle(LoggerContext loggerContext, Connection connection, NatsAppender rootAppender,
			Duration shutdownTimeout) {
		this.loggerContext = loggerContext;
		this.connection = connection;
		this.rootAppender = rootAppender;
		this.shutdownTimeout = shutdownTimeout;
	}

	/**
	 * Start and attach the root appender, and hand the connection to every appender that
	 * has none. Does nothing when called again.
	 * @throws IllegalArgumentException if the root appender's subject or sizes are invalid
	 * @throws IllegalStateException if the root appender's format cannot be used
	 */
	@Override
	public synchronized void afterPropertiesSet() {
		if (this.initialized) {
			return;
		}
		this.initialized = true;
		if (this.rootAppender != null) {
			this.rootAppender.setContext(this.loggerContext);
			this.rootAppender.startOrFail();
			root().addAppender(this.rootAppender);
		}
		for (NatsAppender appender : NatsAppenders.in(this.loggerContext)) {
			if (!appender.hasOwnConnection() && appender.getConnection() == null) {
				appender.setConnection(this.connection);
				this.handedOver.add(appender);
			}
		}
	}

	/**
	 * Return the appenders connected by this lifecycle.
	 * @return the appenders, the root appender included
	 */
	public synchronized List<NatsAppender> getAppenders() {
		return List.copyOf(this.handedOver);
	}

	@Override
	public void start() {
		this.running = true;
	}

	@Override
	public void stop() {
		release();
		this.running = false;
	}

	@Override
	public void destroy() {
		release();
	}

	private synchronized void release() {
		if (this.released) {
			return;
		}
		this.released = true;
		long deadline = System.nanoTime() + this.shutdownTimeout.toNanos();
		for (NatsAppender appender : this.handedOver) {
			if (appender != this.rootAppender) {
				appender.flush(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
				appender.setConnection(null);
			}
		}
		if (this.rootAppender != null) {
			root().detachAppender(this.rootAppender);
			this.rootAppender.stop();
		}
	}

	private Logger root() {
		return this.loggerContext.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return NatsLifecyclePhases.LOGGING;
	}

}
