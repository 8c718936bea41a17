package io.learnops.engine.feel;

import java.util.ArrayDeque;
import java.util.Deque;
import org.camunda.feel.syntaxtree.Exp;
import scala.Product;
import scala.collection.IterableOnce;
import scala.jdk.javaapi.CollectionConverters;

/**
 * How deep an expression nests, in its text and once parsed. feel-engine's parser recurses per
 * bracket and its interpreter per operation, so both are measured before either can run out of
 * stack; neither measure recurses itself.
 */
final class ExpressionNesting {

  private ExpressionNesting() {}

  /**
   * The deepest nesting of {@code ()}, {@code []} and {@code {}}, outside strings, names in
   * backticks and comments.
   */
  static int brackets(String text) {
    int depth = 0;
    int deepest = 0;
    int i = 0;
    while (i < text.length()) {
      final char c = text.charAt(i);
      if (c == '"') {
        i = endOfString(text, i + 1);
      } else if (c == '`') {
        i = endOf(text, i + 1, "`");
      } else if (text.startsWith("//", i)) {
        i = endOf(text, i + 2, "\n");
      } else if (text.startsWith("/*", i)) {
        i = endOf(text, i + 2, "*/");
      } else {
        if (c == '(' || c == '[' || c == '{') {
          deepest = Math.max(deepest, ++depth);
        } else if ((c == ')' || c == ']' || c == '}') && depth > 0) {
          depth--;
        }
        i++;
      }
    }
    return deepest;
  }

  /**
   * How many operations the deepest one sits in, counting itself: {@code 1} is 1, {@code a + 1} is
   * 2. Measures up to one past {@code limit} and stops there.
   */
  static int operations(Exp expression, int limit) {
    final Deque<Node> pending = new ArrayDeque<>();
    pending.push(new Node(expression, 0));
    int deepest = 0;
    while (!pending.isEmpty() && deepest <= limit) {
      final Node node = pending.pop();
      // an operation is one level deeper than its parent; the lists, pairs and options that
      // hold its operands are not operations of their own
      final int depth = node.part() instanceof Exp ? node.depth() + 1 : node.depth();
      deepest = Math.max(deepest, depth);
      final scala.collection.Iterator<?> parts = node.part() instanceof IterableOnce<?> iterable ? iterable.iterator()
          : node.part() instanceof Product product ? product.productIterator()
          : scala.collection.Iterator.empty();
      CollectionConverters.asJava(parts).forEachRemaining(part -> pending.push(new Node(part, depth)));
    }
    return deepest;
  }

  private record Node(Object part, int depth) {}

  /** Past the closing quote of a string starting at {@code from}; a backslash escapes the next character. */
  private static int endOfString(String text, int from) {
    int i = from;
    while (i < text.length() && text.charAt(i) != '"') {
      i += text.charAt(i) == '\\' ? 2 : 1;
    }
    return i + 1;
  }

  private static int endOf(String text, int from, String end) {
    final int at = text.indexOf(end, from);
    return at < 0 ? text.length() : at + end.length();
  }
}
