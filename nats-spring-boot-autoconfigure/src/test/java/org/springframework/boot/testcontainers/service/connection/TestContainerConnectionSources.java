package org.springframework.boot.testcontainers.service.connection;

import java.util.List;
import java.util.Map;

import org.testcontainers.containers.Container;

import org.springframework.boot.origin.Origin;
import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.annotation.MergedAnnotations;

/**
 * Creates {@link ContainerConnectionSource}s for tests, as {@code @ServiceConnection} on a
 * container field or bean would, without starting anything.
 */
public final class TestContainerConnectionSources {

	private TestContainerConnectionSources() {
	}

	/**
	 * Create a source for a container of the given image.
	 * @param <C> the container type
	 * @param container the container
	 * @param imageName the image name the container is of
	 * @return the source
	 */
	public static <C extends Container<?>> ContainerConnectionSource<C> of(C container, String imageName) {
		return of(container, imageName, MergedAnnotation.of(ServiceConnection.class));
	}

	/**
	 * Create a source for a container of the given image, as
	 * {@code @ServiceConnection(name = ...)} would.
	 * @param <C> the container type
	 * @param container the container
	 * @param imageName the image name the container is of
	 * @param connectionName the name of the service connection
	 * @return the source
	 */
	public static <C extends Container<?>> ContainerConnectionSource<C> of(C container, String imageName,
			String connectionName) {
		return of(container, imageName,
				MergedAnnotation.of(ServiceConnection.class, Map.of("name", connectionName, "value", connectionName)));
	}

	@SuppressWarnings("unchecked")
	private static <C extends Container<?>> ContainerConnectionSource<C> of(C container, String imageName,
			MergedAnnotation<ServiceConnection> annotation) {
		return new ContainerConnectionSource<>("test", Origin.from(container), (Class<C>) container.getClass(),
				imageName, annotation, () -> container, null, MergedAnnotations.of(List.of()));
	}

}
