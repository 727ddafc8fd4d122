package dev.shop.gitops.promotion;

import dev.shop.gitops.images.ImageEntry;

/** One service's move in an env from its current image to another. */
public record Move(String service, ImageEntry old, ImageEntry next) {
}
