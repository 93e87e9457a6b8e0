package io.github.natsboot.metrics;

import io.github.natsboot.metrics.NatsListenerObservation.ListenerHighCardinalityKeys;
import io.github.natsboot.metrics.NatsListenerObservation.ListenerLowCardinalityKeys;
import io.micrometer.common.KeyValues;

/**
 * Default {@link NatsListenerObservationConvention}: low cardinality keys for the
 * messaging system, the operation, the listener id and its configured subjects; the
 * subject a message arrived on only as a high cardinality key.
 */
public class DefaultNatsListenerObservationConvention implements NatsListenerObservationConvention {

	/**
	 * A shared instance.
	 */
	public static final DefaultNatsListenerObservationConvention INSTANCE = new DefaultNatsListenerObservationConvention();

	private final KeptKeyValues<String> lowCardinality = new KeptKeyValues<>();

	/**
	 * Return the low cardinality keys: the same for every message of a listener, so they
	 * are worked out once per listener id and subjects, not per message.
	 */
	@Override
	public KeyValues getLowCardinalityKeyValues(NatsReceiverContext context) {
		return this.lowCardinality.get(context.getListenerId(), context.getSubjectTemplate(),
				() -> KeyValues.of(ListenerLowCardinalityKeys.MESSAGING_SYSTEM.withValue("nats"),
						ListenerLowCardinalityKeys.MESSAGING_OPERATION.withValue("process"),
						ListenerLowCardinalityKeys.MESSAGING_DESTINATION_TEMPLATE.withValue(context.getSubjectTemplate()),
						ListenerLowCardinalityKeys.LISTENER_ID.withValue(context.getListenerId())));
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(NatsReceiverContext context) {
		return KeyValues.of(ListenerHighCardinalityKeys.MESSAGING_DESTINATION_NAME.withValue(context.getSubject()));
	}

	@Override
	public String getContextualName(NatsReceiverContext context) {
		return context.getSubjectTemplate() + " process";
	}

}
