package dev.shop.gitops.commands;

import dev.shop.gitops.images.ImageEntry;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.util.regex.Pattern;

/** Option converters for image coordinates: a malformed value is a usage error (exit 2) before the verb runs. */
final class ImageConverters {

    /** A registry repository as OCI distribution names it, with an optional registry port. */
    private static final Pattern REPOSITORY = Pattern.compile("[a-z0-9]+([._-][a-z0-9]+)*(:[0-9]+)?(/[a-z0-9]+([._-][a-z0-9]+)*)*");

    private ImageConverters() {
    }

    static final class Digest implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            if (!ImageEntry.DIGEST.matcher(value).matches()) {
                throw new TypeConversionException("bad digest '" + value + "': expected sha256: followed by 64 lowercase hex digits");
            }
            return value;
        }
    }

    static final class Tag implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            if (!ImageEntry.TAG.matcher(value).matches()) {
                throw new TypeConversionException("bad tag '" + value + "': an image tag is [A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");
            }
            return value;
        }
    }

    static final class Repository implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            if (!REPOSITORY.matcher(value).matches()) {
                throw new TypeConversionException("bad image repository '" + value + "': expected e.g. 111122223333.dkr.ecr.eu-central-1.amazonaws.com/shop/catalog");
            }
            return value;
        }
    }
}
