package dev.shop.repochecks.workflows;

import java.util.regex.Pattern;

/** GitHub's branch filter patterns: {@code *} matches within one path segment, {@code **} across them. */
final class BranchGlob {

    private BranchGlob() {
    }

    static boolean matches(String glob, String branch) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                regex.append(".*");
                i++;
            } else if (c == '*') {
                regex.append("[^/]*");
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return branch.matches(regex.toString());
    }
}
