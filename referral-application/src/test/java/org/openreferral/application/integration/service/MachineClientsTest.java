package org.openreferral.application.integration.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openreferral.application.account.port.in.ValidateAccessTokenUseCase.ValidateAccessTokenCommand;
import org.openreferral.application.account.port.out.SecurityEvent;
import org.openreferral.application.account.service.ValidateAccessTokenService;
import org.openreferral.application.fakes.FakeSubjectExistenceCache;
import org.openreferral.application.fakes.Fixture;
import org.openreferral.application.integration.port.in.ClientView;
import org.openreferral.application.integration.port.in.CreateClientUseCase.CreateClientCommand;
import org.openreferral.application.integration.port.in.CreateClientUseCase.CreatedClient;
import org.openreferral.application.integration.port.in.DeleteClientUseCase.DeleteClientCommand;
import org.openreferral.application.integration.port.in.InvalidScopeException;
import org.openreferral.application.integration.port.in.IssueClientTokenUseCase.ClientToken;
import org.openreferral.application.integration.port.in.IssueClientTokenUseCase.IssueClientTokenCommand;
import org.openreferral.application.integration.port.in.ListClientsUseCase.ListClientsQuery;
import org.openreferral.application.shared.Caller;
import org.openreferral.application.shared.PageRequest;
import org.openreferral.application.shared.error.AuthenticationFailedException;
import org.openreferral.application.shared.error.PermissionDeniedException;
import org.openreferral.domain.error.NotFoundException;
import org.openreferral.domain.model.client.ClientName;
import org.openreferral.domain.model.client.Scope;
import org.openreferral.domain.model.user.UserId;

/** The machine client use cases and the token check's view of clients, on the fakes. */
class MachineClientsTest {

    private final Fixture fx = new Fixture();
    private final Caller admin = new Caller(fx.admin("root", "root@example.com").id(), true);
    private final Caller person = new Caller(fx.user("jane", "jane@example.com").id(), false);
    private final CreateClientService create = new CreateClientService(fx.clients, fx.secrets, fx.unitOfWork,
            fx.securityLog, fx.clock);
    private final ListClientsService list = new ListClientsService(fx.clients, fx.unitOfWork);
    private final DeleteClientService delete = new DeleteClientService(fx.clients, fx.unitOfWork, fx.securityLog);
    private final IssueClientTokenService issue = new IssueClientTokenService(fx.clients, fx.secrets, fx.tokens,
            fx.unitOfWork);
    private final ValidateAccessTokenService validation = new ValidateAccessTokenService(fx.sessions, fx.users,
            fx.unitOfWork, new FakeSubjectExistenceCache(fx.clock), Duration.ofSeconds(30),
            new ClientSubjectsService(fx.clients, fx.unitOfWork));

    private CreatedClient crm(Scope... scopes) {
        return create.create(new CreateClientCommand(admin, new ClientName("crm"), EnumSet.of(scopes[0], scopes)));
    }

    private ClientToken token(CreatedClient client, String secret, Set<Scope> scopes) {
        return issue.issue(new IssueClientTokenCommand(client.client().id().toString(), secret,
                scopes.isEmpty() ? Optional.empty() : Optional.of(scopes)));
    }

    @Test
    void anAdminCreatesAClientWhoseSecretIsStoredOnlyAsItsDigest() {
        CreatedClient created = crm(Scope.REFERRALS_WRITE, Scope.REFERRALS_READ);

        assertThat(created.secret()).isEqualTo("secret-1");
        assertThat(created.client().scopes()).containsExactly(Scope.REFERRALS_READ, Scope.REFERRALS_WRITE);
        assertThat(fx.unitOfWork.reading(() -> fx.clients.findById(created.client().id())).orElseThrow()
                .secretDigest()).isEqualTo("digest:secret-1");
        assertThat(list.list(new ListClientsQuery(admin, PageRequest.first())).items())
                .extracting(ClientView::id).containsExactly(created.client().id());
    }

    @Test
    void onlyAdminsManageClients() {
        CreatedClient created = crm(Scope.REFERRALS_READ);
        Caller client = Caller.client(new UserId(created.client().id().value()), Set.of(Scope.REFERRALS_READ));

        for (Caller caller : new Caller[] {person, client}) {
            assertThatThrownBy(() -> create.create(new CreateClientCommand(caller, new ClientName("x"),
                    Set.of(Scope.USERS_READ)))).isInstanceOf(PermissionDeniedException.class);
            assertThatThrownBy(() -> list.list(new ListClientsQuery(caller, PageRequest.first())))
                    .isInstanceOf(PermissionDeniedException.class);
            assertThatThrownBy(() -> delete.delete(new DeleteClientCommand(caller, created.client().id())))
                    .isInstanceOf(PermissionDeniedException.class);
        }
    }

    @Test
    void theRightSecretGetsATokenForAllScopesOrTheSubsetAskedFor() {
        CreatedClient created = crm(Scope.REFERRALS_READ, Scope.REFERRALS_WRITE);

        assertThat(token(created, created.secret(), Set.of()).scopes())
                .containsExactly(Scope.REFERRALS_READ, Scope.REFERRALS_WRITE);
        assertThat(token(created, created.secret(), Set.of(Scope.REFERRALS_READ)).scopes())
                .containsExactly(Scope.REFERRALS_READ);
        assertThat(fx.tokens.issuedToClients()).containsExactly(created.client().id(), created.client().id());
    }

