package org.openreferral.adapter.rest.referral;

import java.util.Objects;

/**
 * The public address of a code's share link: {@code referral.share-link-base} (REFERRAL_SHARE_LINK_BASE) followed by
 * the code, e.g. {@code https://refer.example.com/r/K7Q2M9XWPA}. Codes are {@code [A-Za-z0-9_-]}, so they need no
 * escaping in a path.
 */
public final class ShareLinks {

    private final String base;

    public ShareLinks(String base) {
        this.base = Objects.requireNonNull(base, "base");
    }

    /** The share link of a code. */
    public String linkTo(String code) {
        return base + code;
    }
}
