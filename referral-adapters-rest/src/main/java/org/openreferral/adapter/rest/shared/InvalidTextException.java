package org.openreferral.adapter.rest.shared;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * A JSON string value that {@link InputText} refuses; Jackson adds the path of the field it came from, and the
 * problem mapper answers 400 {@code validation-failed} naming that field. A mismatched input, because Quarkus REST
 * passes those on to the mappers (other Jackson errors become a bare 400).
 */
public final class InvalidTextException extends MismatchedInputException {

    InvalidTextException(JsonParser parser) {
        super(parser, InputText.REFUSED);
    }
}
