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

	@Override
	public KeyValues getLowCardinalityKeyValues(NatsReceiverContext context) {
		return KeyValues.of(ListenerLowCardinalityKeys.MESSAGING_SYSTEM.withValue("nats"),
				ListenerLowCardinalityKeys.MESSAGING_OPERATION.withValue("process"),
				ListenerLowCardinalityKeys.MESSAGING_DESTINATION_TEMPLATE.withValue(context.getSubjectTemplate()),
				ListenerLowCardinalityKeys.LISTENER_ID.withValue(context.getListenerId()));
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
