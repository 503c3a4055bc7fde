package org.openreferral.adapter.emailcheck;

import java.util.Locale;
import java.util.regex.Pattern;
import org.openreferral.application.account.port.out.EmailVerdict;
import org.openreferral.application.account.port.out.EmailVerdict.Status;
import org.openreferral.application.account.port.out.EmailVerifier;
import org.openreferral.domain.model.user.Email;

/** Adapter: judges an address without the network, by its domain's syntax and a list of disposable-email domains. */
public final class OfflineEmailVerifier implements EmailVerifier {

    static final String CHECKED_OFFLINE = "checked offline";
    static final String DISPOSABLE = "the domain belongs to a disposable email service";
    static final String BAD_DOMAIN = "the domain is not a valid mail domain";

    private static final int MAX_DOMAIN_LENGTH = 253;
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern TOP_LEVEL_LABEL = Pattern.compile("[a-z]{2,63}|xn--[a-z0-9-]{1,59}");

    private final DisposableDomains disposableDomains;

    public OfflineEmailVerifier(DisposableDomains disposableDomains) {
        this.disposableDomains = disposableDomains;
    }

    @Override
    public EmailVerdict verify(Email email) {
        String domain = email.domain();
        if (!isMailDomain(domain)) {
            return EmailVerdict.of(Status.INVALID, BAD_DOMAIN);
        }
        if (disposableDomains.contains(domain)) {
            return EmailVerdict.of(Status.DISPOSABLE, DISPOSABLE);
        }
        return EmailVerdict.of(Status.VALID, CHECKED_OFFLINE);
    }

    // The Email value object already checks this; kept so that loosening it cannot let a bad domain through here.
    static boolean isMailDomain(String domain) {
        String candidate = domain.toLowerCase(Locale.ROOT);
        if (candidate.isEmpty() || candidate.length() > MAX_DOMAIN_LENGTH) {
            return false;
        }
        String[] labels = candidate.split("\\.", -1);
        if (labels.length < 2) {
            return false;
        }
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return TOP_LEVEL_LABEL.matcher(labels[labels.length - 1]).matches();
    }
}
