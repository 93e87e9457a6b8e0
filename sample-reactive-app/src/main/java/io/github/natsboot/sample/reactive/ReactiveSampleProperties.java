package io.github.natsboot.sample.reactive;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the reactive sample.
 *
 * @param quotes settings of the quote requests
 * @param ticks settings of the scheduled tick publisher
 */
@ConfigurationProperties("sample")
public record ReactiveSampleProperties(@DefaultValue QuoteRequests quotes, @DefaultValue TickSchedule ticks) {

	/**
	 * Settings of the quote requests.
	 *
	 * @param timeout time {@code GET /quotes/{symbol}} waits for a worker's answer before
	 * responding 504
	 */
	public record QuoteRequests(@DefaultValue("2s") Duration timeout) {

	}

	/**
	 * Settings of the {@link TickPublisher}.
	 *
	 * @param enabled whether ticks are published on a schedule
	 * @param interval time between two ticks
	 */
	public record TickSchedule(@DefaultValue("true") boolean enabled, @DefaultValue("1s") Duration interval) {

	}

}
