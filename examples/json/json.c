/*
 * json — CPU benchmark: parse a JSON document with a small hand-written
 * recursive-descent parser.
 *
 * Usage: json [R]   (default 200)
 * Generates one document in memory (about 1 MB: 4000 records with nested
 * objects and arrays, strings with escapes including \uXXXX and surrogate
 * pairs, integers, decimals and exponents, true/false/null), then parses it R
 * times. Each parse decodes every string and converts every number (by hand,
 * no strtod), counting nodes and summing numbers. Prints one deterministic line:
 *   json: bytes=<document size> nodes=<values per parse> strings=<n>
 *         string_bytes=<decoded UTF-8 bytes> string_hash=<fnv1a64 hex>
 *         sum=<sum of numbers, %.6f>            (all on one line)
 * Every parse must give the same totals (else FAIL, exit 1). The benchmark
 * (bench/) runs the same .wasm under node and Skiff; tests compare the line.
 * No libc calls in the parse loop.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---------------------------------------------------------------- generator */

static char *doc;
static size_t doc_len, doc_cap;

static void put(const char *s) {
    size_t n = strlen(s);
    if (doc_len + n + 1 > doc_cap) {
        doc_cap = (doc_len + n + 1) * 2;
        doc = realloc(doc, doc_cap);
        if (!doc) {
            printf("FAIL: out of memory\n");
            exit(1);
        }
    }
    memcpy(doc + doc_len, s, n + 1);
    doc_len += n;
}

static void put_int(long long v) {
    char b[32];
    snprintf(b, sizeof b, "%lld", v);
    put(b);
}

static uint32_t rng = 12345;
static uint32_t next(void) {             /* xorshift32: same sequence everywhere */
    rng ^= rng << 13;
    rng ^= rng >> 17;
    rng ^= rng << 5;
    return rng;
}

static const char *words[] = {
    "alpha", "beta", "gamma", "delta", "tab\\there", "quote\\\"d", "back\\\\slash",
    "new\\nline", "caf\\u00e9", "\\u20ac euro", "snow \\u2603", "emoji \\ud83d\\ude00",
    "slash\\/ed", "ctl\\b\\f\\r", "plain text with some length to it",
};
#define NWORDS (sizeof words / sizeof words[0])

static void gen_record(int i) {
    put("{\"id\":");
    put_int(i);
    put(",\"name\":\"item ");
    put_int(i);
    put(" ");
    put(words[next() % NWORDS]);
    put("\",\"price\":");
    put_int(next() % 100000);
    put(".");
    put_int(10 + next() % 90);
    put(",\"delta\":-");
    put_int(next() % 1000);
    put(".5e-");
    put_int(next() % 6);
    put(",\"big\":");
    put_int(next() % 9 + 1);
    put(".25E+");
    put_int(next() % 12);
    put(",\"active\":");
    put(next() % 2 ? "true" : "false");
    put(",\"note\":null,\"tags\":[");
    int ntags = (int)(next() % 5);
    for (int t = 0; t < ntags; t++) {
        if (t)
            put(",");
        put("\"");
        put(words[next() % NWORDS]);
        put("\"");
    }
    put("],\"matrix\":[[");
    for (int r = 0; r < 3; r++) {
        if (r)
            put("],[");
        for (int c = 0; c < 3; c++) {
            if (c)
                put(",");
            put_int((long long)(next() % 2001) - 1000);
        }
    }
    put("]],\"nested\":{\"level\":1,\"child\":{\"level\":2,\"child\":{\"level\":3,"
        "\"leaf\":[true,false,null,0,-0.0,1e3,\"\"]}}}}");
}

static void generate(int records) {
    put("{\"version\":1,\"title\":\"Skiff \\\"json\\\" benchmark\\n\",\"records\":[\n");
    for (int i = 0; i < records; i++) {
        if (i)
            put(",\n");
        gen_record(i);
    }
    put("\n],\"empty_obj\":{},\"empty_arr\":[],\"count\":");
    put_int(records);
    put("}\n");
}

/* ------------------------------------------------------------------- parser */

typedef struct {
    long nodes, strings, string_bytes;
    uint64_t string_hash;
    double sum;
} stats;

typedef struct {
    const char *p, *end;
    stats st;
    int depth;
    const char *err;
} parser;

static double pow10_table[23];

static int parse_value(parser *ps);

static void skip_ws(parser *ps) {
    while (ps->p < ps->end && (*ps->p == ' ' || *ps->p == '\n' || *ps->p == '\r' || *ps->p == '\t'))
        ps->p++;
}

static int fail_at(parser *ps, const char *msg) {
    ps->err = msg;
    return -1;
}

