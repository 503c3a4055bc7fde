package org.openreferral.bootstrap.security;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Every case of {@link RefreshTokensTest} again, with Redis holding the deny-list and the counters. */
@QuarkusTest
@TestProfile(AccountSecurityWithRedisProfile.class)
class RedisRefreshTokensTest extends RefreshTokensTest {
}
