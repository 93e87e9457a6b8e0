package io.github.natsboot.metrics;

import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.docs.ObservationDocumentation;

/**
 * The observation {@link io.github.natsboot.core.NatsTemplate} records for each publish,
 * request and stream publish when {@code nats.template.observation-enabled} is set.
 */
public enum NatsTemplateObservation implements ObservationDocumentation {

	/**
	 * A message sent by a template: a publish, a request until its reply, or a stream
	 * publish until its acknowledgement.
	 */
	TEMPLATE_OBSERVATION {

		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultNatsTemplateObservationConvention.class;
		}

		@Override
		public String getPrefix() {
			return "nats.template";
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return TemplateLowCardinalityKeys.values();
		}

		@Override
		public KeyName[] getHighCardinalityKeyNames() {
			return TemplateHighCardinalityKeys.values();
		}

	};

	/**
	 * Low cardinality keys of the template observation.
	 */
	public enum TemplateLowCardinalityKeys implements KeyName {

		/**
		 * The messaging system: {@code nats}.
		 */
		MESSAGING_SYSTEM {

			@Override
			public String asString() {
				return "messaging.system";
			}

		},

		/**
		 * The operation: {@code publish}, {@code request} or {@code stream-publish}.
		 */
		MESSAGING_OPERATION {

			@Override
			public String asString() {
				return "messaging.operation";
			}

		},

		/**
		 * The bean name of the template.
		 */
		TEMPLATE_NAME {

			@Override
			public String asString() {
				return "nats.template.name";
			}

		}

	}

	/**
	 * High cardinality keys of the template observation: span attributes, never metric
	 * tags.
	 */
	public enum TemplateHighCardinalityKeys implements KeyName {

		/**
		 * The subject the message is sent to.
		 */
		MESSAGING_DESTINATION_NAME {

			@Override
			public String asString() {
				return "messaging.destination.name";
			}

		}

	}

}
