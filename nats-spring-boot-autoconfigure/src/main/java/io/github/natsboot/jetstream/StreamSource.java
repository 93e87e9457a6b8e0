package io.github.natsboot.jetstream;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

import io.nats.client.api.External;
import io.nats.client.api.Mirror;
import io.nats.client.api.Source;
import io.nats.client.api.SourceBase;

/**
 * A stream that another stream mirrors or takes messages from (a source), with the part
 * of it to take. Create one with {@link #of(String)} and refine it with the
 * {@code with...} methods:
 *
 * <pre class="code">
 * StreamSource.of("ORDERS_EU").withFilterSubject("orders.eu.&gt;")
 * </pre>
 *
 * @param name the name of the stream to take messages from (for a key-value bucket, the
 * bucket name)
 * @param filterSubject only messages on these subjects, or {@code null} for all
 * @param startSeq the first stream sequence to take, or {@code null} for the first
 * message
 * @param startTime the time of the first message to take, or {@code null}
 * @param subjectTransforms subject rewrites and filters (nats-server 2.10 or later),
 * empty for none; they replace the filter subject
 * @param apiPrefix the JetStream API prefix of another account or domain that holds the
 * stream, or {@code null} for this one
 * @param deliverPrefix the subject prefix the messages of another account or domain are
 * delivered on, or {@code null}
 */
public record StreamSource(String name, String filterSubject, Long startSeq, Instant startTime,
		List<SubjectTransform> subjectTransforms, String apiPrefix, String deliverPrefix) {

	/**
	 * Create a source.
	 * @param name the name of the stream to take messages from
	 * @param filterSubject only messages on these subjects, or {@code null}
	 * @param startSeq the first stream sequence to take, or {@code null}
	 * @param startTime the time of the first message to take, or {@code null}
	 * @param subjectTransforms subject rewrites and filters, {@code null} or empty for
	 * none
	 * @param apiPrefix the API prefix of another account or domain, or {@code null}
	 * @param deliverPrefix the deliver prefix for another account or domain, or
	 * {@code null}
	 */
	public StreamSource {
		subjectTransforms = (subjectTransforms != null) ? List.copyOf(subjectTransforms) : List.of();
	}

	/**
	 * Return a source that takes every message of a stream.
	 * @param name the name of the stream
	 * @return the source
	 */
	public static StreamSource of(String name) {
		return new StreamSource(name, null, null, null, List.of(), null, null);
	}

	/**
	 * Return this source taking only messages on some subjects.
	 * @param filterSubject the subjects, wildcards allowed
	 * @return a new source
	 */
	public StreamSource withFilterSubject(String filterSubject) {
		return new StreamSource(this.name, filterSubject, this.startSeq, this.startTime, this.subjectTransforms,
				this.apiPrefix, this.deliverPrefix);
	}

	/**
	 * Return this source starting at a stream sequence.
	 * @param startSeq the first sequence to take
	 * @return a new source
	 */
	public StreamSource withStartSeq(long startSeq) {
		return new StreamSource(this.name, this.filterSubject, startSeq, this.startTime, this.subjectTransforms,
				this.apiPrefix, this.deliverPrefix);
	}

	/**
	 * Return this source starting at a time.
	 * @param startTime the time of the first message to take
	 * @return a new source
	 */
	public StreamSource withStartTime(Instant startTime) {
		return new StreamSource(this.name, this.filterSubject, this.startSeq, startTime, this.subjectTransforms,
				this.apiPrefix, this.deliverPrefix);
	}

	/**
	 * Return this source rewriting subjects (nats-server 2.10 or later).
	 * @param subjectTransforms the rewrites; a message is taken when one matches
	 * @return a new source
	 */
	public StreamSource withSubjectTransforms(SubjectTransform... subjectTransforms) {
		return new StreamSource(this.name, this.filterSubject, this.startSeq, this.startTime,
				List.of(subjectTransforms), this.apiPrefix, this.deliverPrefix);
	}

	/**
	 * Return this source reading a stream of another account or JetStream domain.
	 * @param apiPrefix the JetStream API prefix under which that stream is imported,
	 * such as {@code $JS.hub.API}
	 * @param deliverPrefix the subject prefix its messages are delivered on, or
	 * {@code null}
	 * @return a new source
	 */
	public StreamSource withExternal(String apiPrefix, String deliverPrefix) {
		return new StreamSource(this.name, this.filterSubject, this.startSeq, this.startTime, this.subjectTransforms,
				apiPrefix, deliverPrefix);
	}

	/**
	 * Return this source with another stream name, for a key-value bucket's stream.
	 */
	StreamSource withName(String name) {
		return new StreamSource(name, this.filterSubject, this.startSeq, this.startTime, this.subjectTransforms,
				this.apiPrefix, this.deliverPrefix);
	}

	Mirror toMirror() {
		return apply(Mirror.builder()).build();
	}

	Source toSource() {
		return apply(Source.builder()).build();
	}

	private <B extends SourceBase.SourceBaseBuilder<B>> B apply(B builder) {
		builder.name(this.name);
		if (this.filterSubject != null) {
			builder.filterSubject(this.filterSubject);
		}
		if (this.startSeq != null) {
			builder.startSeq(this.startSeq);
		}
		if (this.startTime != null) {
			builder.startTime(ZonedDateTime.ofInstant(this.startTime, ZoneOffset.UTC));
		}
		if (!this.subjectTransforms.isEmpty()) {
			builder.subjectTransforms(this.subjectTransforms.stream().map(SubjectTransform::toSubjectTransform).toList());
		}
		if (this.apiPrefix != null || this.deliverPrefix != null) {
			builder.external(new External(this.apiPrefix, this.deliverPrefix));
		}
		return builder;
	}

	/**
	 * Return the server's mirror or source in the terms of a definition.
	 * @param source the server's mirror or source, or {@code null}
	 * @return the source, or {@code null}
	 */
	static StreamSource of(SourceBase source) {
		if (source == null) {
			return null;
		}
		List<SubjectTransform> transforms = new ArrayList<>();
		if (source.getSubjectTransforms() != null) {
			source.getSubjectTransforms()
				.stream()
				.map(SubjectTransform::of)
				.filter((transform) -> transform != null)
				.forEach(transforms::add);
		}
		External external = source.getExternal();
		return new StreamSource(source.getName(), emptyAsNull(source.getFilterSubject()),
				(source.getStartSeq() > 0) ? source.getStartSeq() : null,
				(source.getStartTime() != null) ? source.getStartTime().toInstant() : null, transforms,
				(external != null) ? emptyAsNull(external.getApi()) : null,
				(external != null) ? emptyAsNull(external.getDeliver()) : null);
	}

	static List<StreamSource> of(List<? extends SourceBase> sources) {
		return (sources != null) ? sources.stream().map(StreamSource::of).toList() : List.of();
	}

	private static String emptyAsNull(String text) {
		return (text == null || text.isEmpty()) ? null : text;
	}

}
