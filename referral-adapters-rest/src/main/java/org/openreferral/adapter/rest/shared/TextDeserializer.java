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

/** Reads every JSON string value as Jackson does, then refuses what {@link InputText} refuses. */
final class TextDeserializer extends StdScalarDeserializer<String> implements ContextualDeserializer {

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

    @Override
    public JsonDeserializer<?> createContextual(DeserializationContext context, BeanProperty property) {
        boolean multiLineProperty = property != null && property.getAnnotation(MultiLineText.class) != null;
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
