package io.mlmon.host;

/**
 * Physical memory and swap, in bytes. {@code available} is the kernel's estimate of what new work
 * can use without swapping (Linux's MemAvailable), not merely the free pages.
 */
public record MemoryUsage(long totalBytes, long availableBytes, long swapUsedBytes) {
  public MemoryUsage {
    if (totalBytes < 0 || availableBytes < 0 || swapUsedBytes < 0) {
      throw new IllegalArgumentException("memory sizes are not negative");
    }
  }
}
