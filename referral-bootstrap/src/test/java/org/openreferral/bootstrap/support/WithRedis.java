package org.openreferral.bootstrap.support;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;

/** Test profile: the same app with Redis as its shared cache instead of the in-process one. */
public class WithRedis implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(RedisTestResource.class));
    }
}
