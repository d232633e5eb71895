package dev.herald.adapter.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.domain.delivery.DeliveryBody;
import dev.herald.domain.delivery.Signatures;
import dev.herald.domain.webhook.WebhookSecret;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/API.md is the reference a client reads: it must name every route the server registers and every error
 * {@code type} a 422 can carry, so a route or a type added without documenting it fails the build; and its worked
 * signature example must be what the signing code computes.
 */
class ApiReferenceTest {
    /** A citation in a comment: {@code docs/API.md §4.2}, {@code docs/API.md §6.8-6.7}, {@code docs/API.md §4.1, §7}. */
    private static final Pattern CITATION =
            Pattern.compile("docs/API\\.md ((?:§\\d+(?:\\.\\d+)?(?:-\\d+(?:\\.\\d+)?)?(?:, )?)+)");
    private static final Pattern SECTION_NUMBER = Pattern.compile("\\d+(?:\\.\\d+)?");
    /** A numbered heading: {@code ## 4. Webhooks} or {@code ### 4.2 Create a webhook}. */
    private static final Pattern HEADING = Pattern.compile("(?m)^#{2,3} (\\d+(?:\\.\\d+)?)\\.? ");
    /** A 422 type as written in main code: {@code "value_error.url"}, {@code "type_error.none.not_allowed"}. */
    private static final Pattern ERROR_TYPE = Pattern.compile("\"((?:type|value)_error(?:\\.[a-z_]+)+)\"");

    private final Path repository = repositoryRoot();
    private final String reference = read(repository.resolve("docs/API.md"));

    @Test
    void everyRegisteredRouteIsDocumented() {
        Set<String> routes = OpenApiDocumentTest.registeredRoutes();

        assertFalse(routes.isEmpty(), "no routes found: has Javalin's router moved?");
        List<String> undocumented = routes.stream().filter(route -> !reference.contains("`" + route + "`")).toList();
        assertEquals(List.of(), undocumented, "routes missing from docs/API.md (written as `METHOD /path`)");
    }

    @Test
    void everyValidationErrorTypeIsDocumented() {
        Set<String> types = errorTypesInMainCode();

        assertFalse(types.isEmpty(), "no error types found in the main code");
        List<String> undocumented = types.stream().filter(type -> !reference.contains("`" + type + "`")).toList();
        assertEquals(List.of(), undocumented, "422 error types missing from docs/API.md");
    }

    @Test
    void everySectionTheCodeCitesExists() {
        Set<String> sections = new TreeSet<>();
        Matcher heading = HEADING.matcher(reference);
        while (heading.find()) {
            sections.add(heading.group(1));
        }
        Set<String> cited = new TreeSet<>();
        for (Path file : javaFiles("/src/")) {
            Matcher citation = CITATION.matcher(read(file));
            while (citation.find()) {
                Matcher number = SECTION_NUMBER.matcher(citation.group(1));
                while (number.find()) {
                    cited.add(number.group());
                }
            }
        }

        assertFalse(cited.isEmpty(), "no citations of docs/API.md found in the code");
        cited.removeAll(sections);
        assertEquals(Set.of(), cited, "sections cited as docs/API.md §n that do not exist; it has " + sections);
    }

    /** The worked example of the signatures section, computed by the signing code itself. */
    @Test
    void theWorkedSignatureExampleIsRight() {
        WebhookSecret secret = new WebhookSecret("whsec_AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=");
        String body = "{\"id\":\"msg_2b8fQm1Xz0aLk9VvC3eR7TyU\",\"type\":\"PATIENT_CREATED\",\"data\":{\"patientId\":42},"
                + "\"createdDate\":\"2026-11-27T05:31:56.123Z\",\"alertId\":\"evt_7Hc2Lq9WmZ4pR1sN8xKbD0Ya\"}";
        DeliveryBody delivery = DeliveryBody.ofText(body);

        String decoda = Signatures.decoda(secret, delivery);
        String standard = Signatures.standardWebhooks(List.of(secret), "msg_2b8fQm1Xz0aLk9VvC3eR7TyU", 1795757516L,
                delivery);

        for (String shown : List.of(secret.value(), body, "Decoda-Signature: " + decoda,
                "webhook-signature: " + standard, "webhook-timestamp: 1795757516")) {
            assertTrue(reference.contains(shown), "docs/API.md should show " + shown);
        }
        byte[] zeroToThirtyOne = new byte[32];
        for (int i = 0; i < zeroToThirtyOne.length; i++) {
            zeroToThirtyOne[i] = (byte) i;
        }
        assertArrayEquals(zeroToThirtyOne, secret.standardKey());
    }

    /** Every {@code type_error…}/{@code value_error…} literal in the main code of every module. */
    private Set<String> errorTypesInMainCode() {
        Set<String> types = new TreeSet<>();
        for (Path file : javaFiles("/src/main/")) {
            Matcher matcher = ERROR_TYPE.matcher(read(file));
            while (matcher.find()) {
                types.add(matcher.group(1));
            }
        }
        return types;
    }

    /** The Java sources of every module whose path inside the checkout contains {@code folder}. */
    private List<Path> javaFiles(String folder) {
        try (Stream<Path> files = Files.walk(repository)) {
            return files.filter(file -> file.toString().endsWith(".java"))
                    .filter(file -> ("/" + repository.relativize(file).toString().replace('\\', '/')).contains(folder))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The checkout's root: the nearest directory above the working directory that holds docs/API.md. */
    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("docs/API.md"))) {
                return dir;
            }
        }
        throw new AssertionError("docs/API.md not found above " + Path.of("").toAbsolutePath());
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
