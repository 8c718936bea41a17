package io.learnops.engine.model;

import java.io.ByteArrayInputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Refuses a BPMN document that nests deeper than the engine can read, before anything reads it
 * recursively. The model parser's validators and the transformer walk the element tree
 * recursively, so a document with sub-processes nested a few hundred levels deep used to exhaust
 * the processing thread's stack. This check streams the document once, keeping only the path to
 * the current element, so its own cost does not grow with the depth.
 */
final class ModelNesting {

  /** Sub-processes in sub-processes: far beyond any model a person draws, far within the stack. */
  static final int MAX_SUB_PROCESS_DEPTH = 100;

  /**
   * XML elements in XML elements, whatever they are: room for {@link #MAX_SUB_PROCESS_DEPTH}
   * sub-processes and the extension elements inside the deepest one, and a bound on any other
   * nesting (lanes, extension elements) that the model reader would walk recursively.
   */
  static final int MAX_ELEMENT_DEPTH = 200;

  private static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
  /** The elements that open a scope of flow elements (event sub-processes are sub-processes too). */
  private static final Set<String> SUB_PROCESSES = Set.of("subProcess", "transaction", "adHocSubProcess");

  private ModelNesting() {}

  /**
   * @return why the document nests too deep, naming the limit and the first element past it; or
   *     why it is not XML at all; empty if it is within both limits
   */
  static Optional<String> problem(String resourceName, byte[] xml) {
    try {
      final XMLStreamReader reader = secureFactory().createXMLStreamReader(new ByteArrayInputStream(xml));
      try {
        return firstTooDeep(reader, resourceName);
      } finally {
        reader.close();
      }
    } catch (XMLStreamException e) {
      return Optional.of("'%s' is not a valid BPMN XML document: %s"
          .formatted(resourceName, e.getMessage().replace('\n', ' ')));
    }
  }

  private static Optional<String> firstTooDeep(XMLStreamReader reader, String resourceName)
      throws XMLStreamException {
    // whether each open element is a sub-process, innermost first
    final Deque<Boolean> open = new ArrayDeque<>();
    int subProcesses = 0;
    while (reader.hasNext()) {
      final int event = reader.next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        final boolean subProcess = BPMN.equals(reader.getNamespaceURI())
            && SUB_PROCESSES.contains(reader.getLocalName());
        open.push(subProcess);
        if (subProcess && ++subProcesses > MAX_SUB_PROCESS_DEPTH) {
          return Optional.of("Expected sub-processes nested at most %d deep, but %s in resource '%s' is nested %d deep"
              .formatted(MAX_SUB_PROCESS_DEPTH, element(reader), resourceName, subProcesses));
        }
        if (open.size() > MAX_ELEMENT_DEPTH) {
          return Optional.of("Expected XML elements nested at most %d deep, but %s in resource '%s' is nested %d deep"
              .formatted(MAX_ELEMENT_DEPTH, element(reader), resourceName, open.size()));
        }
      } else if (event == XMLStreamConstants.END_ELEMENT && open.pop()) {
        subProcesses--;
      }
    }
    return Optional.empty();
  }

  /** The element by its id, as every other deployment error names it, or by its tag and line. */
  private static String element(XMLStreamReader reader) {
    final String id = reader.getAttributeValue(null, "id");
    return id != null ? "'%s'".formatted(id)
        : "<%s> at line %d".formatted(reader.getLocalName(), reader.getLocation().getLineNumber());
  }

  /**
   * The JDK's own reader, with no DTDs and no external entities: this pass reads the document,
   * nothing it points to. A factory per document, as factories are not promised to be thread-safe.
   */
  private static XMLInputFactory secureFactory() {
    final XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    return factory;
  }
}
