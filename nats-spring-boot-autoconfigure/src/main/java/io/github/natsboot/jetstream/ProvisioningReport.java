package io.github.natsboot.jetstream;

import java.util.List;

/**
 * What {@link JetStreamAdmin#provision} did.
 *
 * @param created the streams, consumers and buckets that were created, described as in
 * {@link JetStreamDefinition#describe()}
 * @param changes the settings that were updated
 */
public record ProvisioningReport(List<String> created, List<DefinitionChange> changes) {

	/**
	 * Create a new report.
	 * @param created what was created
	 * @param changes what was updated
	 */
	public ProvisioningReport {
		created = List.copyOf(created);
		changes = List.copyOf(changes);
	}

	/**
	 * Return whether nothing was created or updated.
	 * @return {@code true} when the server already matched every definition
	 */
	public boolean isUnchanged() {
		return this.created.isEmpty() && this.changes.isEmpty();
	}

}
