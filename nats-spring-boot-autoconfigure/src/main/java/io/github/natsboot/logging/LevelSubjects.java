package io.github.natsboot.logging;

import java.util.Locale;

import ch.qos.logback.classic.Level;
import io.github.natsboot.core.NatsSubjects;

/**
 * The subject of each log level, resolved once from a subject that may contain the
 * {@value #LEVEL_PLACEHOLDER} placeholder: {@code logs.orders.{level}} gives
 * {@code logs.orders.error} for ERROR events.
 */
final class LevelSubjects {

	static final String LEVEL_PLACEHOLDER = "{level}";

	private final String error;

	private final String warn;

	private final String info;

	private final String debug;

	private final String trace;

	private LevelSubjects(String subject) {
		this.error = resolve(subject, Level.ERROR);
		this.warn = resolve(subject, Level.WARN);
		this.info = resolve(subject, Level.INFO);
		this.debug = resolve(subject, Level.DEBUG);
		this.trace = resolve(subject, Level.TRACE);
	}

	/**
	 * Resolve the subject of every level.
	 * @param subject the subject, with or without the level placeholder
	 * @return the subjects
	 * @throws IllegalArgumentException if a resolved subject cannot be published to
	 */
	static LevelSubjects of(String subject) {
		return new LevelSubjects(subject);
	}

	String subjectFor(Level level) {
		return switch (level.toInt()) {
			case Level.ERROR_INT -> this.error;
			case Level.WARN_INT -> this.warn;
			case Level.INFO_INT -> this.info;
			case Level.DEBUG_INT -> this.debug;
			default -> this.trace;
		};
	}

	private static String resolve(String subject, Level level) {
		if (subject == null) {
			throw new IllegalArgumentException("Subject must not be empty");
		}
		return NatsSubjects.requirePublishSubject(
				subject.replace(LEVEL_PLACEHOLDER, level.toString().toLowerCase(Locale.ROOT)));
	}

}
