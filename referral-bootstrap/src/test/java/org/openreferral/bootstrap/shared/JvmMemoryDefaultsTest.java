package org.openreferral.bootstrap.shared;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import java.lang.management.ManagementFactory;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JvmMemoryDefaultsTest {

    private final HotSpotDiagnosticMXBean jvm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);

    @Test
    void flagsLeftAtTheirDefaultAreSetAndOnesSetByTheOperatorAreLeftAlone() {
        Map<String, VMOption> before = Map.of(
                "MinHeapFreeRatio", jvm.getVMOption("MinHeapFreeRatio"),
                "MaxHeapFreeRatio", jvm.getVMOption("MaxHeapFreeRatio"),
                "G1PeriodicGCInterval", jvm.getVMOption("G1PeriodicGCInterval"));

        Map<String, String> applied = JvmMemoryDefaults.apply(jvm);

        before.forEach((flag, option) -> {
            String now = jvm.getVMOption(flag).getValue();
            if (option.getOrigin() == VMOption.Origin.DEFAULT) {
                assertThat(now).as(flag).isEqualTo(JvmMemoryDefaults.DEFAULTS.get(flag));
                assertThat(applied).containsEntry(flag, now);
            } else {
                assertThat(now).as(flag + " set by the operator").isEqualTo(option.getValue());
                assertThat(applied).doesNotContainKey(flag);
            }
        });
        assertThat(JvmMemoryDefaults.apply(jvm)).as("once applied, the flags are no longer defaults").isEmpty();
    }

    @Test
    void withoutTheDiagnosticBeanNothingIsSet() {
        assertThat(JvmMemoryDefaults.apply(null)).isEmpty();
    }
}
