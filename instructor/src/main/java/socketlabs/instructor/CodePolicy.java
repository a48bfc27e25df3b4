package socketlabs.instructor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What the student's compiled classes may not use, checked in their bytecode (so that Unicode
 * escapes, string tricks and comments hide nothing): every class, method and field a class file
 * refers to is in its constant pool, and each method's code says which of them it uses. A rule
 * that {@link Rule#fails} costs the lab (its tests are not run); the others are flags for the
 * instructor, which cost nothing. Provided code (from the course) is not checked.
 */
final class CodePolicy {

    /** One rule: what it matches, what the report says, and whether it costs the lab. */
    record Rule(String says, boolean fails, Predicate<Ref> matches) {
    }

    /** A reference from a student's class: the owner's internal name, the member (or null for the class itself). */
    record Ref(String owner, String member) {
        boolean in(String... prefixes) {
            for (String p : prefixes) {
                if (owner.startsWith(p)) {
                    return true;
                }
            }
            return false;
        }

        boolean is(String type, String... members) {
            return owner.equals(type) && (members.length == 0 || (member != null && List.of(members).contains(member)));
        }

        @Override
        public String toString() {
            return owner.replace('/', '.') + (member == null ? "" : "." + member);
        }
    }

    /** One finding: which class and method (or "class" for its constant pool), which rule, what it referred to. */
    record Finding(String where, Rule rule, Ref ref) {
        @Override
        public String toString() {
            return where + " " + rule.says() + ": " + ref;
        }
    }

    // invokedynamic bootstraps that javac itself emits (lambdas, string concatenation, records, switch patterns)
    static final Set<String> JAVAC_BOOTSTRAPS = Set.of("java/lang/invoke/LambdaMetafactory",
            "java/lang/invoke/StringConcatFactory", "java/lang/runtime/ObjectMethods", "java/lang/runtime/SwitchBootstraps");

    static final List<Rule> RULES = List.of(
            new Rule("uses sun.misc.Unsafe or the JDK's internals", true,
                    r -> r.in("sun/", "jdk/internal/", "com/sun/") && !r.in("com/sun/jna/")),
            new Rule("uses reflection", true, r -> r.in("java/lang/reflect/")
                    || r.is("java/lang/Class", "forName", "getDeclaredField", "getDeclaredFields", "getDeclaredMethod",
                    "getDeclaredMethods", "getDeclaredConstructor", "getDeclaredConstructors", "getField", "getFields",
                    "getMethod", "getMethods", "getConstructor", "getConstructors", "newInstance", "getRecordComponents",
                    "getEnclosingMethod", "getEnclosingConstructor", "getNestMembers", "getPermittedSubclasses")
                    || r.is("java/lang/Module", "addOpens", "addExports", "addReads", "addUses")),
            new Rule("uses method handles", true, r -> (r.in("java/lang/invoke/") && !JAVAC_BOOTSTRAPS.contains(r.owner)
                    && r.member != null) || r.is("java/lang/invoke/VarHandle") || r.is("java/lang/invoke/MethodHandleProxies")),
            new Rule("defines or loads classes (a class loader)", true, r -> r.in("java/lang/ClassLoader", "java/net/URLClassLoader",
                    "java/security/SecureClassLoader", "java/lang/invoke/MethodHandles$Lookup")
                    || r.is("java/lang/Class", "getClassLoader") || r.is("java/lang/Thread", "getContextClassLoader",
                    "setContextClassLoader") || r.is("java/lang/ModuleLayer")),
            new Rule("stops, suspends or resumes threads (Thread.stop)", true,
                    r -> r.is("java/lang/Thread", "stop", "suspend", "resume") || r.is("java/lang/ThreadGroup", "stop", "suspend", "resume")),
            new Rule("starts or handles processes", true, r -> r.is("java/lang/ProcessBuilder") || r.is("java/lang/Runtime", "exec")
                    // its own pid is fine (lab04's ping uses it as the ICMP identifier)
                    || r.is("java/lang/ProcessHandle") && !List.of("current", "pid").contains(String.valueOf(r.member))),
            new Rule("loads native code (System.load, java.lang.foreign)", true, r -> r.is("java/lang/System", "load", "loadLibrary")
                    || r.is("java/lang/Runtime", "load", "loadLibrary") || r.in("java/lang/foreign/", "jdk/incubator/foreign/")),
            new Rule("calls native code through JNA (only the lab's provided code may)", true, r -> r.in("com/sun/jna/")),
            new Rule("uses java.lang.instrument or the attach API", true, r -> r.in("java/lang/instrument/", "com/sun/tools/attach/")),
            new Rule("uses javax.crypto (the grader's results are signed)", true, r -> r.in("javax/crypto/")),
            new Rule("uses the JVM's management interfaces (heap dumps, diagnostic commands)", true,
                    r -> r.in("javax/management/") || r.is("java/lang/management/ManagementFactory", "getPlatformMBeanServer",
                    "getPlatformMXBean", "getPlatformMXBeans", "getPlatformManagementInterfaces", "newPlatformMXBeanProxy")),
            new Rule("mentions the grading or test machinery", true, r -> r.in("socketlabs/grading/", "socketlabs/instructor/",
                    "org/junit/", "org/opentest4j/", "org/apiguardian/", "org/awaitility/")),
            new Rule("ends the JVM (System.exit or Runtime.halt) outside a main method", false,
                    r -> r.is("java/lang/System", "exit") || r.is("java/lang/Runtime", "exit", "halt")),
            new Rule("inspects its callers (could tell a test from real use)", false, r -> r.in("java/lang/StackWalker")
                    || r.is("java/lang/Thread", "getStackTrace", "getAllStackTraces") || r.is("java/lang/Throwable", "getStackTrace")),
            new Rule("uses raw file descriptors", false, r -> r.is("java/io/FileDescriptor")));

    private CodePolicy() {
    }

    /** The findings in every class file under {@code classes} whose source is not one of {@code provided} (paths like socketlabs/lab04/RawSocket.java). */
    static List<Finding> check(Path classes, Set<String> provided) {
        List<Finding> out = new ArrayList<>();
        for (Path f : Fs.files(classes, ".class")) {
            try {
                ClassFile c = ClassFile.read(Files.readAllBytes(f));
                String pkg = c.name.contains("/") ? c.name.substring(0, c.name.lastIndexOf('/') + 1) : "";
                if (c.sourceFile != null && provided.contains(pkg + c.sourceFile)) {
                    continue;
                }
                out.addAll(c.findings());
            } catch (IOException | RuntimeException e) {
                out.add(new Finding(f.getFileName().toString(), RULES.get(0), new Ref("an unreadable class file", null)));
            }
        }
        return out;
    }
}
