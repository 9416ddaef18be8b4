package io.mlmon.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.mlmon.drift.BinShare;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class BinChartTest {
  private static final List<BinShare> BINS =
      List.of(
          new BinShare("00", 0.1, 0.2), new BinShare("01", 0.4, 0.1), new BinShare("02", 0.5, 0.7));

  /** The chart is well-formed XML on its own: parse it and read the bars back. */
  private static Document parse(String svg) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    return factory
        .newDocumentBuilder()
        .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
  }

  private static List<Double> heights(Document svg, String cls) {
    List<Double> out = new ArrayList<>();
    NodeList rects = svg.getElementsByTagNameNS("http://www.w3.org/2000/svg", "rect");
    for (int i = 0; i < rects.getLength(); i++) {
      Element r = (Element) rects.item(i);
      if (r.getAttribute("class").equals(cls)) {
        out.add(Double.parseDouble(r.getAttribute("height")));
      }
    }
    return out;
  }

  @Test
  void bar_heights_are_proportional_to_the_shares_and_the_largest_share_fills_the_chart()
      throws Exception {
    Document svg = parse(BinChart.svg("amount", BINS, List.of()));

    List<Double> reference = heights(svg, "ref");
    List<Double> current = heights(svg, "cur");

    double full = BinChart.HEIGHT - BinChart.TOP;
    double perShare = full / 0.7;
    assertThat(reference).hasSize(3);
    assertThat(current).hasSize(3);
    for (int i = 0; i < BINS.size(); i++) {
      assertThat(reference.get(i)).isCloseTo(BINS.get(i).reference() * perShare, within(0.001));
      assertThat(current.get(i)).isCloseTo(BINS.get(i).current() * perShare, within(0.001));
    }
    assertThat(current.get(2)).isCloseTo(full, within(0.001));
  }

  @Test
  void bars_stand_on_the_baseline() throws Exception {
    Document svg = parse(BinChart.svg("amount", BINS, List.of()));
    NodeList rects = svg.getElementsByTagNameNS("http://www.w3.org/2000/svg", "rect");
    for (int i = 0; i < rects.getLength(); i++) {
      Element r = (Element) rects.item(i);
      double bottom =
          Double.parseDouble(r.getAttribute("y")) + Double.parseDouble(r.getAttribute("height"));
      assertThat(bottom).isCloseTo(BinChart.HEIGHT, within(0.002));
    }
  }

  @Test
  void each_bin_names_itself_and_both_shares_on_hover() throws Exception {
    Document svg = parse(BinChart.svg("amount", BINS, List.of("≤ 10", "10 – 25.5", "> 25.5")));

    NodeList titles = svg.getElementsByTagNameNS("http://www.w3.org/2000/svg", "title");
    assertThat(titles.getLength()).isEqualTo(3);
    assertThat(titles.item(1).getTextContent())
        .isEqualTo("bin 01 (10 – 25.5): reference 40.0 %, current 10.0 %");
  }

  @Test
  void category_names_from_the_log_are_escaped() throws Exception {
    String svg =
        BinChart.svg(
            "<b>f</b>", List.of(new BinShare("<script>alert(1)</script>", 0.5, 0.5)), List.of());

    assertThat(svg).doesNotContain("<script>", "<b>");
    assertThat(parse(svg).getElementsByTagNameNS("*", "title").item(0).getTextContent())
        .startsWith("<script>alert(1)</script>: reference");
  }

  @Test
  void empty_or_zero_shares_draw_no_bars_and_no_nan() throws Exception {
    String svg =
        BinChart.svg("f", List.of(new BinShare("a", 0, 0), new BinShare("b", 0, 0)), List.of());

    assertThat(svg).doesNotContain("NaN", "Infinity");
    assertThat(heights(parse(svg), "cur")).containsOnly(0.0);
    assertThat(BinChart.svg("f", List.of(), List.of())).doesNotContain("NaN").endsWith("</svg>");
  }
}
