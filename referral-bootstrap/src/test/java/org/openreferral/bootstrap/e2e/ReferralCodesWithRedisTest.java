package org.openreferral.bootstrap.e2e;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.openreferral.bootstrap.support.WithRedis;

/** Every referral-code behaviour again, with Redis as the lookup cache. */
@QuarkusTest
@TestProfile(WithRedis.class)
class ReferralCodesWithRedisTest extends ReferralCodesTest {
}
