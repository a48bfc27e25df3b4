package socketlabs.lab02;

import java.util.Locale;
import java.util.Map;

/**
 * The {@code Content-Type} to send for a file, chosen by the file name's extension (task 5).
 * Provided, ready-made: nothing to write here.
 */
public final class ContentTypes {
    /** What a file of unknown type is sent as: bytes, which a browser offers to download. */
    public static final String DEFAULT = "application/octet-stream";

    private static final Map<String, String> BY_EXTENSION = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"),
            Map.entry("htm", "text/html; charset=utf-8"),
            Map.entry("txt", "text/plain; charset=utf-8"),
            Map.entry("md", "text/markdown; charset=utf-8"),
            Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("json", "application/json"),
            Map.entry("png", "image/png"),
            Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"),
            Map.entry("gif", "image/gif"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("ico", "image/x-icon"),
            Map.entry("pdf", "application/pdf"));

    private ContentTypes() {
    }

    /**
     * The content type for a file name.
     *
     * <pre>{@code
     * ContentTypes.of("index.html") == "text/html; charset=utf-8"
     * ContentTypes.of("logo.PNG")   == "image/png"
     * ContentTypes.of("data.bin")   == "application/octet-stream"
     * }</pre>
     *
     * @param fileName a file name (the last part of a path is enough)
     * @return its content type, or {@link #DEFAULT} for an unknown or missing extension
     */
    public static String of(String fileName) {
        int dot = fileName.lastIndexOf('.');
        if (dot < 0) {
            return DEFAULT;
        }
        return BY_EXTENSION.getOrDefault(fileName.substring(dot + 1).toLowerCase(Locale.ROOT), DEFAULT);
    }
}
