package org.openreferral.adapter.cache.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CacheBackendTest {

    @Test
    void autoUsesRedisExactlyWhenARedisClientIsConfigured() {
        assertThat(CacheBackend.choose("auto", true)).isEqualTo(CacheBackend.REDIS);
        assertThat(CacheBackend.choose("auto", false)).isEqualTo(CacheBackend.MEMORY);
    }

    @Test
    void memoryCanBeForcedEvenWhenRedisIsConfigured() {
        assertThat(CacheBackend.choose("memory", true)).isEqualTo(CacheBackend.MEMORY);
    }

    @Test
    void theSettingIsReadWhateverItsCaseAndSurroundingSpace() {
        assertThat(CacheBackend.choose(" Redis ", true)).isEqualTo(CacheBackend.REDIS);
    }

    @Test
    void redisWithoutAConfiguredClientRefusesToStart() {
        assertThatThrownBy(() -> CacheBackend.choose("redis", false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("quarkus.redis.hosts");
    }

    @Test
    void anUnknownBackendRefusesToStart() {
        assertThatThrownBy(() -> CacheBackend.choose("memcached", true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("auto, memory or redis");
    }
}
