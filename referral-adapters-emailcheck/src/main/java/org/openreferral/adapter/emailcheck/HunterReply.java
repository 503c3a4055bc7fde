package org.openreferral.adapter.emailcheck;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/** The parts of Hunter.io's verifier answer that the adapter reads; everything else is ignored. */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record HunterReply(Data data, List<ErrorEntry> errors) {

    /** {@code data} of a 200 answer: {@code status}, or the deprecated {@code result} as a fallback. */
    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Data(String status, String result) {
    }

    /** One entry of an error answer's {@code errors}. */
    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ErrorEntry(String id, Integer code) {
    }
}
