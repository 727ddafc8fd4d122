package dev.shop.conventions.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Singleton;
import jakarta.ws.rs.core.Response;

import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Renders a {@link ProblemException} as an {@code application/problem+json} body (RFC 9457). */
@Singleton
public class ProblemResponses {

    public static final String MEDIA_TYPE = "application/problem+json";

    private final ObjectMapper json;

    public ProblemResponses(ObjectMapper json) {
        this.json = json;
    }

    /** The standard members first; an extension member never replaces one of them. */
    public String body(ProblemException problem, String instance) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.type());
        body.put("title", problem.title());
        body.put("status", problem.status());
        body.put("detail", problem.detail());
        body.put("instance", instance);
        problem.extensions().forEach(body::putIfAbsent);
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Response response(ProblemException problem, String instance) {
        Response.ResponseBuilder response = Response.status(problem.status())
                .type(MEDIA_TYPE)
                .entity(body(problem, instance));
        problem.headers().forEach(response::header);
        return response.build();
    }
}
