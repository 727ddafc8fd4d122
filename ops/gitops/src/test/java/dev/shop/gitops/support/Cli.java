package dev.shop.gitops.support;

import dev.shop.gitops.GitopsCli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the CLI in-process, as ops/bin/gitops would, and captures what it prints. */
public final class Cli {

    /** Exit code and output of one run. */
    public record Run(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private Cli() {
    }

    public static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = GitopsCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(code, out.toString(), err.toString());
    }
}
