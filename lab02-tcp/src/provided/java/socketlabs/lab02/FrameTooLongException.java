package socketlabs.lab02;

/**
 * A frame or line longer than the reader allows. Thrown as soon as the limit is passed, before
 * the rest is read, so a hostile peer cannot make the reader read or allocate without end; a
 * server can answer it with a status of its own (HTTP's 414 and 431). Provided, ready-made.
 */
public class FrameTooLongException extends FramingException {
    public FrameTooLongException(String message) {
        super(message);
    }
}
