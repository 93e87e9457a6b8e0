package io.github.natsboot.autoconfigure;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.nats.client.NKey;
import io.nats.client.support.JwtUtils;

/**
 * A NATS operator with one account and one user, for testing decentralized (JWT)
 * authentication with a {@code .creds} file against a real server in operator mode.
 */
public final class TestOperator {

	private static final String ACCOUNT_LIMITS = "{\"subs\":-1,\"data\":-1,\"payload\":-1,\"imports\":-1,"
			+ "\"exports\":-1,\"wildcards\":true,\"conn\":-1,\"leaf\":-1}";

	private final NKey operator;

	private final NKey account;

	private TestOperator() throws Exception {
		this.operator = NKey.createOperator(null);
		this.account = NKey.createAccount(null);
	}

	/**
	 * Create an operator with a new account.
	 * @return the operator
	 * @throws Exception if a key cannot be created
	 */
	public static TestOperator create() throws Exception {
		return new TestOperator();
	}

	/**
	 * Server configuration that trusts this operator and preloads the account.
	 * @return the nats-server configuration snippet
	 */
	public String serverConfig() throws Exception {
		String operatorPublicKey = publicKey(this.operator);
		String accountPublicKey = publicKey(this.account);
		String operatorJwt = JwtUtils.issueJWT(this.operator, operatorPublicKey, "test-operator", null,
				JwtUtils.currentTimeSeconds(), operatorPublicKey, () -> "{\"type\":\"operator\",\"version\":2}");
		String accountJwt = JwtUtils.issueJWT(this.operator, accountPublicKey, "test-account", null,
				JwtUtils.currentTimeSeconds(), operatorPublicKey,
				() -> "{\"type\":\"account\",\"version\":2,\"limits\":" + ACCOUNT_LIMITS + "}");
		return "operator: " + operatorJwt + "\nresolver: MEMORY\nresolver_preload: {\n  " + accountPublicKey + ": "
				+ accountJwt + "\n}\n";
	}

	/**
	 * Write a credentials file for a new user of the account.
	 * @param directory where to write the file
	 * @param signedByAccount whether the account signs the user (false gives a user the
	 * server does not trust)
	 * @return the file
	 */
	public Path writeUserCredentials(Path directory, boolean signedByAccount) throws Exception {
		NKey user = NKey.createUser(null);
		NKey signer = signedByAccount ? this.account : NKey.createAccount(null);
		String jwt = JwtUtils.issueUserJWT(signer, publicKey(signer), publicKey(user), "test-user",
				Duration.ofHours(1));
		Path file = Files.createTempFile(directory, "user", ".creds");
		Files.writeString(file, String.format(JwtUtils.NATS_USER_JWT_FORMAT, jwt, new String(user.getSeed())),
				StandardCharsets.UTF_8);
		return file;
	}

	private static String publicKey(NKey key) throws Exception {
		return new String(key.getPublicKey());
	}

}
