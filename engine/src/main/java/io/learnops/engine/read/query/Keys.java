package io.learnops.engine.read.query;

import java.util.function.LongConsumer;

/** Entry keys that an index holds for one value: what a search starts from instead of a scan. */
public interface Keys {

  Keys NONE = new Keys() {
    @Override
    public int size() {
      return 0;
    }

    @Override
    public boolean contains(long key) {
      return false;
    }

    @Override
    public void forEach(LongConsumer action) {}
  };

  int size();

  boolean contains(long key);

  void forEach(LongConsumer action);
}
