package org.openreferral.adapter.rest.referral;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.jboss.resteasy.reactive.RestPath;
import org.openreferral.adapter.rest.shared.ClientAddress;
import org.openreferral.application.referral.port.in.CheckShareLinkUseCase;
import org.openreferral.application.referral.port.in.CheckShareLinkUseCase.CheckShareLinkQuery;
import org.openreferral.application.referral.port.in.CheckShareLinkUseCase.ShareLinkState;
import org.openreferral.application.shared.ratelimit.CheckRateLimitUseCase;
import org.openreferral.application.shared.ratelimit.CheckRateLimitUseCase.CheckRateLimitCommand;
import org.openreferral.application.shared.ratelimit.CheckRateLimitUseCase.RateLimitedAction;
import org.openreferral.domain.error.InvalidValueException;
import org.openreferral.domain.model.referral.CodeValue;

/**
 * The page behind a share link ({@code /r/{code}}): an invitation with a sign-up form, and a QR code of the link.
 * A code that does not work (unknown, expired, revoked, or not even a code) gets one and the same page, so the page
 * tells nobody which codes exist; it never names the referrer. Checking a code counts against the code-lookup budget.
 */
@Path("/r")
@PermitAll
public class SharePageResource {

    private final Template page;
    private final CheckShareLinkUseCase check;
    private final CheckRateLimitUseCase rateLimits;
    private final ClientAddress clientAddress;
    private final ShareLinks shareLinks;

    SharePageResource(@Location("share-page.html") Template page, CheckShareLinkUseCase check,
                      CheckRateLimitUseCase rateLimits, ClientAddress clientAddress, ShareLinks shareLinks) {
        this.page = page;
        this.check = check;
        this.rateLimits = rateLimits;
        this.clientAddress = clientAddress;
        this.shareLinks = shareLinks;
    }

    @GET
    @Path("/{code}")
    @Produces(MediaType.TEXT_HTML)
    public Response page(@RestPath String code, @Context HttpServerRequest http) {
        rateLimits.check(new CheckRateLimitCommand(RateLimitedAction.CODE_LOOKUP, clientAddress.rateLimitKey(http)));
        Optional<CodeValue> open = parse(code)
                .filter(value -> check.check(new CheckShareLinkQuery(value)) == ShareLinkState.OPEN);
        String html = page.data("open", open.isPresent()).data("code", open.map(CodeValue::value).orElse("")).render();
        // The state of a code changes (expiry, revocation): never from a cache.
        return Response.ok(html).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    /** The share link as a QR code: drawn for any well-formed code, without looking it up (so no oracle either). */
    @GET
    @Path("/{code}/qr.svg")
    @Produces("image/svg+xml")
    public Response qrCode(@RestPath String code) {
        return parse(code)
                .map(value -> Response.ok(QrCodeSvg.of(shareLinks.linkTo(value.value())))
                        .header(HttpHeaders.CACHE_CONTROL, "public, max-age=86400"))
                .orElseGet(() -> Response.status(Response.Status.NOT_FOUND).type(MediaType.TEXT_PLAIN).entity("Not found"))
                .build();
    }

    private static Optional<CodeValue> parse(String code) {
        try {
            return Optional.of(new CodeValue(code));
        } catch (InvalidValueException e) {
            return Optional.empty();
        }
    }
}
