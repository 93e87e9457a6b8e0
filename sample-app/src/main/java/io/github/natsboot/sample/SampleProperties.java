package io.github.natsboot.sample;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the sample application ({@code sample.*}).
 */
@ConfigurationProperties("sample")
public class SampleProperties {

	/**
	 * Id of this instance, shown in quote answers, processed orders and statistics.
	 * Defaults to the host name and the process id.
	 */
	private String instanceId;

	private final Quotes quotes = new Quotes();

	private final Summary summary = new Summary();

	public String getInstanceId() {
		return this.instanceId;
	}

	public void setInstanceId(String instanceId) {
		this.instanceId = instanceId;
	}

	public Quotes getQuotes() {
		return this.quotes;
	}

	public Summary getSummary() {
		return this.summary;
	}

	/**
	 * Settings of quote requests.
	 */
	public static class Quotes {

		/**
		 * Time the web role waits for a worker's answer before responding 504.
		 */
		private Duration timeout = Duration.ofSeconds(2);

		public Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(Duration timeout) {
			this.timeout = timeout;
		}

	}

	/**
	 * Settings of the summary that the leader publishes.
	 */
	public static class Summary {

		/**
		 * Subject the leader publishes the orders summary to.
		 */
		private String subject = "sample.summary";

		public String getSubject() {
			return this.subject;
		}

		public void setSubject(String subject) {
			this.subject = subject;
		}

	}

}
