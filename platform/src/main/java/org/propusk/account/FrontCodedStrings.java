package org.propusk.account;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;

/**
 * An immutable set of strings in one byte array, front-coded: sorted by their UTF-8 bytes and cut
 * into blocks of {@value #BLOCK} strings, where the first string of a block is stored whole and
 * every other one as the length of the prefix it shares with the one before and its remaining
 * bytes. Sorted neighbours share most of their bytes, so half a million short passwords take about
 * 2 MiB here against about 25 MiB as a {@code Set<String>}. A lookup binary-searches the blocks'
 * first strings and reads at most one block.
 *
 * <p>Layout of a block: varint length and bytes of its first string, then per further string
 * varint shared prefix length, varint suffix length and the suffix bytes.
 */
final class FrontCodedStrings {

  private static final int BLOCK = 16;

  private final byte[] data;
  /** Where each block starts in {@link #data}. */
  private final int[] blocks;

  private final int size;

  private FrontCodedStrings(byte[] data, int[] blocks, int size) {
    this.data = data;
    this.blocks = blocks;
    this.size = size;
  }

  /** The distinct strings of the collection; duplicates count once. */
  static FrontCodedStrings of(Collection<String> strings) {
    byte[][] sorted = strings.stream().map(s -> s.getBytes(StandardCharsets.UTF_8)).toArray(byte[][]::new);
    Arrays.sort(sorted, Arrays::compareUnsigned);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int[] blocks = new int[(sorted.length + BLOCK - 1) / BLOCK];
    int distinct = 0;
    byte[] previous = null;
    for (byte[] string : sorted) {
      if (previous != null && Arrays.equals(previous, string)) {
        continue;
      }
      if (distinct % BLOCK == 0) {
        blocks[distinct / BLOCK] = out.size();
        writeVarint(out, string.length);
        out.write(string, 0, string.length);
      } else {
        int shared = Arrays.mismatch(previous, string);
        writeVarint(out, shared);
        writeVarint(out, string.length - shared);
        out.write(string, shared, string.length - shared);
      }
      previous = string;
      distinct++;
    }
    return new FrontCodedStrings(
        out.toByteArray(), Arrays.copyOf(blocks, (distinct + BLOCK - 1) / BLOCK), distinct);
  }

  /** The number of distinct strings. */
  int size() {
    return size;
  }

  boolean contains(String string) {
    byte[] key = string.getBytes(StandardCharsets.UTF_8);
    // the last block whose first string is not after the key
    int low = 0;
    int high = blocks.length - 1;
    int block = -1;
    while (low <= high) {
      int middle = (low + high) >>> 1;
      int order = compareHead(middle, key);
      if (order == 0) {
        return true;
      }
      if (order < 0) {
        block = middle;
        low = middle + 1;
      } else {
        high = middle - 1;
      }
    }
    return block >= 0 && inBlock(block, key);
  }

  private int compareHead(int block, byte[] key) {
    int position = blocks[block];
    int length = readVarint(position);
    position += varintSize(length);
    return Arrays.compareUnsigned(data, position, position + length, key, 0, key.length);
  }

  /** Walks the block, rebuilding each string in turn, until the key or a string after it. */
  private boolean inBlock(int block, byte[] key) {
    int end = block + 1 < blocks.length ? blocks[block + 1] : data.length;
    int position = blocks[block];
    int headLength = readVarint(position);
    position += varintSize(headLength);
    byte[] current = new byte[Math.max(headLength, key.length) + 1];
    System.arraycopy(data, position, current, 0, headLength);
    position += headLength;
    while (position < end) {
      int shared = readVarint(position);
      position += varintSize(shared);
      int suffix = readVarint(position);
      position += varintSize(suffix);
      int length = shared + suffix;
      if (length > current.length) {
        current = Arrays.copyOf(current, length);
      }
      System.arraycopy(data, position, current, shared, suffix);
      position += suffix;
      int order = Arrays.compareUnsigned(current, 0, length, key, 0, key.length);
      if (order >= 0) {
        return order == 0;
      }
    }
    return false;
  }

  private static void writeVarint(ByteArrayOutputStream out, int value) {
    while (value >= 0x80) {
      out.write(value & 0x7f | 0x80);
      value >>>= 7;
    }
    out.write(value);
  }

  private int readVarint(int position) {
    int value = 0;
    for (int shift = 0; ; shift += 7) {
      byte b = data[position++];
      value |= (b & 0x7f) << shift;
      if (b >= 0) {
        return value;
      }
    }
  }

  private static int varintSize(int value) {
    int bytes = 1;
    while (value >= 0x80) {
      value >>>= 7;
      bytes++;
    }
    return bytes;
  }
}
