package dev.shop.gitops.commands;

/** --output: text for people, json for machines. */
public enum OutputFormat {
    text, json
}
