package dev.skiff.image.registry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One challenge of a {@code WWW-Authenticate} header (RFC 7235), e.g.
 * {@code Bearer realm="https://auth.example/token",service="registry",scope="repository:app:pull"}.
 * Scheme and parameter names are case-insensitive and kept in lower case.
 */
public record AuthChallenge(String scheme, Map<String, String> params) {
    public AuthChallenge {
        scheme = scheme.toLowerCase(Locale.ROOT);
        params = Map.copyOf(params);
    }

    public boolean isBearer() {
        return scheme.equals("bearer");
    }

    public boolean isBasic() {
        return scheme.equals("basic");
    }

    /** A parameter's value, or null. */
    public String param(String name) {
        return params.get(name.toLowerCase(Locale.ROOT));
    }

    /** Every challenge in a header value; throws IllegalArgumentException naming what is malformed. */
    public static List<AuthChallenge> parse(String header) {
        return new Parser(header).challenges();
    }

    /** A cursor over the header; a comma separates both parameters and challenges, so it looks ahead. */
    private static final class Parser {
        private final String text;
        private int pos;

        Parser(String text) {
            this.text = text;
        }

        List<AuthChallenge> challenges() {
            List<AuthChallenge> all = new ArrayList<>();
            skipSeparators();
            while (pos < text.length()) {
                String scheme = token();
                if (scheme.isEmpty()) {
                    throw malformed("expected an auth scheme");
                }
                all.add(new AuthChallenge(scheme, params()));
                skipSeparators();
            }
            return all;
        }

        private Map<String, String> params() {
            Map<String, String> params = new LinkedHashMap<>();
            while (true) {
                skipSeparators();
                int start = pos;
                String name = token();
                skipSpaces();
                if (name.isEmpty() || pos >= text.length() || text.charAt(pos) != '=') {
                    pos = start; // not name=value: the next challenge's scheme, or the end
                    return params;
                }
                pos++;
                skipSpaces();
                params.put(name.toLowerCase(Locale.ROOT), pos < text.length() && text.charAt(pos) == '"' ? quoted() : bareValue());
            }
        }

        private String quoted() {
            StringBuilder value = new StringBuilder();
            for (pos++; pos < text.length(); pos++) {
                char c = text.charAt(pos);
                if (c == '"') {
                    pos++;
                    return value.toString();
                }
                if (c == '\\' && pos + 1 < text.length()) {
                    c = text.charAt(++pos);
                }
                value.append(c);
            }
            throw malformed("unterminated quoted string");
        }

        /** Strictly a token, but servers also send bare URLs (realm=https://…): read up to the next separator. */
        private String bareValue() {
            int start = pos;
            while (pos < text.length() && ", \t".indexOf(text.charAt(pos)) < 0) {
                pos++;
            }
            return text.substring(start, pos);
        }

        private String token() {
            int start = pos;
            while (pos < text.length() && isTokenChar(text.charAt(pos))) {
                pos++;
            }
            return text.substring(start, pos);
        }

        private static boolean isTokenChar(char c) {
            return c < 127 && (Character.isLetterOrDigit(c) || "!#$%&'*+-.^_`|~".indexOf(c) >= 0);
        }

        private void skipSpaces() {
            while (pos < text.length() && (text.charAt(pos) == ' ' || text.charAt(pos) == '\t')) {
                pos++;
            }
        }

        private void skipSeparators() {
            while (pos < text.length() && (text.charAt(pos) == ',' || text.charAt(pos) == ' ' || text.charAt(pos) == '\t')) {
                pos++;
            }
        }

        private IllegalArgumentException malformed(String what) {
            return new IllegalArgumentException("malformed WWW-Authenticate header (" + what + " at character " + pos + "): " + text);
        }
    }
}
