package dev.shop.good.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

@Path("/api/baskets")
public class BasketResource {

    @GET
    public String all() {
        return "[]";
    }
}
