package org.openreferral.adapter.rest.shared;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;

/**
 * Reads every JSON string value of a request body (a type of this REST adapter) as Jackson does, then refuses what
 * {@link InputText} refuses.
 */
final class TextDeserializer extends StdScalarDeserializer<String> implements ContextualDeserializer {

    private static final String REQUEST_TYPES = "org.openreferral.adapter.rest.";

    private final boolean multiLine;

    TextDeserializer(boolean multiLine) {
        super(String.class);
        this.multiLine = multiLine;
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        String text = StringDeserializer.instance.deserialize(parser, context);
        if (!InputText.acceptable(text, multiLine)) {
            throw new InvalidTextException(parser);
        }
        return text;
    }

    // Only the request bodies of this adapter are the boundary: the same ObjectMapper also reads what the service
    // stored or fetched itself (event payloads, remote answers), which is none of this rule's business.
    @Override
    public JsonDeserializer<?> createContextual(DeserializationContext context, BeanProperty property) {
        if (property == null || property.getMember() == null
                || !property.getMember().getDeclaringClass().getName().startsWith(REQUEST_TYPES)) {
            return StringDeserializer.instance;
        }
        boolean multiLineProperty = property.getAnnotation(MultiLineText.class) != null;
        return multiLineProperty == multiLine ? this : new TextDeserializer(multiLineProperty);
    }

    @Override
    public LogicalType logicalType() {
        return LogicalType.Textual;
    }

    @Override
    public boolean isCachable() {
        return true;
    }
}
