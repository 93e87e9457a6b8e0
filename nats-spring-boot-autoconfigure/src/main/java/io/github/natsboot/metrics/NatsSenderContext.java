package io.github.natsboot.metrics;

import io.github.natsboot.core.NatsHeaderValues;
import io.github.natsboot.core.NatsTemplateOperation;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.observation.transport.SenderContext;
import io.nats.client.impl.Headers;

/**
 * {@link SenderContext} of a message sent by a {@link io.github.natsboot.core.NatsTemplate}:
 * its NATS {@link Headers} are the carrier that tracing writes the trace context into.
 */
public class NatsSenderContext extends SenderContext<Headers> {

	/**
	 * Bound of a propagated value: the size W3C allows for a whole {@code baggage}
	 * header, so that propagation values are only ever escaped, never cut.
	 */
	private static final int MAX_PROPAGATED_LENGTH = 8192;

	private final NatsTemplateOperation operation;

	private final String subject;

	private final String templateName;

	private final ObservationKeyValues keyValues = new ObservationKeyValues();

	private volatile Object meterSample;

	/**
	 * Create a context.
	 * @param headers the headers of the message to send, written to by propagation
	 * @param operation the operation
	 * @param subject the subject
	 * @param templateName the bean name of the template
	 */
	public NatsSenderContext(Headers headers, NatsTemplateOperation operation, String subject, String templateName) {
		super((carrier, key, value) -> {
			if (carrier != null) {
				carrier.put(key, NatsHeaderValues.of(value, MAX_PROPAGATED_LENGTH));
			}
		});
		setCarrier(headers);
		setRemoteServiceName("nats");
		this.operation = operation;
		this.subject = subject;
		this.templateName = templateName;
	}

	/**
	 * The operation.
	 * @return the operation
	 */
	public NatsTemplateOperation getOperation() {
		return this.operation;
	}

	/**
	 * The subject the message is sent to.
	 * @return the subject
	 */
	public String getSubject() {
		return this.subject;
	}

	/**
	 * The bean name of the template.
	 * @return the template name
	 */
	public String getTemplateName() {
		return this.templateName;
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

}
