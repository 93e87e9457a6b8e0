package io.github.natsboot.core;

import io.nats.client.impl.Headers;

/**
 * A message ready to send: converted payload and headers with its content type.
 *
 * @param subject the subject
 * @param headers the headers, {@code null} when there are none; possibly read-only
 * (shared between messages), so copy them to add a header
 * @param data the payload bytes
 */
public record OutgoingMessage(String subject, Headers headers, byte[] data) {

}
