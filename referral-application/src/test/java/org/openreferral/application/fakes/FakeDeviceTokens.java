package org.openreferral.application.fakes;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.openreferral.application.account.port.out.DeviceTokens;
import org.openreferral.domain.model.user.UserId;

/** Device tokens that are genuine only if this fake issued them: a numbered token per issue, with its expiry. */
public final class FakeDeviceTokens implements DeviceTokens {

    private record Issued(Device device, Instant expiresAt) {
    }

    private final Map<String, Issued> issued = new HashMap<>();

    @Override
    public synchronized String issue(UserId user, Instant expiresAt) {
        String id = "d" + (issued.size() + 1);
        String token = "device-token-" + id;
        issued.put(token, new Issued(new Device(user, id), expiresAt));
        return token;
    }

    @Override
    public synchronized Optional<Device> verify(String token, Instant now) {
        Issued found = issued.get(token);
        return found == null || !now.isBefore(found.expiresAt()) ? Optional.empty() : Optional.of(found.device());
    }
}
