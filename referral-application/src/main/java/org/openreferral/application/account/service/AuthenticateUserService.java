package org.openreferral.application.account.service;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.openreferral.application.account.port.in.AuthenticateUserUseCase;
import org.openreferral.application.account.port.in.IssuedTokens;
import org.openreferral.application.account.port.out.DeviceTokens;
import org.openreferral.application.account.port.out.PasswordHasher;
import org.openreferral.application.account.port.out.UserRepository;
import org.openreferral.application.shared.UnitOfWork;
import org.openreferral.application.shared.error.AuthenticationFailedException;
import org.openreferral.application.shared.error.ServiceUnavailableException;
import org.openreferral.domain.model.user.LoginName;
import org.openreferral.domain.model.user.PasswordHash;
import org.openreferral.domain.model.user.User;

/**
 * The password grant. An unknown login costs the same hash verification as a wrong password, so that
 * the answer and its timing do not tell whether an account exists. A locked attempt (see
 * {@link LoginLockout}) gets the same answer as a wrong password, without a password check; an attempt refused before
 * its check (503, no hashing slot) does not count as a failure. Success
 * opens a new session: an access token and the first refresh token of its family, and a device token of the account;
 * unless the user's sessions were ended (a password reset) while the password was checked, which is answered like a
 * wrong password too.
 */
public final class AuthenticateUserService implements AuthenticateUserUseCase {

    private final UserRepository users;
    private final PasswordHasher hasher;
    private final SessionTokens sessions;
    private final LoginLockout lockout;
    private final DeviceTokens devices;
    private final Duration deviceLifetime;
    private final UnitOfWork unitOfWork;
    private final Clock clock;
    private volatile PasswordHash decoy;

    public AuthenticateUserService(UserRepository users, PasswordHasher hasher, SessionTokens sessions,
                                   LoginLockout lockout, DeviceTokens devices, Duration deviceLifetime,
                                   UnitOfWork unitOfWork, Clock clock) {
        this.users = users;
        this.hasher = hasher;
        this.sessions = sessions;
        this.lockout = lockout;
        this.devices = devices;
        this.deviceLifetime = deviceLifetime;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
    }

    @Override
    public IssuedTokens authenticate(AuthenticateUserCommand command) {
        LoginName login = command.login();
        Optional<User> user = unitOfWork.reading(() -> users.findByLogin(login.value()));
        LoginLockout.Account account = LoginLockout.accountOf(user, login);
        // A device token counts only for the account it was issued to.
        Optional<String> device = command.deviceToken()
                .flatMap(token -> devices.verify(token, clock.instant()))
                .filter(found -> user.isPresent() && found.user().equals(user.get().id()))
                .map(DeviceTokens.Device::id);
        LoginLockout.Attempt attempt = lockout.admit(account, new LoginLockout.Client(command.clientNetwork(), device))
                .orElseThrow(AuthenticationFailedException::invalidCredentials);
        boolean matches;
        try {
            matches = hasher.matches(command.password().value(), user.map(User::passwordHash).orElseGet(this::decoy));
        } catch (ServiceUnavailableException notChecked) {
            lockout.abandoned(attempt);
            throw notChecked;
        }
        if (user.isEmpty() || !matches) {
            throw AuthenticationFailedException.invalidCredentials();
        }
        // The hash was checked outside any transaction: the session opens only if the user's session epoch, read
        // with that hash, is still current, so a reset that committed meanwhile is not outlived by this login.
        IssuedTokens tokens = sessions.open(user.get()).orElseThrow(AuthenticationFailedException::invalidCredentials);
        lockout.succeeded(attempt);
        String deviceToken = devices.issue(user.get().id(), clock.instant().plus(deviceLifetime));
        return tokens.withDeviceToken(new IssuedTokens.DeviceToken(deviceToken, deviceLifetime));
    }

    private PasswordHash decoy() {
        PasswordHash current = decoy;
        if (current == null) {
            current = hasher.hash("decoy password that matches no account");
            decoy = current;
        }
        return current;
    }
}
