package org.openreferral.adapter.emailcheck;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** Domains of disposable-email services, from the list shipped in this module or from a file; subdomains match too. */
public final class DisposableDomains {

    /** Classpath location of the shipped list (include it in a native image). */
    public static final String SHIPPED_RESOURCE = "org/openreferral/adapter/emailcheck/disposable-domains.txt";

    private final Set<String> domains;
    private final String source;

    private DisposableDomains(Set<String> domains, String source) {
        this.domains = Set.copyOf(domains);
        this.source = source;
    }

    public static DisposableDomains shipped() {
        InputStream in = DisposableDomains.class.getClassLoader().getResourceAsStream(SHIPPED_RESOURCE);
        if (in == null) {
            throw new IllegalStateException("the shipped disposable-domain list is missing from the classpath: " + SHIPPED_RESOURCE);
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return new DisposableDomains(parse(reader), "the shipped list");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the shipped disposable-domain list", e);
        }
    }

    /** One domain a line; blank lines and {@code #} comments are skipped; a leading {@code *.} is allowed. */
    public static DisposableDomains fromFile(Path file) {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return new DisposableDomains(parse(reader), file.toString());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the disposable-domain file " + file, e);
        }
    }

    private static Set<String> parse(BufferedReader reader) throws IOException {
        Set<String> domains = new HashSet<>();
        String line;
        while ((line = reader.readLine()) != null) {
            String domain = line.strip().toLowerCase(Locale.ROOT);
            if (domain.isEmpty() || domain.startsWith("#")) {
                continue;
            }
            if (domain.startsWith("*.")) {
                domain = domain.substring(2);
            }
            domains.add(trimDots(domain));
        }
        return domains;
    }

    /** Whether the domain, or a parent domain of it (mail.mailinator.com: mailinator.com), is listed. */
    public boolean contains(String domain) {
        String candidate = trimDots(domain.strip().toLowerCase(Locale.ROOT));
        while (candidate.indexOf('.') > 0) {
            if (domains.contains(candidate)) {
                return true;
            }
            candidate = candidate.substring(candidate.indexOf('.') + 1);
        }
        return false;
    }

    public int size() {
        return domains.size();
    }

    /** Where the list came from, for the startup log. */
    public String source() {
        return source;
    }

    private static String trimDots(String domain) {
        int start = 0;
        int end = domain.length();
        while (start < end && domain.charAt(start) == '.') {
            start++;
        }
        while (end > start && domain.charAt(end - 1) == '.') {
            end--;
        }
        return domain.substring(start, end);
    }
}
