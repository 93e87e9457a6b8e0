package io.github.natsboot.benchmarks;

import java.time.Duration;
import java.util.List;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import io.github.natsboot.logging.JsonLogEncoder;
import io.github.natsboot.logging.NatsAppender;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;

/**
 * Log events shipped to NATS as JSON: the starter's {@link NatsAppender} (bounded queue,
 * batches published by its worker thread) against an appender that encodes each event
 * with the same encoder and publishes it with raw jnats on the logging thread. A round
 * logs its events from one thread and ends when a subscriber has received the last one.
 */
public final class LogAppenderScenario {

	private static final String SUBJECT_PREFIX = "bench.logs.";

	private LogAppenderScenario() {
	}

	/**
	 * The appender against raw publishing.
	 * @param env the environment
	 * @return the scenario
	 */
	public static Scenario create(BenchmarkEnvironment env) {
		return new Scenario("log appender, JSON events", 100_000, List.of(Check.reported(Metric.THROUGHPUT)),
				new Scenario.Labeled("NatsAppender", () -> new Shipping(env, true)),
				new Scenario.Labeled("raw publish", () -> new Shipping(env, false)));
	}

	static final class Shipping implements Variant {

		private final BenchmarkEnvironment env;

		private final boolean starter;

		private final String subject = SUBJECT_PREFIX + System.nanoTime();

		private final Arrivals arrivals = new Arrivals();

		private final LoggerContext loggerContext = new LoggerContext();

		private Connection connection;

		private Connection subscriber;

		private Logger logger;

		Shipping(BenchmarkEnvironment env, boolean starter) {
			this.env = env;
			this.starter = starter;
		}

		@Override
		public void open() throws Exception {
			this.loggerContext.setMDCAdapter(new LogbackMDCAdapter());
			this.subscriber = this.env.connect("bench-logs-subscriber");
			Dispatcher dispatcher = this.subscriber.createDispatcher((message) -> this.arrivals.record(1));
			dispatcher.setPendingLimits(-1, -1);
			dispatcher.subscribe(this.subject);
			this.subscriber.flush(Duration.ofSeconds(10));
			this.connection = this.env.connect("bench-logs");
			JsonLogEncoder encoder = new JsonLogEncoder();
			encoder.setContext(this.loggerContext);
			encoder.setApplicationName("bench");
			encoder.start();
			Appender<ILoggingEvent> appender = this.starter ? natsAppender(encoder) : new RawPublishingAppender(
					this.connection, this.subject, encoder);
			appender.setContext(this.loggerContext);
			appender.start();
			if (!appender.isStarted()) {
				throw new IllegalStateException("Appender not started: "
						+ this.loggerContext.getStatusManager().getCopyOfStatusList());
			}
			this.logger = this.loggerContext.getLogger("bench.orders");
			this.logger.setAdditive(false);
			this.logger.addAppender(appender);
		}

		private NatsAppender natsAppender(JsonLogEncoder encoder) {
			NatsAppender appender = new NatsAppender();
			appender.setSubject(this.subject);
			appender.setEncoder(encoder);
			appender.setQueueSize(this.env.options().scaled(200_000));
			appender.setConnection(this.connection);
			return appender;
		}

		@Override
		public Sample run(int messages) throws Exception {
			this.arrivals.expect(messages);
			CpuClock clock = CpuClock.start();
			for (int i = 0; i < messages; i++) {
				this.logger.info("order {} shipped to {}", i, "warehouse-7");
			}
			this.arrivals.await(BenchmarkEnvironment.ROUND_TIMEOUT);
			return clock.stop(messages);
		}

		@Override
		public void close() throws Exception {
			this.loggerContext.stop();
			if (this.connection != null) {
				this.connection.close();
			}
			if (this.subscriber != null) {
				this.subscriber.close();
			}
		}

	}

	/**
	 * What an application would write without the starter: encode and publish on the
	 * logging thread.
	 */
	static final class RawPublishingAppender extends UnsynchronizedAppenderBase<ILoggingEvent> {

		private final Connection connection;

		private final String subject;

		private final JsonLogEncoder encoder;

		RawPublishingAppender(Connection connection, String subject, JsonLogEncoder encoder) {
			this.connection = connection;
			this.subject = subject;
			this.encoder = encoder;
		}

		@Override
		protected void append(ILoggingEvent event) {
			this.connection.publish(this.subject, this.encoder.encode(event));
		}

	}

}
