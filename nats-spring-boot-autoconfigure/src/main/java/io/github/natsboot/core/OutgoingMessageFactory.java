package io.github.natsboot.core;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.natsboot.core.convert.NatsMessageConverter;
import io.github.natsboot.core.convert.PayloadWriter;
import io.nats.client.impl.Headers;

/**
 * Turns a payload into an {@link OutgoingMessage}: converts it, adds the
 * {@value NatsHeaders#CONTENT_TYPE} header (on a copy of the caller's headers) and
 * rejects a message larger than the server accepts before anything is sent. Shared by
 * the template and by listeners sending replies.
 * <p>
 * jnats sends read-only headers as they are and copies all others first. A message
 * without headers of its own gets shared read-only {@link Headers} holding only its
 * content type; a message with headers gets one read-only copy of them with the content
 * type added, which jnats does not copy again (both are {@link FrozenHeaders}); the copy
 * of headers passed again and again unchanged is made once and reused
 * ({@link RepeatedHeaders}).
 */
public class OutgoingMessageFactory {

	private static final byte[] EMPTY = new byte[0];

	private static final int MAX_CACHED_CONTENT_TYPES = 32;

	private final NatsMessageConverter converter;

	private final Map<String, Headers> contentTypeHeaders = new ConcurrentHashMap<>();

	private final RepeatedHeaders repeatedHeaders = new RepeatedHeaders();

	/**
	 * Create a factory.
	 * @param converter the converter that writes payloads
	 */
	public OutgoingMessageFactory(NatsMessageConverter converter) {
		this.converter = converter;
	}

	/**
	 * Create a message to publish, after checking that the subject can be published to.
	 * @param subject the subject
	 * @param payload the payload, {@code null} for an empty message
	 * @param headers the caller's headers, not modified; may be {@code null}
	 * @param maxPayload the server's maximum payload, or a value below 1 when unknown
	 * @return the message
	 * @throws IllegalArgumentException if the subject is invalid or contains wildcards
	 * @throws NatsPayloadTooLargeException if the message is too large
	 */
	public OutgoingMessage create(String subject, Object payload, Headers headers, long maxPayload) {
		NatsSubjects.requirePublishSubject(subject);
		return createUnchecked(subject, payload, headers, maxPayload);
	}

	/**
	 * Create a message to a subject known to be valid, such as a reply inbox.
	 * @param subject the subject
	 * @param payload the payload, {@code null} for an empty message
	 * @param headers the caller's headers, not modified; may be {@code null}
	 * @param maxPayload the server's maximum payload, or a value below 1 when unknown
	 * @return the message
	 * @throws NatsPayloadTooLargeException if the message is too large
	 */
	public OutgoingMessage createUnchecked(String subject, Object payload, Headers headers, long maxPayload) {
		if (payload == null) {
			return checkSize(new OutgoingMessage(subject, headers, EMPTY), maxPayload);
		}
		PayloadWriter writer = this.converter.writerFor(payload.getClass());
		byte[] data = writer.write(payload);
		Headers outgoing = withContentType(headers, writer.contentType());
		return checkSize(new OutgoingMessage(subject, outgoing, data), maxPayload);
	}

	private Headers withContentType(Headers headers, String contentType) {
		if (contentType == null) {
			return headers;
		}
		if (headers == null || headers.isEmpty()) {
			return contentTypeOnly(contentType);
		}
		if (headers.containsKey(NatsHeaders.CONTENT_TYPE)) {
			return headers;
		}
		return this.repeatedHeaders.copyWith(headers, NatsHeaders.CONTENT_TYPE, contentType);
	}

	private Headers contentTypeOnly(String contentType) {
		Headers headers = this.contentTypeHeaders.get(contentType);
		if (headers == null) {
			headers = FrozenHeaders.shared(NatsHeaders.CONTENT_TYPE, contentType);
			if (this.contentTypeHeaders.size() < MAX_CACHED_CONTENT_TYPES) {
				this.contentTypeHeaders.putIfAbsent(contentType, headers);
			}
		}
		return headers;
	}

	private static OutgoingMessage checkSize(OutgoingMessage message, long maxPayload) {
		if (maxPayload > 0) {
			long size = message.data().length
					+ ((message.headers() != null) ? message.headers().serializedLength() : 0);
			if (size > maxPayload) {
				throw new NatsPayloadTooLargeException(message.subject(), size, maxPayload);
			}
		}
		return message;
	}

}
