package dev.platform.core.source;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Opens a data source given as a path or an {@code http(s):} / {@code file:} URL. Gzip and ZIP
 * archives (first entry) are unpacked by their magic bytes, whatever the name says.
 */
public final class Sources {
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .followRedirects(HttpClient.Redirect.NORMAL)
          .connectTimeout(Duration.ofSeconds(20))
          .build();

  private Sources() {}

  /**
   * The raw bytes of the source, not unpacked.
   *
   * @throws SourceNotFoundException when a server answers 404 or 410
   * @throws java.nio.file.NoSuchFileException when a local file does not exist
   */
  public static InputStream openRaw(String location) throws IOException {
    if (location.startsWith("http://") || location.startsWith("https://")) {
      HttpRequest request = HttpRequest.newBuilder(URI.create(location)).GET().build();
      try {
        HttpResponse<InputStream> response =
            HTTP.send(request, HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
          response.body().close();
          String message = "HTTP " + response.statusCode() + " for " + location;
          if (response.statusCode() == 404 || response.statusCode() == 410) {
            throw new SourceNotFoundException(message);
          }
          throw new IOException(message);
        }
        return response.body();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while downloading " + location, e);
      }
    }
    return Files.newInputStream(toPath(location));
  }

  /** A path for a plain path or a {@code file:} URL. */
  public static Path toPath(String location) {
    return location.startsWith("file:") ? Path.of(URI.create(location)) : Path.of(location);
  }

  /** Unpacks gzip or ZIP by magic bytes; anything else is returned as is. */
  public static InputStream unpacked(InputStream raw) throws IOException {
    BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
    in.mark(4);
    int b0 = in.read();
    int b1 = in.read();
    in.reset();
    if (b0 == 0x1f && b1 == 0x8b) {
      return new GZIPInputStream(in, 1 << 16);
    }
    if (b0 == 'P' && b1 == 'K') {
      ZipInputStream zip = new ZipInputStream(in);
      ZipEntry entry = zip.getNextEntry();
      while (entry != null && entry.isDirectory()) {
        entry = zip.getNextEntry();
      }
      if (entry == null) {
        throw new IOException("ZIP archive holds no file");
      }
      return zip;
    }
    return in;
  }

  /** SHA-256 of a source's raw bytes as lower-case hex. */
  public static String sha256(String location) {
    try (InputStream in = openRaw(location)) {
      MessageDigest digest = newSha256();
      byte[] buffer = new byte[1 << 16];
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        digest.update(buffer, 0, n);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + location, e);
    }
  }

  /** Wraps a stream so the SHA-256 of every byte read through it can be taken afterwards. */
  public static DigestInputStream digesting(InputStream in) {
    return new DigestInputStream(in, newSha256());
  }

  public static String hex(MessageDigest digest) {
    return HexFormat.of().formatHex(digest.digest());
  }

  private static MessageDigest newSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
    }
  }
}
