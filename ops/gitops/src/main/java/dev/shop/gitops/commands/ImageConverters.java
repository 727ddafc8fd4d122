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

    /** What a value must match whole, named in the usage error: "bad <what> '<value>': <expected>". */
    private record Rule(Pattern pattern, String what, String expected) {
    }

    private abstract static class Matching implements ITypeConverter<String> {
        private final Rule rule;

        Matching(Rule rule) {
            this.rule = rule;
        }

        @Override
        public String convert(String value) {
            if (!rule.pattern().matcher(value).matches()) {
                throw new TypeConversionException("bad " + rule.what() + " '" + value + "': " + rule.expected());
            }
            return value;
        }
    }

    static final class Digest extends Matching {
        Digest() {
            super(new Rule(ImageEntry.DIGEST, "digest", "expected sha256: followed by 64 lowercase hex digits"));
        }
    }

    static final class Tag extends Matching {
        Tag() {
            super(new Rule(ImageEntry.TAG, "tag", "an image tag is [A-Za-z0-9_][A-Za-z0-9_.-]{0,127}"));
        }
    }

    static final class Repository extends Matching {
        Repository() {
            super(new Rule(REPOSITORY, "image repository", "expected e.g. 111122223333.dkr.ecr.eu-central-1.amazonaws.com/shop/catalog"));
        }
    }
}
