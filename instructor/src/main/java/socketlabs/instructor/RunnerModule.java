package socketlabs.instructor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The grading runner as a named module, {@code socketlabs.runner}, built once per grader from the
 * toolkit's and the grading module's classes: {@link TestRunner}, {@link RunnerListener} and
 * {@link Channel} in package {@code socketlabs.instructor}, which it neither exports nor opens, and
 * {@link Event}, and the grading package, which it exports (the tests use its annotations). JUnit's jars go on the
 * module path beside it; the tests and the student's classes stay on the class path, in the
 * unnamed module, which may read the runner's exported API and nothing more: deep reflection
 * into the runner (its channel, its key, its watchdog) fails with InaccessibleObjectException,
 * and without {@code jdk.unsupported} there is no {@code sun.misc.Unsafe} to get round that.
 */
final class RunnerModule {
    static final String NAME = "socketlabs.runner";
    static final String MAIN = NAME + "/" + TestRunner.class.getName();
    /**
     * The JDK's modules a test JVM may not resolve: those that reach past Java's rules (Unsafe, agents, attach,
     * debugging, the foreign-memory incubator), record or serve the JVM's internals (JFR, the JMX agent), or
     * compile, script or link code at run time. jdk.management stays (lab02's tests measure allocation with it);
     * its heap dump is the code policy's to forbid.
     */
    static final Set<String> DENIED_JDK_MODULES = Set.of("jdk.unsupported", "jdk.unsupported.desktop", "jdk.attach",
            "java.instrument", "jdk.jdi", "jdk.jdwp.agent", "jdk.jshell", "jdk.jcmd", "jdk.hotspot.agent",
            "jdk.management.agent", "jdk.management.jfr", "jdk.jfr", "jdk.compiler", "java.compiler", "jdk.javadoc",
            "jdk.jlink", "jdk.jpackage", "jdk.dynalink", "java.scripting", "java.desktop", "jdk.accessibility",
            "jdk.jconsole", "jdk.jstatd", "jdk.jartool", "jdk.jdeps", "jdk.jsobject", "jdk.sctp", "jdk.editpad");
    private static final List<String> RUNNER_CLASSES = List.of("TestRunner", "RunnerListener", "Channel", "Event");

    /** The module's folder. */
    final Path dir;
    /** JUnit's jars (and what they need), for the module path; every other dependency stays on the class path. */
    final List<Path> modulePath;
    /** The dependencies for the class path: the lab's deps without the module path and without the grading classes. */
    final List<Path> classPath;
    /** Every module the JVM may resolve: the JDK's few, the runner, JUnit's. */
    final Set<String> modules;

    private RunnerModule(Path dir, List<Path> modulePath, List<Path> classPath, Set<String> modules) {
        this.dir = dir;
        this.modulePath = modulePath;
        this.classPath = classPath;
        this.modules = modules;
    }

    /** Builds the module for a lab's dependencies in {@code dir} (compiling only its module-info). */
    static RunnerModule build(List<Path> deps, Path dir) {
        return build(deps, dir, null);
    }

    /**
     * As {@link #build(List, Path)}; a compiled module-info kept in {@code kept} (null: none kept) is taken again
     * while its source, the module path's jars and the JDK are as they were, and one compiled here is kept there.
     */
    static RunnerModule build(List<Path> deps, Path dir, Path kept) {
        List<Path> modulePath = new ArrayList<>();
        List<Path> classPath = new ArrayList<>();
        Path grading = null;
        for (Path d : deps) {
            String name = d.getFileName().toString();
            if (name.endsWith(".jar") && (name.startsWith("junit-") || name.startsWith("opentest4j-")
                    || name.startsWith("apiguardian-") || name.startsWith("jspecify-"))) {
                modulePath.add(d);
            } else if (Files.isDirectory(d.resolve("socketlabs/grading"))) {
                grading = d;
            } else if (name.endsWith(".jar") && Files.isRegularFile(d) && isGradingJar(d)) {
                grading = d;
            } else {
                classPath.add(d);
            }
        }
        if (grading == null) {
            throw new IllegalStateException("the lab's test classpath has no grading module: " + deps);
        }
        Fs.deleteTree(dir);
        Path pkg = dir.resolve("socketlabs/instructor");
        Fs.mkdirs(pkg);
        Path toolkit = Course.toolkitClasses().resolve("socketlabs/instructor");
        for (Path f : Fs.files(toolkit, ".class")) {
            String n = f.getFileName().toString();
            if (RUNNER_CLASSES.stream().anyMatch(c -> n.equals(c + ".class") || n.startsWith(c + "$"))) {
                copy(f, pkg.resolve(n));
            }
        }
        copyGrading(grading, dir);
        Path info = dir.getParent().resolve(dir.getFileName() + "-src/module-info.java");
        String source = "module " + NAME + " {\n"
                + "    requires org.junit.platform.launcher;\n"
                + "    requires org.junit.jupiter.api;\n"
                + "    requires java.management;\n"
                + "    exports socketlabs.grading;\n"
                + "}\n";
        Fs.write(info, source);
        Path keptInfo = kept == null ? null : kept.resolve("runner-" + Integer.toHexString(source.hashCode()) + "-"
                + Integrity.fingerprint(modulePath).substring(0, 16) + "-" + Runtime.version().feature() + "."
                + Runtime.version().interim() + "." + Runtime.version().update() + ".class");
        String errors = null;
        if (keptInfo != null && Files.isRegularFile(keptInfo)) {
            copy(keptInfo, dir.resolve("module-info.class"));
        } else {
            errors = compileModuleInfo(info, modulePath, dir);
            if (errors == null && keptInfo != null) {
                copy(dir.resolve("module-info.class"), keptInfo);
            }
        }
        if (errors != null) {
            throw new IllegalStateException("cannot build the runner module: " + errors);
        }
        Set<String> modules = allowedJdkModules();
        modules.add(NAME);
        for (ModuleReference m : ModuleFinder.of(modulePath.toArray(new Path[0])).findAll()) {
            modules.add(m.descriptor().name());
        }
        return new RunnerModule(dir, modulePath, classPath, modules);
    }

