package dev.shop.good.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

@RegisterRestClient(configKey = "prices")
@Path("/api/prices")
public interface PricesClient {

    @GET
    String all();
}
