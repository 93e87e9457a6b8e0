package io.github.natsboot.jetstream;

/**
 * What happens to the JetStream definitions of an application at startup.
 */
public enum ProvisioningMode {

	/**
	 * Create what is missing and update what differs from the definitions, logging each
	 * changed setting. A change the server cannot make fails startup.
	 */
	CREATE_OR_UPDATE,

	/**
	 * Change nothing; fail startup when a stream, consumer or bucket is missing or differs
	 * from its definition, listing every difference.
	 */
	VALIDATE,

	/**
	 * Do not contact the server about the definitions at all.
	 */
	NONE

}
