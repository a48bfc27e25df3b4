package socketlabs.lab01;

/**
 * A line of a services file that could not be read as an entry. Provided, ready-made.
 *
 * @param lineNumber the line's number in the file, counting from 1 and counting every line
 *                   (comments and blank lines too), as an editor shows it
 * @param line       the line exactly as read
 * @param reason     what is wrong with it, for a person: {@code "port \"80x\" is not a number"}
 */
public record LineProblem(int lineNumber, String line, String reason) {
    @Override
    public String toString() {
        return "line " + lineNumber + ": " + reason + ": " + line;
    }
}
