package dev.skiff.agent.metrics;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict reader of the text exposition format 0.0.4, line by line, for the tests: it fails on
 * anything a Prometheus scraper would reject (bad names, bad escapes, samples before their TYPE,
 * a family declared twice) and gives back the samples with their label values unescaped.
 */
record Exposition(Map<String, String> types, List<Sample> samples) {
    private static final String NAME = "[a-zA-Z_:][a-zA-Z0-9_:]*";
    private static final Pattern HELP = Pattern.compile("# HELP (" + NAME + ") (.*)");
    private static final Pattern TYPE = Pattern.compile("# TYPE (" + NAME + ") (counter|gauge|histogram|summary|untyped)");
    private static final Pattern SAMPLE_NAME = Pattern.compile(NAME);
    private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

    record Sample(String name, Map<String, String> labels, double value) {}

    static Exposition parse(String text) {
        if (!text.endsWith("\n")) {
            throw new IllegalArgumentException("the exposition must end with a line feed");
        }
        Map<String, String> types = new LinkedHashMap<>();
        Set<String> helped = new HashSet<>();
        List<Sample> samples = new ArrayList<>();
        String family = null;
        int number = 0;
        for (String line : text.split("\n", -1)) {
            number++;
            if (line.isEmpty()) {
                continue;
            }
            Matcher help = HELP.matcher(line);
            Matcher type = TYPE.matcher(line);
            if (help.matches()) {
                check(helped.add(help.group(1)), number, "a second HELP for " + help.group(1));
            } else if (type.matches()) {
                check(!types.containsKey(type.group(1)), number, "a second TYPE for " + type.group(1));
                family = type.group(1);
                types.put(family, type.group(2));
            } else {
                check(!line.startsWith("#"), number, "a comment that is neither HELP nor TYPE");
                Sample sample = sample(line, number);
                check(sample.name().equals(family), number, sample.name() + " is not of the family declared last (" + family + ")");
                samples.add(sample);
            }
        }
        return new Exposition(types, samples);
    }

    /** The value of the one sample with this name and exactly these labels. */
    double value(String name, Map<String, String> labels) {
        List<Sample> found = samples.stream().filter(s -> s.name().equals(name) && s.labels().equals(labels)).toList();
        if (found.size() != 1) {
            throw new AssertionError(found.size() + " samples " + name + labels + " in " + samples);
        }
        return found.getFirst().value();
    }

    List<Sample> samples(String name) {
        return samples.stream().filter(s -> s.name().equals(name)).toList();
    }

    private static Sample sample(String line, int number) {
        int nameEnd = 0;
        while (nameEnd < line.length() && line.charAt(nameEnd) != '{' && line.charAt(nameEnd) != ' ') {
            nameEnd++;
        }
        String name = line.substring(0, nameEnd);
        check(SAMPLE_NAME.matcher(name).matches(), number, "bad metric name '" + name + "'");
        Map<String, String> labels = new LinkedHashMap<>();
        int i = nameEnd;
        if (i < line.length() && line.charAt(i) == '{') {
            i++;
            while (line.charAt(i) != '}') {
                int eq = line.indexOf("=\"", i);
                check(eq > 0, number, "a label without =\"");
                String label = line.substring(i, eq);
                check(LABEL_NAME.matcher(label).matches(), number, "bad label name '" + label + "'");
                StringBuilder value = new StringBuilder();
                i = eq + 2;
                for (char c = line.charAt(i); c != '"'; c = line.charAt(++i)) {
                    if (c == '\\') {
                        char escaped = line.charAt(++i);
                        check(escaped == '\\' || escaped == '"' || escaped == 'n', number, "bad escape \\" + escaped);
                        value.append(escaped == 'n' ? '\n' : escaped);
                    } else {
                        value.append(c);
                    }
                }
                check(labels.put(label, value.toString()) == null, number, "label " + label + " twice");
                i++;
                if (line.charAt(i) == ',') {
                    i++;
                }
            }
            i++;
        }
        check(i < line.length() && line.charAt(i) == ' ', number, "no space before the value");
        String value = line.substring(i + 1);
        check(value.matches("[-+]?(\\d+(\\.\\d*)?([eE][-+]?\\d+)?|NaN|Inf)"), number, "bad value '" + value + "'");
        return new Sample(name, labels, value.endsWith("Inf") ? Double.parseDouble(value.replace("Inf", "Infinity")) : Double.parseDouble(value));
    }

    private static void check(boolean ok, int line, String problem) {
        if (!ok) {
            throw new IllegalArgumentException("line " + line + ": " + problem);
        }
    }
}
