package org.openreferral.adapter.rest.account;

import io.quarkus.security.Authenticated;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.openreferral.adapter.rest.account.dto.UserResponse;
import org.openreferral.adapter.rest.shared.CallerProvider;
import org.openreferral.adapter.rest.shared.Fields;
import org.openreferral.adapter.rest.shared.PageResponse;
import org.openreferral.adapter.rest.shared.RequestParsing;
import org.openreferral.application.account.port.in.GetUserUseCase;
import org.openreferral.application.account.port.in.GetUserUseCase.GetUserQuery;
import org.openreferral.application.account.port.in.ListUsersUseCase;
import org.openreferral.application.account.port.in.ListUsersUseCase.ListUsersQuery;
import org.openreferral.application.shared.Caller;
import org.openreferral.application.shared.PageRequest;
import org.openreferral.domain.error.NotFoundException;
import org.openreferral.domain.model.client.Scope;
import org.openreferral.domain.model.user.Email;

/**
 * Users: the caller, one user (self, admin or a client with {@code users:read}), and the list of all users for admins
 * and clients with {@code users:read}.
 */
@Path("/api/v1/users")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class UserResource {

    private final GetUserUseCase getUser;
    private final ListUsersUseCase listUsers;
    private final CallerProvider callers;
    private final AccountMapper mapper;

    UserResource(GetUserUseCase getUser, ListUsersUseCase listUsers, CallerProvider callers, AccountMapper mapper) {
        this.getUser = getUser;
        this.listUsers = listUsers;
        this.callers = callers;
        this.mapper = mapper;
    }

    // Admins and clients with users:read only: the use case refuses anybody else (403). "/api/v1/users/" is the
    // {id} form with an empty id, which names no user: 404, as for any malformed id.
    @GET
    public PageResponse<UserResponse> list(@RestQuery String q, @RestQuery String page, @RestQuery String size,
                                           @Context HttpServerRequest http) {
        if (http != null && http.path().endsWith("/")) {
            throw NotFoundException.user();
        }
        Caller caller = callers.any();
        PageRequest pageRequest = RequestParsing.page(page, size);
        return mapper.toUserPage(listUsers.list(new ListUsersQuery(caller, filter(caller, q), pageRequest)));
    }

    // The use case refuses anybody else (403) whatever the filter says, so q is checked only for those it lets in: an
    // overlong q must not turn that 403 into a 400. No username or email is longer than an email address.
    private static String filter(Caller caller, String q) {
        if (caller.isAdminOr(Scope.USERS_READ) && q != null && q.length() > Email.MAX_LENGTH) {
            throw Fields.invalid("q", "must be at most " + Email.MAX_LENGTH + " characters");
        }
        return q;
    }

    @GET
    @Path("/me")
    public UserResponse me() {
        Caller caller = callers.current();
        return mapper.toResponse(getUser.get(new GetUserQuery(caller, caller.id())));
    }

    @GET
    @Path("/{id}")
    public UserResponse user(@RestPath String id) {
        return mapper.toResponse(getUser.get(new GetUserQuery(callers.any(), RequestParsing.userId(id))));
    }
}