    /** The JDK's modules none of whose dependencies (transitively, static ones too) is denied. */
    static Set<String> allowedJdkModules() {
        java.util.Map<String, java.lang.module.ModuleDescriptor> all = new java.util.HashMap<>();
        ModuleFinder.ofSystem().findAll().forEach(m -> all.put(m.descriptor().name(), m.descriptor()));
        Set<String> out = new TreeSet<>();
        for (String n : all.keySet()) {
            if (reachesNoDenied(n, all, new java.util.HashSet<>())) {
                out.add(n);
            }
        }
        return out;
    }

    private static boolean reachesNoDenied(String n, java.util.Map<String, java.lang.module.ModuleDescriptor> all, Set<String> seen) {
        if (DENIED_JDK_MODULES.contains(n) || n.startsWith("jdk.internal.") || n.startsWith("jdk.incubator.")) {
            return false;
        }
        if (!seen.add(n) || !all.containsKey(n)) {
            return true;
        }
        return all.get(n).requires().stream().allMatch(r -> reachesNoDenied(r.name(), all, seen));
    }

    private static boolean isGradingJar(Path jar) {
        try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(jar.toFile())) {
            return z.getEntry("socketlabs/grading/Points.class") != null;
        } catch (IOException e) {
            return false;
        }
    }

    private static void copyGrading(Path grading, Path dir) {
        if (Files.isDirectory(grading)) {
            Fs.copyTree(grading.resolve("socketlabs/grading"), dir.resolve("socketlabs/grading"));
            Path props = grading.resolve("junit-platform.properties");
            if (Files.isRegularFile(props)) {
                copy(props, dir.resolve("junit-platform.properties"));
            }
            return;
        }
        try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(grading.toFile())) {
            for (java.util.zip.ZipEntry e : java.util.Collections.list(z.entries())) {
                if (!e.isDirectory() && (e.getName().startsWith("socketlabs/grading/") || e.getName().equals("junit-platform.properties"))) {
                    Path to = dir.resolve(e.getName());
                    Fs.mkdirs(to.getParent());
                    try (java.io.InputStream in = z.getInputStream(e)) {
                        Files.copy(in, to);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** javac with the module's classes patched in: the only thing compiled is the descriptor. */
    private static String compileModuleInfo(Path info, List<Path> modulePath, Path out) {
        javax.tools.JavaCompiler javac = javax.tools.ToolProvider.getSystemJavaCompiler();
        java.io.ByteArrayOutputStream messages = new java.io.ByteArrayOutputStream();
        List<String> args = List.of("--release", "17", "-proc:none", "-nowarn", "-d", out.toString(),
                "--module-path", modulePath.stream().map(Path::toString).collect(Collectors.joining(java.io.File.pathSeparator)),
                "--patch-module", NAME + "=" + out, info.toString());
        int rc = javac.run(null, messages, messages, args.toArray(new String[0]));
        return rc == 0 ? null : messages.toString();
    }

    private static void copy(Path from, Path to) {
        try {
            Files.createDirectories(to.getParent());
            Files.copy(from, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
