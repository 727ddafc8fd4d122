package dev.shop.repochecks.workflows;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One call of a program in a workflow's {@code run:} script: the program as written and its
 * arguments, split the way bash would for the cases our scripts use (quotes, variables, command
 * substitution, line continuations). A token built from a variable is kept as {@link #VARIABLE}
 * unless it also holds literal text; an array expansion ({@code "${a[@]}"}, {@code "$@"}) is dropped.
 */
record CommandCall(String file, String program, List<String> args) {

    static final String VARIABLE = "<variable>";

    /** The programs whose calls are checked, as they appear in scripts. */
    static final List<String> PROGRAMS = List.of("./mvnw", "ops/bin/gitops", "ops/bin/quality-gate",
            "java -jar ops/pipeline/target/pipeline.jar");

    static List<CommandCall> find(String file, String script) {
        List<CommandCall> calls = new ArrayList<>();
        String joined = script.replace("\\\n", " ");
        for (String line : joined.split("\n")) {
            for (String program : PROGRAMS) {
                int at = line.indexOf(program);
                while (at >= 0) {
                    boolean wordStart = at == 0 || " \t(|;&$\"`".indexOf(line.charAt(at - 1)) >= 0;
                    if (wordStart) {
                        calls.add(new CommandCall(file, program, tokens(line.substring(at + program.length()))));
                    }
                    at = line.indexOf(program, at + program.length());
                }
            }
        }
        return calls;
    }

    /** The calls in a bash script file; comment lines are skipped, since usage examples live there. */
    static List<CommandCall> findInScript(String file, String script) {
        return find(file, script.lines().filter(line -> !line.strip().startsWith("#")).collect(Collectors.joining("\n")));
    }

    /** Arguments up to the end of the command: a pipe, ;, &&, ||, a redirection or a closing parenthesis. */
    static List<String> tokens(String rest) {
        List<String> tokens = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean variable = false;
        boolean literal = false;
        boolean started = false;
        boolean array = false;
        char quote = 0;
        for (int i = 0; i < rest.length(); i++) {
            char c = rest.charAt(i);
            if (quote == 0 && (c == ' ' || c == '\t')) {
                addToken(tokens, current, started && !(array && !literal), variable, literal);
                current.setLength(0);
                started = variable = literal = array = false;
                continue;
            }
            if (quote == 0 && (c == '|' || c == ';' || c == '&' || c == ')' || c == '>' || c == '<' || c == '#')) {
                if (c == '>' && current.toString().matches("\\d")) {
                    current.setLength(0);
                    started = literal = false;
                }
                break;
            }
            if (quote == 0 && (c == '"' || c == '\'')) {
                quote = c;
                started = true;
                continue;
            }
            if (quote != 0 && c == quote) {
                quote = 0;
                continue;
            }
            if (c == '$' && quote != '\'') {
                int end = endOfExpansion(rest, i);
                String expansion = rest.substring(i, end);
                if (expansion.contains("[@]") || expansion.equals("$@") || expansion.equals("$*")) {
                    array = true;
                } else {
                    variable = true;
                }
                started = true;
                i = end - 1;
                continue;
            }
            current.append(c);
            literal = true;
            started = true;
        }
        addToken(tokens, current, started && !(array && !literal), variable, literal);
        return tokens;
    }

    private static void addToken(List<String> tokens, StringBuilder current, boolean started, boolean variable, boolean literal) {
        if (!started) {
            return;
        }
        if (variable && !literal) {
            tokens.add(VARIABLE);
        } else if (variable) {
            tokens.add(current + VARIABLE);
        } else if (literal || current.length() == 0) {
            tokens.add(current.toString());
        }
    }

    /** The end of $NAME, ${...} or $(...), balancing braces and parentheses. */
    private static int endOfExpansion(String text, int dollar) {
        if (dollar + 1 >= text.length()) {
            return dollar + 1;
        }
        char open = text.charAt(dollar + 1);
        if ("@*#?$!-0123456789".indexOf(open) >= 0) {
            // a special or positional parameter is one character long
            return dollar + 2;
        }
        if (open == '{' || open == '(') {
            char close = open == '{' ? '}' : ')';
            int depth = 0;
            for (int i = dollar + 1; i < text.length(); i++) {
                if (text.charAt(i) == open) {
                    depth++;
                } else if (text.charAt(i) == close && --depth == 0) {
                    return i + 1;
                }
            }
            return text.length();
        }
        int i = dollar + 1;
        while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_')) {
            i++;
        }
        return i;
    }

    @Override
    public String toString() {
        return file + ": " + program + " " + String.join(" ", args);
    }
}
