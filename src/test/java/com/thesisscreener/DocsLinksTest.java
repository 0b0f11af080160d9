package com.thesisscreener;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Whoever clones the repository can follow every link of its docs: each one is relative and lands on a file in it. */
class DocsLinksTest {

    private static final Path ROOT = Path.of("").toAbsolutePath().normalize();
    /** [text](target) and ![alt](target); the target ends at whitespace or the closing parenthesis. */
    private static final Pattern LINK = Pattern.compile("!?\\[[^\\]]*\\]\\(\\s*<?([^)\\s>]+)>?(?:\\s+\"[^\"]*\")?\\s*\\)");
    private static final Pattern AUTOLINK = Pattern.compile("<((?:https?|ftp|mailto):[^>\\s]+)>");
    private static final Pattern REFERENCE = Pattern.compile("(?m)^\\s*\\[[^\\]]+\\]:\\s*(\\S+)");

    @Test
    void everyLinkOfTheReadmeTheAnalystGuideAndTheDocsResolvesInsideTheRepository() throws IOException {
        List<String> broken = new ArrayList<>();
        for (Path page : pages()) {
            for (String target : links(Files.readString(page))) {
                problem(page, target).ifPresent(broken::add);
            }
        }

        assertThat(broken).as("links that do not resolve inside the repository").isEmpty();
    }

    @Test
    void aLinkOutsideTheRepositoryOrToAMissingFileIsCaught() {
        Path readme = ROOT.resolve("README.md");

        assertThat(problem(readme, "../shared/thesis/THESIS.md")).isPresent();
        assertThat(problem(readme, "https://example.com/thesis")).isPresent();
        assertThat(problem(readme, "docs/no-such-page.md")).isPresent();
        assertThat(problem(readme, "docs/thesis.md#the-argument-in-short")).isEmpty();
        assertThat(links("see `[code](../x)` and\n```\n[block](../y)\n```\n[real](docs/a.md)")).containsExactly("docs/a.md");
    }

    private static List<Path> pages() throws IOException {
        List<Path> pages = new ArrayList<>(List.of(ROOT.resolve("README.md"), ROOT.resolve("rules/README.md")));
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        return pages;
    }

    /** Link targets outside code: fenced blocks and inline code are examples, not links. */
    static List<String> links(String markdown) {
        String prose = markdown.replaceAll("(?ms)^\\s*```.*?^\\s*```", "").replaceAll("`[^`\\n]*`", "");
        List<String> targets = new ArrayList<>();
        for (Pattern pattern : List.of(LINK, AUTOLINK, REFERENCE)) {
            Matcher link = pattern.matcher(prose);
            while (link.find()) targets.add(link.group(1));
        }
        return targets;
    }

    private static java.util.Optional<String> problem(Path page, String target) {
        String where = ROOT.relativize(page) + ": " + target;
        if (target.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) return java.util.Optional.of(where + " leaves the repository");
        String file = target.replaceFirst("[#?].*$", "");
        if (file.isEmpty()) return java.util.Optional.empty(); // an anchor on the same page
        Path resolved = page.getParent().resolve(file).normalize();
        if (!resolved.startsWith(ROOT)) return java.util.Optional.of(where + " leaves the repository");
        if (!Files.exists(resolved)) return java.util.Optional.of(where + " does not exist");
        return java.util.Optional.empty();
    }
}
