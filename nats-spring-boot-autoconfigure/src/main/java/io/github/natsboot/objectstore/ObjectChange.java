package io.github.natsboot.objectstore;

/**
 * One change of an object seen by a {@linkplain ObjectStoreOperations#watch watch}.
 *
 * @param operation what happened to the object
 * @param object the object as written; for a {@link Operation#DELETE DELETE}, what the
 * deletion left (size {@code 0}, no digest)
 */
public record ObjectChange(Operation operation, StoredObject object) {

	/**
	 * Return the name of the object that changed.
	 * @return the object name
	 */
	public String name() {
		return this.object.name();
	}

	/**
	 * What a change did to its object.
	 */
	public enum Operation {

		/**
		 * The object, or a link, was put.
		 */
		PUT,

		/**
		 * The object was deleted.
		 */
		DELETE

	}

}
