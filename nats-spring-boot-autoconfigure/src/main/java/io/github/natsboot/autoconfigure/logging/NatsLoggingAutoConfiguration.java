package io.github.natsboot.autoconfigure.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.filter.ThresholdFilter;
import io.github.natsboot.autoconfigure.NatsAutoConfiguration;
import io.github.natsboot.logging.NatsAppender;
import io.github.natsboot.logging.NatsAppenderMetrics;
import io.github.natsboot.logging.NatsLoggingLifecycle;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.nats.client.Connection;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.NoneNestedConditions;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.logging.LogLevel;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} that ships application logs to NATS through Logback. Hands the
 * application's connection to the {@link NatsAppender NatsAppenders} declared in
 * {@code logback-spring.xml}, attaches one to the root logger with
 * {@code nats.logging.enabled=true}, and registers their counts as meters when Micrometer
 * is present.
 */
@AutoConfiguration(after = NatsAutoConfiguration.class)
@ConditionalOnClass(Connection.class)
@EnableConfigurationProperties(NatsLoggingProperties.class)
public final class NatsLoggingAutoConfiguration {

	private static final String APPENDER_NAME = "NATS";

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "ch.qos.logback.classic.LoggerContext")
	@Conditional(LogbackLoggingCondition.class)
	@ConditionalOnBean(Connection.class)
	static class NatsLogbackConfiguration {

		@Bean
		@ConditionalOnMissingBean
		NatsLoggingLifecycle natsLoggingLifecycle(Connection connection, NatsLoggingProperties properties,
				Environment environment) {
			LoggerContext loggerContext = (LoggerContext) LoggerFactory.getILoggerFactory();
			NatsAppender rootAppender = properties.isEnabled() ? rootAppender(properties, environment) : null;
			NatsLoggingLifecycle lifecycle = new NatsLoggingLifecycle(loggerContext, connection, rootAppender,
					properties.getShutdownTimeout());
			try {
				lifecycle.afterPropertiesSet();
			}
			catch (IllegalArgumentException | IllegalStateException ex) {
				throw new IllegalStateException("Invalid nats.logging configuration: " + ex.getMessage(), ex);
			}
			return lifecycle;
		}

		private static NatsAppender rootAppender(NatsLoggingProperties properties, Environment environment) {
			String applicationName = environment.getProperty("spring.application.name");
			NatsAppender appender = new NatsAppender();
			appender.setName(APPENDER_NAME);
			appender.setSubject(subject(properties, applicationName));
			appender.setFormat(properties.getFormat());
			appender.setApplicationName(applicationName);
			appender.setBatchSize(properties.getBatchSize());
			appender.setQueueSize(properties.getQueueSize());
			appender.setFlushInterval(logbackDuration(properties.getFlushInterval()));
			appender.setShutdownTimeout(logbackDuration(properties.getShutdownTimeout()));
			ThresholdFilter threshold = new ThresholdFilter();
			threshold.setLevel(logbackLevel(properties.getLevel()).toString());
			threshold.start();
			appender.addFilter(threshold);
			return appender;
		}

		private static String subject(NatsLoggingProperties properties, String applicationName) {
			if (StringUtils.hasText(properties.getSubject())) {
				return properties.getSubject();
			}
			return StringUtils.hasText(applicationName) ? "logs." + applicationName + ".{level}" : "logs.{level}";
		}

		private static Level logbackLevel(LogLevel level) {
			return (level == LogLevel.FATAL) ? Level.ERROR : Level.toLevel(level.name());
		}

		private static ch.qos.logback.core.util.Duration logbackDuration(java.time.Duration duration) {
			return ch.qos.logback.core.util.Duration.buildByMilliseconds(duration.toMillis());
		}

		@Configuration(proxyBeanMethods = false)
		@ConditionalOnClass(MeterBinder.class)
		static class NatsLoggingMetricsConfiguration {

			@Bean
			@ConditionalOnMissingBean
			NatsAppenderMetrics natsAppenderMetrics(NatsLoggingLifecycle natsLoggingLifecycle) {
				return new NatsAppenderMetrics(natsLoggingLifecycle::getAppenders);
			}

		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty("nats.logging.enabled")
	@Conditional(NotLogbackLoggingCondition.class)
	static class UnsupportedLoggingSystemConfiguration {

		UnsupportedLoggingSystemConfiguration() {
			throw new IllegalStateException("nats.logging.enabled is true but the logging system is not Logback: "
					+ "the NATS appender needs Logback (spring-boot-starter-logging)");
		}

	}

	static class NotLogbackLoggingCondition extends NoneNestedConditions {

		NotLogbackLoggingCondition() {
			super(ConfigurationPhase.REGISTER_BEAN);
		}

		@Conditional(LogbackLoggingCondition.class)
		static class OnLogback {

		}

	}

}
