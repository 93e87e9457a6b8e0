package io.github.natsboot.metrics;

import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.docs.ObservationDocumentation;

/**
 * The observation a {@link io.github.natsboot.listener.NatsListener} records for each
 * message it processes when {@code nats.listener.observation-enabled} is set.
 */
public enum NatsListenerObservation implements ObservationDocumentation {

	/**
	 * The processing of one message by a listener method.
	 */
	LISTENER_OBSERVATION {

		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultNatsListenerObservationConvention.class;
		}

		@Override
		public String getPrefix() {
			return "nats.listener";
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return ListenerLowCardinalityKeys.values();
		}

		@Override
		public KeyName[] getHighCardinalityKeyNames() {
			return ListenerHighCardinalityKeys.values();
		}

	};

	/**
	 * Low cardinality keys of the listener observation.
	 */
	public enum ListenerLowCardinalityKeys implements KeyName {

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
		 * The operation: {@code process}.
		 */
		MESSAGING_OPERATION {

			@Override
			public String asString() {
				return "messaging.operation";
			}

		},

		/**
		 * The subjects the listener is configured with, wildcards included.
		 */
		MESSAGING_DESTINATION_TEMPLATE {

			@Override
			public String asString() {
				return "messaging.destination.template";
			}

		},

		/**
		 * The listener id.
		 */
		LISTENER_ID {

			@Override
			public String asString() {
				return "nats.listener.id";
			}

		}

	}

	/**
	 * High cardinality keys of the listener observation: span attributes, never metric
	 * tags.
	 */
	public enum ListenerHighCardinalityKeys implements KeyName {

		/**
		 * The subject the message was received on.
		 */
		MESSAGING_DESTINATION_NAME {

			@Override
			public String asString() {
				return "messaging.destination.name";
			}

		}

	}

}
