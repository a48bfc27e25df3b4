package socketlabs.instructor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;
import socketlabs.grading.GradedTest;

/** The events a test JVM sends arrive as they were sent, and nothing else is taken for one. */
class EventTest {
    @Test
    void everyEventArrivesAsSent() {
        GradedTest listed = new GradedTest("socketlabs.lab01.PortsTest$Inner#classifies(int)", "Task 1 · Ports",
                "classifies \"80\"\nas well-known", 3, true);
        List<Event> sent = List.of(new Event.Listed(listed), new Event.Started("k#t()"),
                new Event.Ended("k#t()", GradedTest.Status.FAILED, "expected 1\nbut was 2"),
                new Event.Ended("k#u()", GradedTest.Status.FAILED, "sent 0 0", List.of("{\"kind\": \"transfer\", \"sent\": []}")),
                new Event.ThreadLimit(1001),
                new Event.Done());
        for (Event e : sent) {
            Event back = Event.parse(e.toJson());
            if (e instanceof Event.Listed l) {
                GradedTest t = ((Event.Listed) back).test();
                assertEquals(List.of(l.test().key(), l.test().task(), l.test().name(), l.test().maxScore(), l.test().hidden(),
                        "socketlabs.lab01.PortsTest"), List.of(t.key(), t.task(), t.name(), t.maxScore(), t.hidden(), t.className()));
            } else {
                assertEquals(e, back);
            }
        }
    }

    @Test
    void whatIsNoEventIsDropped() {
        assertNull(Event.parse("{\"e\": \"win\", \"score\": 100}"));
        assertNull(Event.parse("[1, 2]"));
        assertNull(Event.parse("not json"));
        assertNull(Event.parse("{\"e\": \"end\", \"key\": \"k\", \"status\": \"won\", \"output\": \"\"}"));
    }
}
