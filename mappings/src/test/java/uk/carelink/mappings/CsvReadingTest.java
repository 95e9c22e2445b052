package uk.carelink.mappings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import uk.carelink.mappings.csv.CsvTable;
import uk.carelink.mappings.csv.CsvText;

class CsvReadingTest {

  private static final Set<String> KNOWN = Set.of("a", "b", "c");

  @Test
  void utf8WithAndWithoutAByteOrderMarkAndWindows1252AreRead() {
    assertThat(CsvText.decode("a,b\r\nSiân,x".getBytes(StandardCharsets.UTF_8), "f", null).text())
        .contains("Siân");
    CsvText.Decoded bom =
        CsvText.decode("\uFEFFa,b\r\n1,2".getBytes(StandardCharsets.UTF_8), "f", null);
    assertThat(bom.text()).startsWith("a,b");
    CsvText.Decoded cp1252 =
        CsvText.decode("a\r\nO\u2019Neill £5".getBytes(Charset.forName("windows-1252")), "f", null);
    assertThat(cp1252.charset().name()).isEqualTo("windows-1252");
    assertThat(cp1252.text()).contains("O\u2019Neill £5");
  }

  @Test
  void utf16AndBinaryAndUndecodableBytesAreRejected() {
    assertThat(CsvText.decode("a,b".getBytes(StandardCharsets.UTF_16), "f", null).reject().code())
        .isEqualTo("UNSUPPORTED_ENCODING");
    assertThat(CsvText.decode(new byte[] {'a', 0, 'b'}, "f", null).reject().reason())
        .contains("offset 1");
    assertThat(CsvText.decode(new byte[] {'a', (byte) 0x81}, "f", null).reject().code())
        .isEqualTo("UNSUPPORTED_ENCODING");
    assertThat(CsvText.decode(new byte[] {'a', (byte) 0x92}, "f", "utf-8").reject().reason())
        .contains("0x92", "offset 1");
  }

  @Test
  void theDelimiterIsTheOneThatSplitsTheHeaderIntoKnownColumns() {
    assertThat(CsvTable.parse("a;b;c\n1;2;3\n", "f", KNOWN, 100, 10).delimiter()).isEqualTo(';');
    assertThat(CsvTable.parse("a\tb\tc\n1\t2\t3\n", "f", KNOWN, 100, 10).delimiter())
        .isEqualTo('\t');
    assertThat(CsvTable.parse("a,b,c\n1,2,3\n", "f", KNOWN, 100, 10).delimiter()).isEqualTo(',');
  }

  @Test
  void quotedFieldsMayHoldDelimitersQuotesAndLineBreaks() {
    CsvTable table =
        CsvTable.parse(
            "a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\r\nlines\"\r\n4,5,6", "f", KNOWN, 100, 10);
    assertThat(table.rejects()).isEmpty();
    assertThat(table.records().get(0).fields())
        .containsExactly("x, y", "say \"hi\"", "two\r\nlines");
    assertThat(table.records().get(1).line()).isEqualTo(4);
  }

  @Test
  void truncationWrongFieldCountsAndHugeFieldsAreRejects() {
    assertThat(CsvTable.parse("a,b,c\n1,\"2", "f", KNOWN, 100, 10).rejects().get(0).code())
        .isEqualTo("TRUNCATED_FILE");
    List<String> codes =
        CsvTable.parse("a,b,c\n1,2\n1,2,3,4\n1,2," + "x".repeat(101) + "\n", "f", KNOWN, 100, 10)
            .rejects()
            .stream()
            .map(r -> r.code() + "@" + r.row())
            .toList();
    assertThat(codes).containsExactly("FIELD_COUNT@1", "FIELD_COUNT@2", "FIELD_TOO_LONG@3");
    assertThat(CsvTable.parse("a,b,c\n1,2,3\n1,2,3\n", "f", KNOWN, 100, 1).rejects().get(0).code())
        .isEqualTo("TOO_MANY_ROWS");
  }
}
