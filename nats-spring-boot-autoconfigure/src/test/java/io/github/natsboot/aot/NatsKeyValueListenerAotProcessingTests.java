package io.github.natsboot.aot;

import io.github.natsboot.kv.KeyValueChange;
import io.github.natsboot.kv.KeyValueHeaders;
import io.github.natsboot.listener.NatsKeyValueListener;
import org.junit.jupiter.api.Test;

import org.springframework.aot.generate.ClassNameGenerator;
import org.springframework.aot.generate.DefaultGenerationContext;
import org.springframework.aot.generate.InMemoryGeneratedFiles;
import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.context.aot.ApplicationContextAotGenerator;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.javapoet.ClassName;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.messaging.handler.annotation.Payload;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * AOT processing of an application context with {@link NatsKeyValueListener} beans
 * registers the hints a native image needs to invoke them and bind their values.
 */
class NatsKeyValueListenerAotProcessingTests {

	private final RuntimeHints hints = processAheadOfTime();

	@Test
	void keyValueListenerMethodsAreRegisteredForInvocation() throws Exception {
		assertThat(RuntimeHintsPredicates.reflection()
			.onMethodInvocation(FlagListeners.class.getDeclaredMethod("onChange", KeyValueChange.class)))
			.accepts(this.hints);
		assertThat(RuntimeHintsPredicates.reflection()
			.onMethodInvocation(FlagListeners.class.getDeclaredMethod("onLimit", Limit.class, String.class)))
			.accepts(this.hints);
	}

	@Test
	void valueTypesAreRegisteredForJsonBindingIncludingThoseOfAKeyValueChange() {
		assertThat(RuntimeHintsPredicates.reflection()
			.onType(Flag.class)
			.withMemberCategories(MemberCategory.INVOKE_DECLARED_CONSTRUCTORS)).accepts(this.hints);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(Flag.class, "enabled")).accepts(this.hints);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(Limit.class, "max")).accepts(this.hints);
	}

	private static RuntimeHints processAheadOfTime() {
		GenericApplicationContext context = new GenericApplicationContext();
		context.registerBean(FlagListeners.class);
		DefaultGenerationContext generationContext = new DefaultGenerationContext(
				new ClassNameGenerator(ClassName.get("com.example", "NatsKeyValueAotTest")),
				new InMemoryGeneratedFiles());
		new ApplicationContextAotGenerator().processAheadOfTime(context, generationContext);
		return generationContext.getRuntimeHints();
	}

	record Flag(boolean enabled) {
	}

	record Limit(int max) {
	}

	static class FlagListeners {

		@NatsKeyValueListener(bucket = "config", keys = "flags.>")
		void onChange(KeyValueChange<Flag> change) {
		}

		@NatsKeyValueListener(bucket = "config", keys = "limits.*")
		void onLimit(@Payload(required = false) Limit limit, @Header(KeyValueHeaders.KEY) String key) {
		}

	}

}
