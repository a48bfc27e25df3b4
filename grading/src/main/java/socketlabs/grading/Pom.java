package socketlabs.grading;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/** A Maven pom.xml as read by an XML parser: comments are comments, never a module or a property. */
public final class Pom {
    private final Element project;

    private Pom(Element project) {
        this.project = project;
    }

    public static Pom read(Path file) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return new Pom(factory.newDocumentBuilder().parse(file.toFile()).getDocumentElement());
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new IllegalArgumentException("cannot read " + file + " as a pom: " + e.getMessage(), e);
        }
    }

    /** The project's own {@code <modules>}, in order (not those of a profile). */
    public List<String> modules() {
        List<String> out = new ArrayList<>();
        for (Element modules : children(project, "modules")) {
            children(modules, "module").forEach(m -> out.add(m.getTextContent().trim()));
        }
        return out;
    }

    /** A property of the project's own {@code <properties>}, or null. */
    public String property(String name) {
        for (Element properties : children(project, "properties")) {
            for (Element p : children(properties, name)) {
                return p.getTextContent().trim();
            }
        }
        return null;
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(e.getLocalName() != null ? e.getLocalName() : e.getTagName())) {
                out.add(e);
            }
        }
        return out;
    }
}
