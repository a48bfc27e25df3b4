package socketlabs.instructor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Command-line arguments: positional ones, and {@code --name value} options from a known set. */
final class Options {
    /** The body of a tool's main. */
    interface Tool {
        void run(String[] args) throws Exception;
    }

    final List<String> positional = new ArrayList<>();
    private final Map<String, String> named = new HashMap<>();

    /** Runs a tool: a usage error (an IllegalArgumentException) ends it with its message and exit code 2. */
    static void main(String[] args, Tool tool) throws Exception {
        try {
            tool.run(args);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(2);
        }
    }

    Options(String[] args, Set<String> known, Set<String> flags) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.startsWith("--")) {
                String name = a.substring(2);
                String value = null;
                int eq = name.indexOf('=');
                if (eq >= 0) {
                    value = name.substring(eq + 1);
                    name = name.substring(0, eq);
                }
                if (flags.contains(name)) {
                    named.put(name, value == null ? "true" : value);
                } else if (known.contains(name)) {
                    if (value == null) {
                        if (i + 1 >= args.length) {
                            throw new IllegalArgumentException("--" + name + " needs a value");
                        }
                        value = args[++i];
                    }
                    named.put(name, value);
                } else {
                    throw new IllegalArgumentException("unknown option --" + name);
                }
            } else {
                positional.add(a);
            }
        }
    }

    String get(String name, String fallback) {
        return named.getOrDefault(name, fallback);
    }

    boolean flag(String name) {
        return Boolean.parseBoolean(named.getOrDefault(name, "false"));
    }

    int integer(String name, int fallback) {
        return named.containsKey(name) ? Integer.parseInt(named.get(name)) : fallback;
    }

    /** The limits options shared by grade and grade-class. */
    static final Set<String> LIMIT_OPTIONS = Set.of("labs", "test-timeout", "class-timeout", "lab-timeout", "heap", "max-threads",
            "sandbox");

    Limits limits() {
        Limits d = Limits.DEFAULT;
        return new Limits(get("test-timeout", null), integer("class-timeout", d.classSeconds()),
                integer("lab-timeout", d.labSeconds()), integer("heap", d.heapMegabytes()), integer("max-threads", d.maxThreads()),
                get("sandbox", d.sandbox()), null);
    }
}
