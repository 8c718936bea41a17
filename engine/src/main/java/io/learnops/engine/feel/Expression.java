package io.learnops.engine.feel;

import org.camunda.feel.syntaxtree.ParsedExpression;

/**
 * A value in a process model that is either static text or a FEEL expression (text starting with
 * {@code =}), parsed once at deployment.
 */
public record Expression(String source, ParsedExpression parsed, Object staticValue) {

  public static Expression ofStatic(String text) {
    return new Expression(text, null, text);
  }

  public boolean isStatic() {
    return parsed == null;
  }
}
