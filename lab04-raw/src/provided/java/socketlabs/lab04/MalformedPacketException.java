package socketlabs.lab04;

/**
 * The one exception a codec or the capture reader throws for bytes it cannot accept: truncated
 * or inconsistent input. It names the field that is wrong, so that a bad packet reads as
 * {@code "IHL: 4 (16 bytes) is under the minimum of 5 (20 bytes)"} rather than as an
 * {@code ArrayIndexOutOfBoundsException} from deep inside. Provided, ready-made.
 */
public final class MalformedPacketException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String field;

    /**
     * @param field the field that is wrong, as the codec's Javadoc names it ("IHL", "total length")
     * @param detail what is wrong with it, with the numbers
     */
    public MalformedPacketException(String field, String detail) {
        super(field + ": " + detail);
        this.field = field;
    }

    /** The field that is wrong, exactly as the codec's Javadoc names it. */
    public String field() {
        return field;
    }
}
