package org.openreferral.adapter.cache.account;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.openreferral.adapter.cache.shared.RedisWaits;
import org.openreferral.application.account.port.out.AccessTokenDenyList;

class InMemoryAccessTokenDenyListTest extends AccessTokenDenyListContract {

    private final InMemoryAccessTokenDenyList denyList = new InMemoryAccessTokenDenyList();

    @Override
    protected AccessTokenDenyList denyList() {
        return denyList;
    }

    @Override
    protected boolean holdsOnceElapsed(Duration time, BooleanSupplier condition) {
        return RedisWaits.holdsWithin(time.plusSeconds(1), condition);
    }
}
