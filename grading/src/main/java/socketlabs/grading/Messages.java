package socketlabs.grading;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The grading output's own words (score table headings, verdicts, report headings), in English or
 * Korean, from the bundle {@code socketlabs/grading/messages*.properties}. The tests' teaching
 * messages stay in English beside their assertions; only the words around them change.
 *
 * <p>The language: the system property {@value #PROPERTY} ({@code en} or {@code ko}) if set, else
 * the system locale's language, else English.
 */
public final class Messages {
    /** Where a run names its language: {@code -Dgrading.lang=ko}. */
    public static final String PROPERTY = "grading.lang";
    /** The languages the output speaks; the first is the default. */
    public static final String[] LANGUAGES = {"en", "ko"};
    private static final String BUNDLE = "socketlabs.grading.messages";

    private final ResourceBundle bundle;

    private Messages(String language) {
        // no fallback to the system locale: an English run on a Korean machine stays English
        this.bundle = ResourceBundle.getBundle(BUNDLE, Locale.forLanguageTag(language),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** The words in the language this run asks for. */
    public static Messages current() {
        return of(language());
    }

    /** The words in {@code language} ("en", "ko"); any other language gets English. */
    public static Messages of(String language) {
        return new Messages("ko".equals(language) ? "ko" : "en");
    }

    /** {@value #PROPERTY} if set, else the system locale's language if the output speaks it, else "en". */
    public static String language() {
        String asked = System.getProperty(PROPERTY, "").trim().toLowerCase(Locale.ROOT);
        String lang = asked.isEmpty() ? Locale.getDefault().getLanguage() : asked;
        return lang.startsWith("ko") ? "ko" : "en";
    }

    /** The text of {@code key} with its placeholders ({0}, {1}...) filled in. */
    public String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalArgumentException("no message " + key + " in " + BUNDLE, e);
        }
        return new MessageFormat(pattern, Locale.ROOT).format(args);
    }

    /** How many terminal columns {@code s} takes: Hangul and other wide characters take two. */
    public static int width(String s) {
        return s.codePoints().map(c -> wide(c) ? 2 : 1).sum();
    }

    /** {@code s} padded with spaces to {@code width} columns, on the right (left-aligned). */
    public static String padRight(String s, int width) {
        return s + " ".repeat(Math.max(0, width - width(s)));
    }

    /** {@code s} padded with spaces to {@code width} columns, on the left (right-aligned). */
    public static String padLeft(String s, int width) {
        return " ".repeat(Math.max(0, width - width(s))) + s;
    }

    private static boolean wide(int c) {
        return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF) || (c >= 0xAC00 && c <= 0xD7A3)
                || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60)
                || (c >= 0xFFE0 && c <= 0xFFE6);
    }
}
