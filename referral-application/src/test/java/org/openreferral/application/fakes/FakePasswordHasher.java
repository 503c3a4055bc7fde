package org.openreferral.application.fakes;

import org.openreferral.application.account.port.out.PasswordHasher;
import org.openreferral.application.shared.error.ServiceUnavailableException;
import org.openreferral.domain.model.user.PasswordHash;

/**
 * A fast, transparent hasher ({@code hash:<password>}) that counts its calls, and can run something while it checks a
 * password: what other requests do during the slow hash of a real one.
 */
public final class FakePasswordHasher implements PasswordHasher {

    private final FakeUnitOfWork unitOfWork;
    private int hashCalls;
    private int matchesCalls;
    private boolean calledInsideTransaction;
    private Runnable duringNextCheck;
    private int refusedChecks;

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
        if (refusedChecks > 0) {
            refusedChecks--;
            throw ServiceUnavailableException.overloaded("no hashing slot (fake)");
        }
        matchesCalls++;
        boolean matches = hashOf(password).equals(hash);
        Runnable meanwhile = duringNextCheck;
        duringNextCheck = null;
        if (meanwhile != null) {
            meanwhile.run();
        }
        return matches;
    }

    /** Runs {@code work} during the next password check, after the hash was compared and before the answer returns. */
    public void duringNextCheck(Runnable work) {
        duringNextCheck = work;
    }

    /** The next {@code checks} password checks are refused before they compare anything, as with no hashing slot. */
    public void refuseNextChecks(int checks) {
        refusedChecks = checks;
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
