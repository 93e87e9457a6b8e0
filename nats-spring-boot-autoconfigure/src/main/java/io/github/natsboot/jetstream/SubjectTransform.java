package io.github.natsboot.jetstream;

/**
 * Rewrites the subjects of messages as a stream stores them, or as it takes them from a
 * mirrored or sourced stream, such as {@code orders.>} to {@code eu.orders.>}. Needs
 * nats-server 2.10 or later. It is checked with the definition that holds it.
 *
 * @param source the subjects to rewrite, wildcards allowed
 * @param destination what they become; wildcards of the source are kept, or referenced
 * as {@code {{wildcard(1)}}}
 */
public record SubjectTransform(String source, String destination) {

	io.nats.client.api.SubjectTransform toSubjectTransform() {
		return new io.nats.client.api.SubjectTransform(this.source, this.destination);
	}

	static SubjectTransform of(io.nats.client.api.SubjectTransform transform) {
		if (transform == null || transform.getDestination() == null || transform.getDestination().isEmpty()) {
			return null;
		}
		return new SubjectTransform(emptyAsNull(transform.getSource()), transform.getDestination());
	}

	private static String emptyAsNull(String text) {
		return (text == null || text.isEmpty()) ? null : text;
	}

}
