package uk.carelink.profiles.build;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

/**
 * Build step: packs SUSHI's output into a FHIR NPM package ({@code package.tgz}: {@code
 * package/package.json} plus one JSON file per resource). SUSHI only writes the resources; the IG
 * Publisher, which normally packs them, needs the network.
 *
 * <p>The archive is reproducible: entries sorted by name, fixed times, owner and modes, and a gzip
 * header without a time stamp, so the same FSH always gives the same bytes.
 *
 * <p>Usage: {@code PackageWriter <sushi fsh-generated/resources> <package.json> <output .tgz>}.
 */
public final class PackageWriter {

  private PackageWriter() {}

  public static void main(String[] args) throws IOException {
    Path resources = Path.of(args[0]);
    Path packageJson = Path.of(args[1]);
    Path output = Path.of(args[2]);
    List<Path> files;
    try (Stream<Path> listing = Files.list(resources)) {
      files =
          listing
              .filter(p -> p.getFileName().toString().endsWith(".json"))
              // The ImplementationGuide resource describes a publication this build does not make.
              .filter(p -> !p.getFileName().toString().startsWith("ImplementationGuide-"))
              .sorted()
              .toList();
    }
    if (files.isEmpty()) {
      throw new IOException("SUSHI wrote no resources to " + resources);
    }
    Files.createDirectories(output.toAbsolutePath().getParent());
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(output))) {
      Tar tar = new Tar(out);
      tar.add("package/package.json", Files.readAllBytes(packageJson));
      for (Path file : files) {
        tar.add("package/" + file.getFileName(), Files.readAllBytes(file));
      }
      tar.finish();
    }
    System.out.println("Packed " + files.size() + " resources into " + output);
  }

  /** The few bytes of the POSIX ustar format this package needs: regular files only. */
  static final class Tar {
    private static final int BLOCK = 512;
    private final OutputStream out;

    Tar(OutputStream out) {
      this.out = out;
    }

    void add(String name, byte[] content) throws IOException {
      byte[] nameBytes = name.getBytes(UTF_8);
      if (nameBytes.length > 100) {
        throw new IOException("Entry name longer than 100 bytes: " + name);
      }
      byte[] header = new byte[BLOCK];
      System.arraycopy(nameBytes, 0, header, 0, nameBytes.length);
      octal(header, 100, 8, 0644);
      octal(header, 108, 8, 0);
      octal(header, 116, 8, 0);
      octal(header, 124, 12, content.length);
      octal(header, 136, 12, 0);
      header[156] = '0';
      System.arraycopy("ustar\0".getBytes(UTF_8), 0, header, 257, 6);
      header[263] = '0';
      header[264] = '0';
      // The checksum is computed with its own field filled with spaces.
      java.util.Arrays.fill(header, 148, 156, (byte) ' ');
      int sum = 0;
      for (byte b : header) {
        sum += b & 0xff;
      }
      octal(header, 148, 7, sum);
      header[155] = ' ';
      out.write(header);
      out.write(content);
      int padding = (BLOCK - content.length % BLOCK) % BLOCK;
      out.write(new byte[padding]);
    }

    void finish() throws IOException {
      out.write(new byte[2 * BLOCK]);
    }

    private static void octal(byte[] header, int offset, int length, long value) {
      String digits = Long.toOctalString(value);
      String padded = "0".repeat(length - 1 - digits.length()) + digits;
      byte[] bytes = padded.getBytes(UTF_8);
      System.arraycopy(bytes, 0, header, offset, bytes.length);
      header[offset + length - 1] = 0;
    }
  }
}
