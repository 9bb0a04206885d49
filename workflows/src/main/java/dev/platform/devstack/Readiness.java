package dev.platform.devstack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;

/** How the stack knows a started component is ready to be used. */
public sealed interface Readiness {

  boolean isReady();

  /** Ready once {@code host:port} accepts TCP connections. */
  record PortOpen(String host, int port) implements Readiness {
    @Override
    public boolean isReady() {
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(host, port), 200);
        return true;
      } catch (IOException e) {
        return false;
      }
    }

    @Override
    public String toString() {
      return "port " + host + ":" + port;
    }
  }

  /** Ready once the component has created {@code file}. */
  record FileExists(Path file) implements Readiness {
    @Override
    public boolean isReady() {
      return Files.exists(file);
    }

    @Override
    public String toString() {
      return "file " + file;
    }
  }
}
