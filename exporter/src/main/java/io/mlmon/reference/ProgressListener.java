package io.mlmon.reference;

/** Told now and then how far the reading of a reference file has come. */
@FunctionalInterface
public interface ProgressListener {
  ProgressListener NONE = (bytes, rows) -> {};

  /**
   * @param bytesRead bytes of the file read so far (may restart from 0 when the rows are read a
   *     second time)
   * @param rows rows read so far
   */
  void progress(long bytesRead, long rows);
}