    @Test
    void aScopeTheClientLacksIsRefused() {
        CreatedClient created = crm(Scope.REFERRALS_READ);

        assertThatThrownBy(() -> token(created, created.secret(), Set.of(Scope.REFERRALS_READ, Scope.USERS_READ)))
                .isInstanceOfSatisfying(InvalidScopeException.class,
                        e -> assertThat(e.code()).isEqualTo("invalid-scope"));
    }

    @Test
    void aWrongSecretAnUnknownClientAndAMalformedIdGetTheSameAnswer() {
        CreatedClient created = crm(Scope.REFERRALS_READ);

        for (IssueClientTokenCommand wrong : new IssueClientTokenCommand[] {
                new IssueClientTokenCommand(created.client().id().toString(), "secret-2", Optional.empty()),
                new IssueClientTokenCommand(created.client().id().toString(), null, Optional.empty()),
                new IssueClientTokenCommand(UUID.randomUUID().toString(), created.secret(), Optional.empty()),
                new IssueClientTokenCommand("nope", created.secret(), Optional.empty()),
                new IssueClientTokenCommand(null, null, Optional.empty())}) {
            assertThatThrownBy(() -> issue.issue(wrong)).isInstanceOfSatisfying(AuthenticationFailedException.class,
                    e -> assertThat(e.code()).isEqualTo("invalid-client"));
        }
        assertThat(fx.tokens.issuedToClients()).isEmpty();
    }

    @Test
    void creatingAndDeletingAClientAreSecurityEventsNamingTheAdminNeverTheSecret() {
        CreatedClient created = crm(Scope.REFERRALS_WRITE, Scope.EVENTS_READ);
        delete.delete(new DeleteClientCommand(admin, created.client().id()));
        assertThatThrownBy(() -> delete.delete(new DeleteClientCommand(person, created.client().id())))
                .isInstanceOf(PermissionDeniedException.class);

        assertThat(fx.securityLog.events()).containsExactly(
                SecurityEvent.clientCreated(admin, created.client().id(), Set.of(Scope.REFERRALS_WRITE,
                        Scope.EVENTS_READ)),
                SecurityEvent.clientDeleted(admin, created.client().id()));
        assertThat(fx.securityLog.events().get(0).fields()).containsEntry("by", admin.id().toString())
                .containsEntry("scopes", "events:read,referrals:write")
                .doesNotContainValue(created.secret());
    }

    @Test
    void aDeletedClientsSecretAndTokensStopWorking() {
        CreatedClient created = crm(Scope.REFERRALS_READ);
        UUID subject = created.client().id().value();
        validation.validate(new ValidateAccessTokenCommand(subject, "jti-1", null, true));

        delete.delete(new DeleteClientCommand(admin, created.client().id()));

        assertThatThrownBy(() -> token(created, created.secret(), Set.of()))
                .isInstanceOf(AuthenticationFailedException.class);
        assertThatThrownBy(() -> delete.delete(new DeleteClientCommand(admin, created.client().id())))
                .isInstanceOfSatisfying(NotFoundException.class,
                        e -> assertThat(e.code()).isEqualTo("client-not-found"));
        // Remembered as existing for the subject-check ttl, then refused.
        validation.validate(new ValidateAccessTokenCommand(subject, "jti-2", null, true));
        fx.clock.advance(Duration.ofSeconds(31));
        assertThatThrownBy(() -> validation.validate(new ValidateAccessTokenCommand(subject, "jti-3", null, true)))
                .isInstanceOfSatisfying(AuthenticationFailedException.class,
                        e -> assertThat(e.code()).isEqualTo("token-revoked"));
    }

    @Test
    void aUserIdIsNoClient() {
        UUID jane = person.id().value();

        assertThatThrownBy(() -> validation.validate(new ValidateAccessTokenCommand(jane, "jti-1", null, true)))
                .isInstanceOf(AuthenticationFailedException.class);
    }

    @Test
    void theCallerSaysWhoMayPassAScopedCheck() {
        Caller reader = Caller.client(new UserId(UUID.randomUUID()), Set.of(Scope.REFERRALS_READ));

        reader.requireAdminOr(Scope.REFERRALS_READ);
        admin.requireAdminOr(Scope.REFERRALS_WRITE);
        assertThatThrownBy(() -> reader.requireAdminOr(Scope.REFERRALS_WRITE))
                .isInstanceOfSatisfying(PermissionDeniedException.class,
                        e -> assertThat(e.code()).isEqualTo("insufficient-scope"));
        assertThatThrownBy(() -> person.requireAdminOr(Scope.REFERRALS_READ))
                .isInstanceOfSatisfying(PermissionDeniedException.class,
                        e -> assertThat(e.code()).isEqualTo("forbidden"));
        assertThat(reader.maySee(reader.id())).isFalse();
    }
}
