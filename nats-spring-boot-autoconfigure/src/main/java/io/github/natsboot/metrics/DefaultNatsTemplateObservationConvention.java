package io.github.natsboot.metrics;

import io.github.natsboot.core.NatsTemplateOperation;
import io.github.natsboot.metrics.NatsTemplateObservation.TemplateHighCardinalityKeys;
import io.github.natsboot.metrics.NatsTemplateObservation.TemplateLowCardinalityKeys;
import io.micrometer.common.KeyValues;

/**
 * Default {@link NatsTemplateObservationConvention}: low cardinality keys for the
 * messaging system, the operation and the template; the subject only as a high
 * cardinality key, since subjects often carry ids.
 */
public class DefaultNatsTemplateObservationConvention implements NatsTemplateObservationConvention {

	/**
	 * A shared instance.
	 */
	public static final DefaultNatsTemplateObservationConvention INSTANCE = new DefaultNatsTemplateObservationConvention();

	private final KeptKeyValues<NatsTemplateOperation> lowCardinality = new KeptKeyValues<>();

	/**
	 * Return the low cardinality keys: the same for every message of an operation of a
	 * template, so they are worked out once per template and operation, not per message.
	 */
	@Override
	public KeyValues getLowCardinalityKeyValues(NatsSenderContext context) {
		return this.lowCardinality.get(context.getTemplateName(), context.getOperation(),
				() -> KeyValues.of(TemplateLowCardinalityKeys.MESSAGING_SYSTEM.withValue("nats"),
						TemplateLowCardinalityKeys.MESSAGING_OPERATION.withValue(context.getOperation().getValue()),
						TemplateLowCardinalityKeys.TEMPLATE_NAME.withValue(context.getTemplateName())));
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(NatsSenderContext context) {
		return KeyValues.of(TemplateHighCardinalityKeys.MESSAGING_DESTINATION_NAME.withValue(context.getSubject()));
	}

	@Override
	public String getContextualName(NatsSenderContext context) {
		return context.getOperation().getValue();
	}

}
