package socketlabs.instructor;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Running a tool (Maven, git) to its end, and ending a process with everything it started. */
final class Processes {
    private Processes() {
    }

    /** Runs a command to its end (bounded), its merged output to {@code output}; returns its exit code. */
    static int exitCode(List<String> cmd, Path dir, long seconds, Path output) {
        try {
            Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();
            p.getOutputStream().close();
            if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
                killTree(p.toHandle());
                throw new IllegalStateException("gave up after " + seconds + " s: " + String.join(" ", cmd));
            }
            return p.exitValue();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + cmd.get(0), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Runs a command to its end (bounded), returning its merged output. */
    static String runQuietly(List<String> cmd, Path dir, long seconds) {
        try {
            Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
            p.getOutputStream().close();
            StringBuilder out = new StringBuilder();
            Thread reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = r.readLine()) != null; ) {
                        synchronized (out) {
                            out.append(line).append('\n');
                        }
                    }
                } catch (IOException ignored) {
                    // the process ended
                }
            });
            reader.start();
            if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
                killTree(p.toHandle());
                throw new IllegalStateException("gave up after " + seconds + " s: " + String.join(" ", cmd));
            }
            reader.join(5000);
            synchronized (out) {
                return out.toString();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + cmd.get(0), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /**
     * What a task of a pool returned: its own exception or error if it threw one, an unchecked one if
     * the wait was interrupted (the interrupt kept). {@code doing} names the work, for the message.
     */
    static <T> T result(java.util.concurrent.Future<T> task, String doing) {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + doing, e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Kills a process and everything it started, children first. */
    static void killTree(ProcessHandle process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }
}