static int hexval(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

static int read_hex4(parser *ps, uint32_t *out) {
    if (ps->end - ps->p < 4)
        return fail_at(ps, "short \\u escape");
    uint32_t v = 0;
    for (int i = 0; i < 4; i++) {
        int h = hexval(ps->p[i]);
        if (h < 0)
            return fail_at(ps, "bad \\u escape");
        v = v << 4 | (uint32_t)h;
    }
    ps->p += 4;
    *out = v;
    return 0;
}

static void emit_byte(parser *ps, uint8_t b) {
    ps->st.string_bytes++;
    ps->st.string_hash = (ps->st.string_hash ^ b) * 0x100000001b3ULL;
}

static void emit_utf8(parser *ps, uint32_t cp) {
    if (cp < 0x80) {
        emit_byte(ps, (uint8_t)cp);
    } else if (cp < 0x800) {
        emit_byte(ps, (uint8_t)(0xc0 | cp >> 6));
        emit_byte(ps, (uint8_t)(0x80 | (cp & 0x3f)));
    } else if (cp < 0x10000) {
        emit_byte(ps, (uint8_t)(0xe0 | cp >> 12));
        emit_byte(ps, (uint8_t)(0x80 | ((cp >> 6) & 0x3f)));
        emit_byte(ps, (uint8_t)(0x80 | (cp & 0x3f)));
    } else {
        emit_byte(ps, (uint8_t)(0xf0 | cp >> 18));
        emit_byte(ps, (uint8_t)(0x80 | ((cp >> 12) & 0x3f)));
        emit_byte(ps, (uint8_t)(0x80 | ((cp >> 6) & 0x3f)));
        emit_byte(ps, (uint8_t)(0x80 | (cp & 0x3f)));
    }
}

/* Decodes a string (the opening quote already consumed) into the stats. */
static int parse_string(parser *ps) {
    ps->st.strings++;
    while (ps->p < ps->end) {
        char c = *ps->p++;
        if (c == '"')
            return 0;
        if ((unsigned char)c < 0x20)
            return fail_at(ps, "control character in string");
        if (c != '\\') {
            emit_byte(ps, (uint8_t)c);
            continue;
        }
        if (ps->p >= ps->end)
            break;
        uint32_t cp;
        switch (*ps->p++) {
        case '"': emit_byte(ps, '"'); break;
        case '\\': emit_byte(ps, '\\'); break;
        case '/': emit_byte(ps, '/'); break;
        case 'b': emit_byte(ps, '\b'); break;
        case 'f': emit_byte(ps, '\f'); break;
        case 'n': emit_byte(ps, '\n'); break;
        case 'r': emit_byte(ps, '\r'); break;
        case 't': emit_byte(ps, '\t'); break;
        case 'u':
            if (read_hex4(ps, &cp))
                return -1;
            if (cp >= 0xd800 && cp < 0xdc00) {           /* surrogate pair */
                uint32_t lo;
                if (ps->end - ps->p < 2 || ps->p[0] != '\\' || ps->p[1] != 'u')
                    return fail_at(ps, "lone high surrogate");
                ps->p += 2;
                if (read_hex4(ps, &lo))
                    return -1;
                if (lo < 0xdc00 || lo >= 0xe000)
                    return fail_at(ps, "bad low surrogate");
                cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
            }
            emit_utf8(ps, cp);
            break;
        default:
            return fail_at(ps, "bad escape");
        }
    }
    return fail_at(ps, "unterminated string");
}

/* Number grammar per RFC 8259; value = digits * 10^exp computed in doubles. */
static int parse_number(parser *ps) {
    const char *p = ps->p;
    int neg = 0;
    if (p < ps->end && *p == '-') {
        neg = 1;
        p++;
    }
    if (p >= ps->end || *p < '0' || *p > '9')
        return fail_at(ps, "bad number");
    uint64_t mant = 0;
    int exp10 = 0, digits = 0;
    if (*p == '0') {
        p++;
    } else {
        while (p < ps->end && *p >= '0' && *p <= '9') {
            if (digits < 18) {
                mant = mant * 10 + (uint64_t)(*p - '0');
                digits++;
            } else {
                exp10++;
            }
            p++;
        }
    }
    if (p < ps->end && *p == '.') {
        p++;
        if (p >= ps->end || *p < '0' || *p > '9')
            return fail_at(ps, "bad fraction");
        while (p < ps->end && *p >= '0' && *p <= '9') {
            if (digits < 18) {
                mant = mant * 10 + (uint64_t)(*p - '0');
                digits += mant != 0;
                exp10--;
            }
            p++;
        }
    }
    if (p < ps->end && (*p == 'e' || *p == 'E')) {
        p++;
        int eneg = 0, e = 0;
        if (p < ps->end && (*p == '+' || *p == '-'))
            eneg = *p++ == '-';
        if (p >= ps->end || *p < '0' || *p > '9')
            return fail_at(ps, "bad exponent");
        while (p < ps->end && *p >= '0' && *p <= '9') {
            if (e < 10000)
                e = e * 10 + (*p - '0');
            p++;
        }
        exp10 += eneg ? -e : e;
    }
    double v = (double)mant;
    while (exp10 > 22) { v *= 1e22; exp10 -= 22; }
    while (exp10 < -22) { v /= 1e22; exp10 += 22; }
    v = exp10 >= 0 ? v * pow10_table[exp10] : v / pow10_table[-exp10];
    ps->st.sum += neg ? -v : v;
    ps->p = p;
    return 0;
}

static int expect_word(parser *ps, const char *w, int n) {
    if (ps->end - ps->p < n)
        return fail_at(ps, "bad literal");
    for (int i = 0; i < n; i++)
        if (ps->p[i] != w[i])
            return fail_at(ps, "bad literal");
    ps->p += n;
    return 0;
}

static int parse_object(parser *ps) {        /* '{' already consumed */
    skip_ws(ps);
    if (ps->p < ps->end && *ps->p == '}') {
        ps->p++;
        return 0;
    }
    for (;;) {
        skip_ws(ps);
        if (ps->p >= ps->end || *ps->p != '"')
            return fail_at(ps, "expected key");
        ps->p++;
        if (parse_string(ps))
            return -1;
        skip_ws(ps);
        if (ps->p >= ps->end || *ps->p != ':')
            return fail_at(ps, "expected ':'");
        ps->p++;
        if (parse_value(ps))
            return -1;
        skip_ws(ps);
        if (ps->p < ps->end && *ps->p == ',') {
            ps->p++;
            continue;
        }
        if (ps->p < ps->end && *ps->p == '}') {
            ps->p++;
            return 0;
        }
        return fail_at(ps, "expected ',' or '}'");
    }
}

static int parse_array(parser *ps) {         /* '[' already consumed */
    skip_ws(ps);
    if (ps->p < ps->end && *ps->p == ']') {
        ps->p++;
        return 0;
    }
    for (;;) {
        if (parse_value(ps))
            return -1;
        skip_ws(ps);
        if (ps->p < ps->end && *ps->p == ',') {
            ps->p++;
            continue;
        }
        if (ps->p < ps->end && *ps->p == ']') {
            ps->p++;
            return 0;
        }
        return fail_at(ps, "expected ',' or ']'");
    }
}

static int parse_value(parser *ps) {
    skip_ws(ps);
    if (ps->p >= ps->end)
        return fail_at(ps, "unexpected end");
    ps->st.nodes++;
    int r;
    switch (*ps->p) {
    case '{':
    case '[':
        if (++ps->depth > 512)
            return fail_at(ps, "nested too deep");
        r = *ps->p++ == '{' ? parse_object(ps) : parse_array(ps);
        ps->depth--;
        return r;
    case '"': ps->p++; return parse_string(ps);
    case 't': return expect_word(ps, "true", 4);
    case 'f': return expect_word(ps, "false", 5);
    case 'n': return expect_word(ps, "null", 4);
    default: return parse_number(ps);
    }
}

static int parse_document(const char *text, size_t len, stats *out, const char **err) {
    parser ps = {text, text + len, {0, 0, 0, 0xcbf29ce484222325ULL, 0.0}, 0, NULL};
    if (parse_value(&ps) == 0) {
        skip_ws(&ps);
        if (ps.p != ps.end)
            fail_at(&ps, "trailing characters");
    }
    *out = ps.st;
    *err = ps.err;
    return ps.err ? -1 : 0;
}

/* --------------------------------------------------------------------- main */

int main(int argc, char **argv) {
    long rounds = argc > 1 ? atol(argv[1]) : 200;
    if (rounds < 1) {
        printf("FAIL: R must be at least 1\n");
        return 1;
    }
    double p = 1.0;
    for (int i = 0; i < 23; i++, p *= 10.0)
        pow10_table[i] = p;                     /* exact: 10^22 fits a double */

    generate(4000);

    stats first = {0}, st;
    const char *err;
    for (long r = 0; r < rounds; r++) {
        if (parse_document(doc, doc_len, &st, &err)) {
            printf("FAIL: parse error: %s\n", err);
            return 1;
        }
        if (r == 0) {
            first = st;
        } else if (st.nodes != first.nodes || st.strings != first.strings ||
                   st.string_bytes != first.string_bytes ||
                   st.string_hash != first.string_hash || st.sum != first.sum) {
            printf("FAIL: parse %ld differs from parse 0\n", r);
            return 1;
        }
    }
    printf("json: bytes=%zu nodes=%ld strings=%ld string_bytes=%ld string_hash=%016llx sum=%.6f\n",
           doc_len, first.nodes, first.strings, first.string_bytes,
           (unsigned long long)first.string_hash, first.sum);
    free(doc);
    return 0;
}
