package org.openreferral.application.fakes;

import org.openreferral.application.account.port.out.PasswordHasher;
import org.openreferral.domain.model.user.PasswordHash;

/** A fast, transparent hasher ({@code hash:<password>}) that counts its calls. */
public final class FakePasswordHasher implements PasswordHasher {

    private final FakeUnitOfWork unitOfWork;
    private int hashCalls;
    private int matchesCalls;
    private boolean calledInsideTransaction;

    public FakePasswordHasher(FakeUnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
    }

    @Override
    public PasswordHash hash(String password) {
        calledInsideTransaction |= unitOfWork.isActive();
        hashCalls++;
        return hashOf(password);
    }

    @Override
    public boolean matches(String password, PasswordHash hash) {
        calledInsideTransaction |= unitOfWork.isActive();
        matchesCalls++;
        return hashOf(password).equals(hash);
    }

    public static PasswordHash hashOf(String password) {
        return new PasswordHash("hash:" + password);
    }

    public int hashCalls() {
        return hashCalls;
    }

    public int matchesCalls() {
        return matchesCalls;
    }

    public boolean calledInsideTransaction() {
        return calledInsideTransaction;
    }
}
