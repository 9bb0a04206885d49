package dev.platform.heart;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Holds the lock of CURRENT's switch: an in-process lock per file (a JVM may hold a file lock only
 * once) and the operating system's lock on the file, for other processes on this machine.
 */
final class CurrentLock implements AutoCloseable {
  private static final ConcurrentHashMap<Path, ReentrantLock> IN_PROCESS =
      new ConcurrentHashMap<>();

  private final ReentrantLock threads;
  private final FileChannel channel;
  private final FileLock processes;

  private CurrentLock(ReentrantLock threads, FileChannel channel, FileLock processes) {
    this.threads = threads;
    this.channel = channel;
    this.processes = processes;
  }

  static CurrentLock acquire(Path file) throws IOException {
    ReentrantLock threads =
        IN_PROCESS.computeIfAbsent(file.toAbsolutePath().normalize(), f -> new ReentrantLock());
    threads.lock();
    try {
      FileChannel channel =
          FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      try {
        return new CurrentLock(threads, channel, channel.lock());
      } catch (IOException | RuntimeException e) {
        channel.close();
        throw e;
      }
    } catch (IOException | RuntimeException e) {
      threads.unlock();
      throw e;
    }
  }

  @Override
  public void close() throws IOException {
    try {
      processes.release();
      channel.close();
    } finally {
      threads.unlock();
    }
  }
}
