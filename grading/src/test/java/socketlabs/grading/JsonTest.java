package socketlabs.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {
    @Test
    void roundTripsWhatTheResultsFilesHold() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", "quote \" backslash \\ newline \n tab \t control \u0001 · unicode");
        m.put("score", 3L);
        m.put("ratio", 0.5);
        m.put("ok", true);
        m.put("none", null);
        m.put("list", Arrays.asList(1L, "two", List.of(), Map.of()));
        assertEquals(m, Json.parse(Json.write(m)));
    }

    @Test
    void rejectsMalformedTextWithItsOffset() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Json.parse("{\"a\": [1, 2}"));
        assertEquals(true, e.getMessage().contains("offset"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Json.parse("{} x"));
        assertThrows(IllegalArgumentException.class, () -> Json.parse("\"open"));
    }
}
