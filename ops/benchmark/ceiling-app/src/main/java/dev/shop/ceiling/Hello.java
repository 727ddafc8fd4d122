package dev.shop.ceiling;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The one endpoint: a small JSON body, no I/O, so a request costs only routing and serialisation. */
@Path("/hello")
public class Hello {

    public record Greeting(long id, String text) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Greeting hello() {
        return new Greeting(1, "hello");
    }
}
