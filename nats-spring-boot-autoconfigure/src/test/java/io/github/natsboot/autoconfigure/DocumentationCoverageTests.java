package io.github.natsboot.autoconfigure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.github.natsboot.metrics.DefaultNatsListenerObservationConvention;
import io.github.natsboot.metrics.DefaultNatsTemplateObservationConvention;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the README and the reference pages under {@code docs/} true to the code: every
 * {@code nats.*} property of the configuration metadata is documented in exactly one
 * property table, no page names a {@code nats.*} property that does not exist, every page
 * starts with an example, and links between pages lead somewhere.
 */
class DocumentationCoverageTests {

	private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

	private static final Pattern NATS_NAME = Pattern.compile("`(nats\\.[A-Za-z0-9.*<>_-]*[A-Za-z0-9*>_-])");

	private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

	private static final Pattern CODE_LITERAL = Pattern.compile("\"(nats\\.[a-z0-9.-]+[a-z0-9])\"");

	private final NatsPropertyNames properties = NatsPropertyNames.fromMetadata();

	private final Map<Path, String> pages = docsPages();

	@Test
	void everyNatsPropertyIsDocumentedInExactlyOnePropertyTable() {
		Map<String, List<String>> rows = new LinkedHashMap<>();
		this.properties.leaves().forEach((leaf) -> rows.put(leaf, new ArrayList<>()));
		this.pages.forEach((page, text) -> {
			for (String line : text.lines().toList()) {
				for (String name : firstCellNames(line)) {
					this.properties.leaves()
						.stream()
						.filter((leaf) -> NatsPropertyNames.covers(name, leaf))
						.forEach((leaf) -> rows.get(leaf).add(page.getFileName() + ": " + name));
				}
			}
		});
		List<String> problems = new ArrayList<>();
		rows.forEach((leaf, where) -> {
			if (where.size() != 1) {
				problems.add(leaf + " in " + where.size() + " rows " + where);
			}
		});
		assertThat(problems).as("properties that need exactly one row in a property table of docs/*.md").isEmpty();
	}

	@Test
	void everyNatsNameTheReadmeAndTheDocsGiveExists() throws IOException {
		Set<String> codeNames = codeLiterals();
		// the long task timers that observations become, named <observation>.active
		codeNames.add(DefaultNatsListenerObservationConvention.INSTANCE.getName() + ".active");
		codeNames.add(DefaultNatsTemplateObservationConvention.INSTANCE.getName() + ".active");
		List<String> unknown = new ArrayList<>();
		readmeAndDocs().forEach((page, text) -> {
			Matcher names = NATS_NAME.matcher(text);
			while (names.find()) {
				String name = names.group(1);
				if (!this.properties.isKnown(name) && !codeNames.contains(name)) {
					unknown.add(ROOT.relativize(page) + ": " + name);
				}
			}
		});
		assertThat(unknown).as("names that are no property, property group, meter or other name of the code")
			.isEmpty();
	}

	@Test
	void everyDocsPageStartsWithAnExampleBeforeItsFirstSection() {
		List<String> withoutExample = new ArrayList<>();
		this.pages.forEach((page, text) -> {
			int example = text.indexOf("\n```");
			int section = text.indexOf("\n## ");
			if (!page.getFileName().toString().equals("README.md") && (example < 0 || (section >= 0 && section < example))) {
				withoutExample.add(page.getFileName().toString());
			}
		});
		assertThat(withoutExample).as("pages whose first section comes before any example").isEmpty();
	}

	@Test
	void theIndexAndTheReadmeLinkToEveryDocsPage() throws IOException {
		String index = this.pages.get(ROOT.resolve("docs/README.md"));
		String readme = Files.readString(ROOT.resolve("README.md"));
		for (Path page : this.pages.keySet()) {
			String name = page.getFileName().toString();
			if (!name.equals("README.md")) {
				assertThat(index).as("docs/README.md links to " + name).contains("](" + name + ")");
				assertThat(readme).as("README.md links to docs/" + name).contains("(docs/" + name);
			}
		}
	}

	@Test
	void linksBetweenPagesLeadToExistingPagesAndSections() throws IOException {
		List<String> broken = new ArrayList<>();
		readmeAndDocs().forEach((page, text) -> {
			Matcher links = LINK.matcher(text);
			while (links.find()) {
				String link = links.group(1);
				if (link.contains("://") || link.startsWith("mailto:")) {
					continue;
				}
				String[] parts = link.split("#", 2);
				Path target = parts[0].isEmpty() ? page : page.getParent().resolve(parts[0]).normalize();
				if (!Files.exists(target)) {
					broken.add(ROOT.relativize(page) + ": " + link);
				}
				else if (parts.length == 2 && !anchors(read(target)).contains(parts[1])) {
					broken.add(ROOT.relativize(page) + ": " + link + " (no such section)");
				}
			}
		});
		assertThat(broken).isEmpty();
	}

	@Test
	void theReadmeStaysShort() throws IOException {
		assertThat(Files.readAllLines(ROOT.resolve("README.md"))).hasSizeLessThan(250);
	}

	private Map<Path, String> readmeAndDocs() {
		Map<Path, String> documents = new LinkedHashMap<>(this.pages);
		documents.put(ROOT.resolve("README.md"), read(ROOT.resolve("README.md")));
		return documents;
	}

	private static List<String> firstCellNames(String line) {
		if (!line.startsWith("| `nats.")) {
			return List.of();
		}
		String cell = line.substring(1, line.indexOf('|', 1));
		List<String> names = new ArrayList<>();
		Matcher matcher = NATS_NAME.matcher(cell);
		while (matcher.find()) {
			names.add(matcher.group(1));
		}
		return names;
	}

	private static Set<String> anchors(String markdown) {
		Set<String> anchors = new TreeSet<>();
		boolean code = false;
		for (String line : markdown.lines().toList()) {
			if (line.startsWith("```")) {
				code = !code;
			}
			else if (!code && line.startsWith("#")) {
				String title = line.replaceFirst("^#+\\s*", "").trim().toLowerCase();
				anchors.add(title.replaceAll("[^a-z0-9 _-]", "").replace(' ', '-'));
			}
		}
		return anchors;
	}

	private static Set<String> codeLiterals() throws IOException {
		Set<String> literals = new TreeSet<>();
		try (Stream<Path> modules = Files.list(ROOT)) {
			for (Path sources : modules.map((module) -> module.resolve("src/main/java")).filter(Files::isDirectory)
				.toList()) {
				try (Stream<Path> files = Files.walk(sources)) {
					for (Path file : files.filter((path) -> path.toString().endsWith(".java")).toList()) {
						Matcher matcher = CODE_LITERAL.matcher(Files.readString(file));
						while (matcher.find()) {
							literals.add(matcher.group(1));
						}
					}
				}
			}
		}
		return literals;
	}

	private static Map<Path, String> docsPages() {
		Map<Path, String> pages = new LinkedHashMap<>();
		try (Stream<Path> files = Files.list(ROOT.resolve("docs"))) {
			files.filter((file) -> file.toString().endsWith(".md")).sorted().forEach((file) -> pages.put(file, read(file)));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		assertThat(pages).as("docs pages").containsKey(ROOT.resolve("docs/README.md")).hasSizeGreaterThan(10);
		return pages;
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
