package org.openreferral.bootstrap.e2e;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.openreferral.bootstrap.support.WithRedis;

/** The referral flows again, with Redis as the lookup cache. */
@QuarkusTest
@TestProfile(WithRedis.class)
class ReferralsWithRedisTest extends ReferralsTest {
}
