package org.openreferral.bootstrap.security;

import java.util.ArrayList;
import java.util.List;
import org.openreferral.bootstrap.support.RedisTestResource;

/** {@link AccountSecurityProfile} with Redis holding the deny-list and every counter, as several instances would. */
public class AccountSecurityWithRedisProfile extends AccountSecurityProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        List<TestResourceEntry> resources = new ArrayList<>(super.testResources());
        resources.add(new TestResourceEntry(RedisTestResource.class));
        return resources;
    }
}
