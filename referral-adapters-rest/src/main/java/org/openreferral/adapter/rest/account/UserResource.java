package org.openreferral.adapter.rest.account;

import io.quarkus.security.Authenticated;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.openreferral.adapter.rest.account.dto.UserResponse;
import org.openreferral.adapter.rest.shared.CallerProvider;
import org.openreferral.adapter.rest.shared.PageResponse;
import org.openreferral.adapter.rest.shared.RequestParsing;
import org.openreferral.application.account.port.in.GetUserUseCase;
import org.openreferral.application.account.port.in.GetUserUseCase.GetUserQuery;
import org.openreferral.application.account.port.in.ListUsersUseCase;
import org.openreferral.application.account.port.in.ListUsersUseCase.ListUsersQuery;
import org.openreferral.application.shared.Caller;
import org.openreferral.domain.error.NotFoundException;

/** Users: the caller, one user (self or admin), and the list of all users for admins. */
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

    // Admins only: the use case refuses anybody else (403). "/api/v1/users/" is the {id} form with an empty
    // id, which names no user: 404, as for any malformed id.
    @GET
    public PageResponse<UserResponse> list(@RestQuery String q, @RestQuery String page, @RestQuery String size,
                                           @Context HttpServerRequest http) {
        if (http != null && http.path().endsWith("/")) {
            throw NotFoundException.user();
        }
        return mapper.toUserPage(listUsers.list(new ListUsersQuery(callers.current(), q,
                RequestParsing.page(page, size))));
    }

    @GET
    @Path("/me")
    public UserResponse me() {
        Caller caller = callers.current();
        return mapper.toResponse(getUser.get(new GetUserQuery(caller, caller.id().value())));
    }

    @GET
    @Path("/{id}")
    public UserResponse user(@RestPath String id) {
        return mapper.toResponse(getUser.get(new GetUserQuery(callers.current(), userId(id))));
    }

    private static UUID userId(String id) {
        return RequestParsing.id(id, NotFoundException::user);
    }
}
