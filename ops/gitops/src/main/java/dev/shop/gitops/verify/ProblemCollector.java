package dev.shop.gitops.verify;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.deser.DeserializationProblemHandler;

import java.util.ArrayList;
import java.util.List;

/**
 * Records values of the wrong type instead of aborting, so one pass over an object reports every
 * type error and still reaches the unknown fields after them.
 */
final class ProblemCollector extends DeserializationProblemHandler {

    /** A value that does not fit its field: where (dotted path) and what. */
    record Problem(String path, String message) {
    }

    private final List<Problem> problems = new ArrayList<>();

    List<Problem> problems() {
        return problems;
    }

    @Override
    public Object handleWeirdStringValue(DeserializationContext ctxt, Class<?> targetType, String value, String failureMsg) {
        record(ctxt.getParser(), "expected " + describe(targetType) + ", got \"" + value + "\"");
        return null;
    }

    @Override
    public Object handleWeirdNumberValue(DeserializationContext ctxt, Class<?> targetType, Number value, String failureMsg) {
        record(ctxt.getParser(), "expected " + describe(targetType) + ", got " + value);
        return null;
    }

    @Override
    public Object handleUnexpectedToken(DeserializationContext ctxt, JavaType targetType, JsonToken token, JsonParser parser, String failureMsg) {
        record(parser, "expected " + describe(targetType.getRawClass()) + ", got " + describe(token));
        parser.skipChildren();
        return null;
    }

    private void record(JsonParser parser, String message) {
        problems.add(new Problem(FieldPaths.dotted(parser.streamReadContext().pathAsPointer().toString()), message));
    }

    private static String describe(Class<?> type) {
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        return "a " + type.getSimpleName() + " object";
    }

    private static String describe(JsonToken token) {
        return switch (token) {
            case START_ARRAY -> "a list";
            case START_OBJECT -> "a mapping";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            default -> token.name().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
