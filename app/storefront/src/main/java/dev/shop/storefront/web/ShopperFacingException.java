package dev.shop.storefront.web;

/** A request the shop refuses, with a heading and a message meant for the shopper; rendered by {@link ErrorPages}. */
public class ShopperFacingException extends RuntimeException {

    private final int status;
    private final String heading;

    public ShopperFacingException(int status, String heading, String message) {
        super(message);
        this.status = status;
        this.heading = heading;
    }

    public int status() {
        return status;
    }

    public String heading() {
        return heading;
    }

    public static ShopperFacingException productNotFound() {
        return new ShopperFacingException(404, "We couldn't find that product",
                "It may have been removed from the shop. Have a look at our other products.");
    }
}
