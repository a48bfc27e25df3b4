package socketlabs.instructor;

/**
 * The toolkit's end-to-end tests: each builds a handout with Maven or grades whole submissions in
 * the sandbox, minutes in all. They carry {@code @Tag(EndToEnd.TAG)} and run in the instructor
 * build's {@code end-to-end} profile ({@code ./mvnw verify -Pend-to-end}, which {@code .ci/run}
 * runs); {@code ./mvnw verify} runs the toolkit's other tests, so the instructor build stays quick.
 */
final class EndToEnd {
    static final String TAG = "end-to-end";

    private EndToEnd() {
    }
}
