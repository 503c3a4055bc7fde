package org.openreferral.application.fakes;

import org.junit.jupiter.api.Nested;
import org.openreferral.application.account.port.out.LoginThrottleStore;
import org.openreferral.application.account.port.out.PaidEmailCheckCounter;
import org.openreferral.application.contract.ClientRepositoryContract;
import org.openreferral.application.contract.EmailVerificationTokenRepositoryContract;
import org.openreferral.application.contract.EventOutboxContract;
import org.openreferral.application.contract.IdempotencyStoreContract;
import org.openreferral.application.contract.LoginThrottleStoreContract;
import org.openreferral.application.contract.PaidEmailCheckCounterContract;
import org.openreferral.application.contract.PasswordResetTokenRepositoryContract;
import org.openreferral.application.contract.ReferralCodeRepositoryContract;
import org.openreferral.application.contract.ReferralLifecycleRepositoryContract;
import org.openreferral.application.contract.ReferralRepositoryContract;
import org.openreferral.application.contract.RefreshTokenRepositoryContract;
import org.openreferral.application.contract.RewardLedgerContract;
import org.openreferral.application.contract.Stores;
import org.openreferral.application.contract.UserRepositoryContract;
import org.openreferral.application.integration.port.out.EventOutbox;
import org.openreferral.application.integration.port.out.IdempotencyStore;

/** The repository contracts run against the in-memory fakes, so the fakes behave as PostgreSQL does. */
class InMemoryRepositoriesTest {

    static Stores emptyFakes() {
        return storesOf(new Fixture());
    }

    static Stores storesOf(Fixture fx) {
        return new Stores(fx.unitOfWork, fx.users, fx.codes, fx.referrals, fx.ledger, fx.refreshTokens, fx.resetTokens,
                fx.verificationTokens, fx.clients);
    }

    @Nested
    class Users extends UserRepositoryContract {
        @Override
        protected Stores emptyStores() {
            return emptyFakes();
        }
    }

    @Nested
    class ReferralCodes extends ReferralCodeRepositoryContract {
        @Override
        protected Stores emptyStores() {
            return emptyFakes();
        }
    }

    @Nested
    class Referrals extends ReferralRepositoryContract {
        @Override
        protected Stores emptyStores() {
            return emptyFakes();
        }
    }

    @Nested
    class ReferralLifecycle extends ReferralLifecycleRepositoryContract {
        @Override
        protected Stores emptyStores() {
            return emptyFakes();
        }
    }

    @Nested
    class Ledger extends RewardLedgerContract {
        @Override
        protected Stores emptyStores() {
            return emptyFakes();
        }
    }

    @Nested
    class RefreshTokens extends RefreshTokenRepositoryContract {
        @Override
        protected Stores emptyStores() {
            return emptyFakes();
        }
    }

    @Nested
    class ResetTokens extends PasswordResetTokenRepositoryContract {
        @Override
        protected Stores emptyStores() {
            return emptyFakes();
        }
    }

    @Nested
    class Clients extends ClientRepositoryContract {
        @Override
        protected Stores emptyStores() {
            return emptyFakes();
        }
    }

    @Nested
    class VerificationTokens extends EmailVerificationTokenRepositoryContract {
        @Override
        protected Stores emptyStores() {
            return emptyFakes();
        }
    }

    @Nested
    class IdempotencyKeys extends IdempotencyStoreContract {
        @Override
        protected Stores emptyStores() {
            return emptyFakes();
        }

        @Override
        protected IdempotencyStore idempotencyStore(Stores stores) {
            return new InMemoryIdempotencyStore((FakeUnitOfWork) stores.unitOfWork());
        }
    }

    @Nested
    class PaidEmailChecks extends PaidEmailCheckCounterContract {
        @Override
        protected Stores emptyStores() {
            return emptyFakes();
        }

        @Override
        protected PaidEmailCheckCounter counter(Stores stores) {
            return new InMemoryPaidEmailCheckCounter();
        }
    }

    @Nested
    class Events extends EventOutboxContract {
        private final Fixture fx = new Fixture();

        @Override
        protected Stores emptyStores() {
            return storesOf(fx);
        }

        @Override
        protected EventOutbox outbox() {
            return fx.events;
        }
    }

    @Nested
    class LoginThrottles extends LoginThrottleStoreContract {
        @Override
        protected Stores emptyStores() {
            return emptyFakes();
        }

        @Override
        protected LoginThrottleStore loginThrottleStore(Stores stores) {
            return new InMemoryLoginThrottleStore((FakeUnitOfWork) stores.unitOfWork());
        }
    }
}
