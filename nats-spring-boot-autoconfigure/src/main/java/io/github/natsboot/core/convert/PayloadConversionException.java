package io.github.natsboot.core.convert;

import java.lang.reflect.Type;

import org.springframework.messaging.converter.MessageConversionException;

/**
 * A payload could not be read as the type a listener or a requester asked for. The
 * message says what was wrong without quoting the payload: its size, whether it was
 * JSON at all, where it did not match the type, and the content type it declared, for
 * example {@code Payload of 4 bytes is not valid JSON for com.example.Order (content
 * type application/json)}. The parser's own message, which may quote the payload, stays
 * in the cause for the logs.
 */
public class PayloadConversionException extends MessageConversionException {

	private final int payloadSize;

	private final transient Type targetType;

	private final String problem;

	private final String contentType;

	private PayloadConversionException(int payloadSize, Type targetType, String problem, String contentType,
			Throwable cause) {
		super(message(payloadSize, problem, contentType), cause);
		this.payloadSize = payloadSize;
		this.targetType = targetType;
		this.problem = problem;
		this.contentType = contentType;
	}

	/**
	 * A payload that is not JSON.
	 * @param payloadSize the size of the payload
	 * @param targetType the type it was read as
	 * @param cause the parser's exception
	 * @return the exception
	 */
	public static PayloadConversionException notJson(int payloadSize, Type targetType, Throwable cause) {
		return new PayloadConversionException(payloadSize, targetType,
				"is not valid JSON for " + targetType.getTypeName(), null, cause);
	}

	/**
	 * A payload that is JSON but does not match the type.
	 * @param payloadSize the size of the payload
	 * @param targetType the type it was read as
	 * @param path where in the JSON document it did not match ({@code items[2].quantity}),
	 * or an empty string for the document itself
	 * @param cause the mapper's exception
	 * @return the exception
	 */
	public static PayloadConversionException notMatching(int payloadSize, Type targetType, String path,
			Throwable cause) {
		return new PayloadConversionException(payloadSize, targetType, "is JSON that does not match "
				+ targetType.getTypeName() + (path.isEmpty() ? "" : " at '" + path + "'"), null, cause);
	}

	/**
	 * A payload that could not be read for another reason.
	 * @param payloadSize the size of the payload
	 * @param targetType the type it was read as
	 * @param cause why
	 * @return the exception
	 */
	public static PayloadConversionException unreadable(int payloadSize, Type targetType, Throwable cause) {
		return new PayloadConversionException(payloadSize, targetType,
				"could not be read as " + targetType.getTypeName(), null, cause);
	}

	/**
	 * This failure, for a payload that declared the given content type.
	 * @param contentType the {@code Content-Type} header of the message, or {@code null}
	 * @return the exception
	 */
	public PayloadConversionException withContentType(String contentType) {
		return new PayloadConversionException(this.payloadSize, this.targetType, this.problem, contentType,
				getCause());
	}

	private static String message(int payloadSize, String problem, String contentType) {
		return "Payload of " + payloadSize + ((payloadSize == 1) ? " byte " : " bytes ") + problem
				+ ((contentType != null) ? " (content type " + contentType + ")" : " (no content type)");
	}

	/**
	 * The size of the payload.
	 * @return the size in bytes
	 */
	public int getPayloadSize() {
		return this.payloadSize;
	}

	/**
	 * The type the payload was read as.
	 * @return the target type
	 */
	public Type getTargetType() {
		return this.targetType;
	}

	/**
	 * The content type the message declared.
	 * @return the content type, or {@code null} when it declared none
	 */
	public String getContentType() {
		return this.contentType;
	}

}
