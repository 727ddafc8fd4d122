package dev.shop.broken.util;

public final class Helpers {
}
