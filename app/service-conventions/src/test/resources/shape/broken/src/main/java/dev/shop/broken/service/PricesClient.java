package dev.shop.broken.service;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

@RegisterRestClient(configKey = "prices")
public interface PricesClient {
}
