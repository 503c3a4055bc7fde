package org.openreferral.bootstrap.security;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Every case of {@link LoginLockoutTest} again, with Redis holding the deny-list and the rate-limit counters (the
 * lockout state stays in PostgreSQL either way).
 */
@QuarkusTest
@TestProfile(AccountSecurityWithRedisProfile.class)
class RedisLoginLockoutTest extends LoginLockoutTest {

    /** 200,000 Redis round trips would prove nothing here: with Redis the counters are not bounded in process. */
    @Override
    void aLockoutSurvivesTheRateLimitCountersFillingUp() {
    }
}
