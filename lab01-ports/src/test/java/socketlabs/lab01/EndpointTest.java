package socketlabs.lab01;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import socketlabs.grading.Points;

@DisplayName("Task 3 · Endpoints")
class EndpointTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "example.com:80        | example.com          | 80",
        "1.2.3.4:80            | 1.2.3.4              | 80",
        "[::1]:443             | ::1                  | 443",
        "[2001:db8::7]:8080    | 2001:db8::7          | 8080",
        "localhost:0           | localhost            | 0",
        "127.0.0.1:65535       | 127.0.0.1            | 65535",
        "no-such-host.invalid:1| no-such-host.invalid | 1"})
    @Points(2)
    @DisplayName("parses host:port, IPv4:port and [IPv6]:port, without looking the host up")
    void parses(String text, String host, int port) {
        Endpoint e = Endpoint.parse(text);
        assertEquals(new Endpoint(host, port), e, () -> "Endpoint.parse(\"" + text + "\"): expected host \"" + host
                + "\" and port " + port + ". The host is kept as written, without brackets, and is not looked up in DNS.");
    }

    @ParameterizedTest(name = "{0} port {1}")
    @CsvSource(delimiter = '|', value = {
        "example.com        | 80    | example.com:80",
        "1.2.3.4            | 80    | 1.2.3.4:80",
        "::1                | 443   | [::1]:443",
        "0:0:0:0:0:0:0:1    | 22    | [0:0:0:0:0:0:0:1]:22",
        "fe80::1%lo         | 65535 | [fe80::1%lo]:65535"})
    @Points(2)
    @DisplayName("formats an endpoint as host:port with brackets around an IPv6 address, and parses it back")
    void formats(String host, int port, String expected) {
        Endpoint e = new Endpoint(host, port);
        assertEquals(expected, e.format(), () -> e + ".format(): expected \"" + expected + "\"."
                + (host.contains(":") ? " An IPv6 address contains ':', so it needs brackets, or the port could not be told apart." : ""));
        assertEquals(e, Endpoint.parse(e.format()), () -> "parse(format()) must give back the same endpoint for " + e);
    }

    @ParameterizedTest(name = "\"{0}\" → {1}")
    @CsvSource(delimiter = '|', value = {
        "example.com          | missing port",
        "example.com:         | missing port",
        "[::1]                | missing port",
        "[::1]443             | missing port",
        "''                   | empty host",
        ":80                  | empty host",
        "[]:80                | empty host",
        "example.com:http     | port is not a number",
        "h:+80                | port is not a number",
        "h:-1                 | port is not a number",
        "'h: 80'              | port is not a number",
        "h:65536              | port out of range",
        "h:99999999999        | port out of range",
        "::1:443              | IPv6 address needs brackets",
        "2001:db8::1          | IPv6 address needs brackets",
        "[::1:443             | missing ']'",
        "[1.2.3.4]:80         | brackets are only for IPv6"})
    @Points(3)
    @DisplayName("rejects a malformed endpoint with a message that says what is wrong")
    void rejects(String text, String phrase) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Endpoint.parse(text),
                () -> "Endpoint.parse(\"" + text + "\") must throw IllegalArgumentException (" + phrase + ")");
        String message = String.valueOf(e.getMessage());
        assertTrue(message.toLowerCase(Locale.ROOT).contains(phrase.toLowerCase(Locale.ROOT)) && message.contains(text),
                () -> "Endpoint.parse(\"" + text + "\") threw, good, but the message should quote the text and say \""
                        + phrase + "\"; it was: " + message);
    }

    @Test
    @Points(1)
    @DisplayName("keeps 1023/1024, 49151/49152 and 65535 as written: every port 0-65535 is an endpoint's")
    void keepsEveryValidPort() {
        for (int port : new int[] {0, 1, 1023, 1024, 49151, 49152, 65535}) {
            Endpoint e = Endpoint.parse("[::1]:" + port);
            assertEquals(port, e.port(), "Endpoint.parse(\"[::1]:" + port + "\").port()");
            assertEquals("192.0.2.1:" + port, new Endpoint("192.0.2.1", port).format(),
                    "new Endpoint(\"192.0.2.1\", " + port + ").format()");
        }
    }
}
