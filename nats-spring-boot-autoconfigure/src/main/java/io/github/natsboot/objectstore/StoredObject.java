package io.github.natsboot.objectstore;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.github.natsboot.core.NatsHeaders;

/**
 * What an object store holds about one object: its name, size, digest and metadata, or,
 * for a link, what it links to.
 *
 * @param bucket the bucket holding the object
 * @param name the object name
 * @param size the size of the content in bytes ({@code 0} for a link)
 * @param chunks the number of chunks the content is stored in
 * @param digest the digest of the content, such as {@code SHA-256=...}, or {@code null}
 * for a link
 * @param modified when the object was last written, by the server's clock
 * @param description the object's description, or {@code null}
 * @param headers the object's headers (for example {@code Content-Type} of a converted
 * value), empty when there are none
 * @param metadata the object's metadata, empty when there is none
 * @param link what the object links to, or {@code null} when it holds content
 */
public record StoredObject(String bucket, String name, long size, long chunks, String digest, Instant modified,
		String description, Map<String, List<String>> headers, Map<String, String> metadata, Link link) {

	/**
	 * Return the content type the object was stored with.
	 * @return the first {@value NatsHeaders#CONTENT_TYPE} header, or {@code null}
	 */
	public String contentType() {
		List<String> values = this.headers.get(NatsHeaders.CONTENT_TYPE);
		return (values != null && !values.isEmpty()) ? values.get(0) : null;
	}

	/**
	 * Return whether the object is a link to another object or to a bucket.
	 * @return {@code true} for a link
	 */
	public boolean isLink() {
		return this.link != null;
	}

	/**
	 * What a link points to: an object of a bucket, or a whole bucket.
	 *
	 * @param bucket the bucket linked to
	 * @param name the object linked to, or {@code null} for a link to the whole bucket
	 */
	public record Link(String bucket, String name) {

		/**
		 * Return whether this links to a whole bucket rather than to one object.
		 * @return {@code true} for a bucket link
		 */
		public boolean isBucketLink() {
			return this.name == null;
		}

	}

}
