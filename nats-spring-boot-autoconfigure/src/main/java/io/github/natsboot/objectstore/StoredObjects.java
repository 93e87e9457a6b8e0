package io.github.natsboot.objectstore;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.nats.client.api.ObjectInfo;
import io.nats.client.api.ObjectLink;
import io.nats.client.impl.Headers;

/**
 * Turns jnats {@link ObjectInfo}s into {@link StoredObject}s.
 */
final class StoredObjects {

	private StoredObjects() {
	}

	static StoredObject of(ObjectInfo info) {
		ObjectLink link = info.getLink();
		return new StoredObject(info.getBucket(), info.getObjectName(), info.getSize(), info.getChunks(),
				info.getDigest(), (info.getModified() != null) ? info.getModified().toInstant() : null,
				info.getDescription(), headers(info.getHeaders()),
				(info.getMetaData() != null) ? Map.copyOf(info.getMetaData()) : Map.of(),
				(link != null) ? new StoredObject.Link(link.getBucket(), link.getObjectName()) : null);
	}

	private static Map<String, List<String>> headers(Headers headers) {
		if (headers == null || headers.isEmpty()) {
			return Map.of();
		}
		Map<String, List<String>> copy = new LinkedHashMap<>();
		for (String key : headers.keySet()) {
			copy.put(key, List.copyOf(headers.get(key)));
		}
		return Collections.unmodifiableMap(copy);
	}

}
