package org.openreferral.bootstrap.shared;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import io.quarkus.runtime.ImageMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.lang.management.ManagementFactory;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Memory defaults the app sets for itself where the JVM allows it: a plain {@code java -jar} gets no heap limit
 * but a quarter of the host's memory, and keeps what it once used. HotSpot lets a running process change its
 * "manageable" flags, so at start-up, for each flag the operator left at its default: the heap is given back once
 * more than 30% of it is free after a collection ({@code MinHeapFreeRatio=10}, {@code MaxHeapFreeRatio=30}), and
 * G1 runs a collection after a minute without one, so that a burst's heap is returned while the app idles
 * ({@code G1PeriodicGCInterval=60000}). Flags set on the command line are left alone; the native image has none.
 * The README's "Memory" options bound the process further.
 */
@Singleton
public class JvmMemoryDefaults {

    private static final Logger LOG = Logger.getLogger(JvmMemoryDefaults.class);

    // Order matters: MinHeapFreeRatio must not exceed MaxHeapFreeRatio at any step.
    static final Map<String, String> DEFAULTS = defaults();

    void onStart(@Observes StartupEvent started) {
        if (ImageMode.current().isNativeImage()) {
            return;
        }
        Map<String, String> applied = apply(ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class));
        if (!applied.isEmpty()) {
            LOG.debugf("JVM memory defaults applied: %s", applied);
        }
    }

    /** Sets each default whose flag is still at the JVM's own default; returns what it set. */
    static Map<String, String> apply(HotSpotDiagnosticMXBean jvm) {
        Map<String, String> applied = new LinkedHashMap<>();
        if (jvm == null) {
            return applied;
        }
        for (Map.Entry<String, String> flag : DEFAULTS.entrySet()) {
            try {
                VMOption current = jvm.getVMOption(flag.getKey());
                if (current.getOrigin() == VMOption.Origin.DEFAULT && current.isWriteable()) {
                    jvm.setVMOption(flag.getKey(), flag.getValue());
                    applied.put(flag.getKey(), flag.getValue());
                }
            } catch (IllegalArgumentException | UnsupportedOperationException e) {
                // not a flag of this JVM or this collector (G1PeriodicGCInterval without G1): nothing to do
            }
        }
        return applied;
    }

    private static Map<String, String> defaults() {
        Map<String, String> flags = new LinkedHashMap<>();
        flags.put("MinHeapFreeRatio", "10");
        flags.put("MaxHeapFreeRatio", "30");
        flags.put("G1PeriodicGCInterval", "60000");
        return Collections.unmodifiableMap(flags);
    }
}
