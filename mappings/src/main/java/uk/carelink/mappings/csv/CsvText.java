package uk.carelink.mappings.csv;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns the bytes of an export into text. Real exports come as UTF-8 (with or without a byte-order
 * mark) or Windows-1252. Without a declared charset: a UTF-8 BOM means UTF-8; bytes that are valid
 * UTF-8 are UTF-8; otherwise Windows-1252 if every byte is defined there. UTF-16/32 (BOM or NUL
 * bytes) and undecodable bytes are rejected with the byte offset.
 */
public final class CsvText {

  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  private CsvText() {}

  /** The decoded text and the charset used, or a file-level reject. */
  public record Decoded(String text, Charset charset, Reject reject) {
    public boolean ok() {
      return reject == null;
    }
  }

  public static Decoded decode(byte[] bytes, String file, String declaredCharset) {
    if (bytes.length == 0) {
      return failed(Reject.ofFile("EMPTY_FILE", file, 0, "the file is empty"));
    }
    if (startsWith(bytes, 0xFE, 0xFF)
        || startsWith(bytes, 0xFF, 0xFE)
        || startsWith(bytes, 0x00, 0x00, 0xFE, 0xFF)) {
      return failed(
          Reject.ofFile(
              "UNSUPPORTED_ENCODING",
              file,
              0,
              "the file is UTF-16 or UTF-32 (byte-order mark); export it as UTF-8 or Windows-1252"));
    }
    int nul = indexOf(bytes, (byte) 0);
    if (nul >= 0) {
      return failed(
          Reject.ofFile(
              "UNSUPPORTED_ENCODING",
              file,
              0,
              "NUL byte at offset "
                  + nul
                  + ": the file is binary, UTF-16 or a spreadsheet, not a CSV text file"));
    }
    Optional<Charset> declared = declared(declaredCharset);
    if (declaredCharset != null && !declaredCharset.isBlank() && declared.isEmpty()) {
      return failed(
          Reject.ofFile(
              "UNSUPPORTED_ENCODING",
              file,
              0,
              "charset '"
                  + declaredCharset
                  + "' is not supported (use utf-8 or windows-1252, or leave it out to detect)"));
    }
    boolean bom = startsWith(bytes, 0xEF, 0xBB, 0xBF);
    int start = bom ? 3 : 0;
    Charset charset =
        declared.orElseGet(() -> bom || isUtf8(bytes, start) ? StandardCharsets.UTF_8 : null);
    if (charset == null) {
      charset = WINDOWS_1252;
    }
    try {
      String text =
          strict(charset).decode(ByteBuffer.wrap(bytes, start, bytes.length - start)).toString();
      return new Decoded(text, charset, null);
    } catch (CharacterCodingException e) {
      int offset = firstBadByte(bytes, start, charset);
      return failed(
          Reject.ofFile(
              "UNSUPPORTED_ENCODING",
              file,
              0,
              "byte 0x"
                  + String.format(Locale.ROOT, "%02X", bytes[offset] & 0xFF)
                  + " at offset "
                  + offset
                  + " is not valid "
                  + (declared.isPresent() ? charset.name() : "UTF-8 or Windows-1252")
                  + "; export the file as UTF-8"));
    }
  }

  private static Optional<Charset> declared(String name) {
    if (name == null || name.isBlank()) {
      return Optional.empty();
    }
    String normalised = name.trim().toLowerCase(Locale.ROOT).replace("\"", "");
    return switch (normalised) {
      case "utf-8", "utf8" -> Optional.of(StandardCharsets.UTF_8);
      case "windows-1252", "cp1252", "iso-8859-1", "latin1", "us-ascii", "ascii" ->
          Optional.of(WINDOWS_1252);
      default -> Optional.empty();
    };
  }

  private static boolean isUtf8(byte[] bytes, int start) {
    try {
      strict(StandardCharsets.UTF_8).decode(ByteBuffer.wrap(bytes, start, bytes.length - start));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  private static int firstBadByte(byte[] bytes, int start, Charset charset) {
    CharsetDecoder decoder = strict(charset);
    ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
    CharBuffer out = CharBuffer.allocate(bytes.length * 2 + 16);
    decoder.decode(in, out, true);
    return Math.min(in.position(), bytes.length - 1);
  }

  private static CharsetDecoder strict(Charset charset) {
    return charset
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
  }

  private static boolean startsWith(byte[] bytes, int... prefix) {
    if (bytes.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((bytes[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private static int indexOf(byte[] bytes, byte b) {
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == b) {
        return i;
      }
    }
    return -1;
  }

  private static Decoded failed(Reject reject) {
    return new Decoded(null, null, reject);
  }
}
