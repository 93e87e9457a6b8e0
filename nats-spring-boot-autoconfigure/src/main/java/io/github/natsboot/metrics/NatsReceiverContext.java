package io.github.natsboot.metrics;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.observation.transport.ReceiverContext;
import io.nats.client.Message;
import io.nats.client.impl.Headers;

/**
 * {@link ReceiverContext} of a message processed by a
 * {@link io.github.natsboot.listener.NatsListener}: tracing reads the trace context from
 * the message's NATS headers. Header names are matched exactly first, then ignoring case:
 * NATS header names are case-sensitive, while propagators are written for HTTP, whose
 * names are not, so clients in other languages send the same header in other spellings
 * ({@code x-b3-traceid} from OpenTelemetry JavaScript, {@code Traceparent} through a Go
 * {@code http.Header} carrier).
 */
public class NatsReceiverContext extends ReceiverContext<Message> {

	private final String listenerId;

	private final String subjectTemplate;

	private final ObservationKeyValues keyValues = new ObservationKeyValues();

	private volatile Object meterSample;

	/**
	 * Create a context.
	 * @param message the received message
	 * @param listenerId the listener id
	 * @param subjectTemplate the subjects the listener is configured with
	 */
	public NatsReceiverContext(Message message, String listenerId, String subjectTemplate) {
		super(NatsReceiverContext::propagatedValue);
		setCarrier(message);
		setRemoteServiceName("nats");
		this.listenerId = listenerId;
		this.subjectTemplate = subjectTemplate;
	}

	/**
	 * The listener id.
	 * @return the listener id
	 */
	public String getListenerId() {
		return this.listenerId;
	}

	/**
	 * The subjects the listener is configured with, comma separated, wildcards included.
	 * @return the subject template
	 */
	public String getSubjectTemplate() {
		return this.subjectTemplate;
	}

	/**
	 * The subject the message was received on.
	 * @return the subject
	 */
	public String getSubject() {
		return getCarrier().getSubject();
	}

	// Key values are kept by ObservationKeyValues rather than the context's maps.

	@Override
	public Observation.Context addLowCardinalityKeyValue(KeyValue keyValue) {
		this.keyValues.addLow(KeyValues.of(keyValue));
		return this;
	}

	@Override
	public Observation.Context addHighCardinalityKeyValue(KeyValue keyValue) {
		this.keyValues.addHigh(KeyValues.of(keyValue));
		return this;
	}

	@Override
	public Observation.Context addLowCardinalityKeyValues(KeyValues keyValues) {
		this.keyValues.addLow(keyValues);
		return this;
	}

	@Override
	public Observation.Context addHighCardinalityKeyValues(KeyValues keyValues) {
		this.keyValues.addHigh(keyValues);
		return this;
	}

	@Override
	public Observation.Context removeLowCardinalityKeyValue(String keyName) {
		this.keyValues.removeLow(keyName);
		return this;
	}

	@Override
	public Observation.Context removeHighCardinalityKeyValue(String keyName) {
		this.keyValues.removeHigh(keyName);
		return this;
	}

	@Override
	public Observation.Context removeLowCardinalityKeyValues(String... keyNames) {
		this.keyValues.removeLow(keyNames);
		return this;
	}

	@Override
	public Observation.Context removeHighCardinalityKeyValues(String... keyNames) {
		this.keyValues.removeHigh(keyNames);
		return this;
	}

	@Override
	public KeyValues getLowCardinalityKeyValues() {
		return this.keyValues.low();
	}

	@Override
	public KeyValues getHighCardinalityKeyValues() {
		return this.keyValues.high();
	}

	@Override
	public KeyValue getLowCardinalityKeyValue(String key) {
		return ObservationKeyValues.find(this.keyValues.low(), key);
	}

	@Override
	public KeyValue getHighCardinalityKeyValue(String key) {
		return ObservationKeyValues.find(this.keyValues.high(), key);
	}

	/**
	 * The sample of {@link NatsMeterObservationHandler}, kept here rather than in the
	 * context's map.
	 * @return the sample, or {@code null}
	 */
	Object getMeterSample() {
		return this.meterSample;
	}

	void setMeterSample(Object meterSample) {
		this.meterSample = meterSample;
	}

	private static String propagatedValue(Message carrier, String key) {
		Headers headers = carrier.getHeaders();
		if (headers == null) {
			return null;
		}
		String value = headers.getFirst(key);
		if (value != null) {
			return value;
		}
		for (String name : headers.keySet()) {
			if (name.equalsIgnoreCase(key)) {
				return headers.getFirst(name);
			}
		}
		return null;
	}

}
