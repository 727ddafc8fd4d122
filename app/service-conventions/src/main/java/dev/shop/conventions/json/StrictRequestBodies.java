package dev.shop.conventions.json;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import jakarta.inject.Singleton;
import jakarta.ws.rs.ConstrainedTo;
import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Strict for what a service accepts, tolerant for what it reads from others. Request bodies must have the
 * documented types: {@code "quantity": "2"} or {@code 1.5} and {@code "sku": 12} are client mistakes (400), not
 * values to guess from, and an unknown field such as {@code "quantiy"} is refused rather than read as a missing
 * value. The shared ObjectMapper stays Quarkus' tolerant one, so a field another service adds to its answers
 * never breaks the REST clients, and no client has to remember an annotation.
 *
 * <p>How: Quarkus REST's server reads JSON bodies with the ObjectMapper of a {@code ContextResolver<ObjectMapper>}
 * when there is one (falling back to the shared mapper when it returns null); {@code ConstrainedTo(SERVER)} keeps
 * the REST clients from registering this provider (decision 0506). A service opts in with
 * {@value #ENABLED}{@code =true}.
 */
@Provider
@ConstrainedTo(RuntimeType.SERVER)
@Singleton
public class StrictRequestBodies implements ContextResolver<ObjectMapper> {

    public static final String ENABLED = "service-conventions.strict-json.enabled";

    private final ObjectMapper strict;

    public StrictRequestBodies(ObjectMapper shared,
                               @ConfigProperty(name = ENABLED, defaultValue = "false") boolean enabled) {
        this.strict = enabled ? strictCopyOf(shared) : null;
    }

    /** The strict mapper for request bodies; null (the shared mapper) when the service has not opted in. */
    @Override
    public ObjectMapper getContext(Class<?> type) {
        return strict;
    }

    /** A copy of {@code mapper} (its modules and settings kept) that refuses what {@link StrictRequestBodies} refuses. */
    public static ObjectMapper strictCopyOf(ObjectMapper mapper) {
        ObjectMapper strict = mapper.copy();
        strict.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        strict.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        strict.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        strict.coercionConfigFor(LogicalType.Integer)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        strict.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        return strict;
    }
}
