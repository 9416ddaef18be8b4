package io.mlmon.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** {@link YamlTree} builds the tree Jackson's YAML mapper reads, node class by node class. */
class YamlTreeTest {
  private static final YAMLMapper MAPPER = mapper();

  /** The mapper the config loader used before {@link YamlTree}. */
  private static YAMLMapper mapper() {
    YAMLFactory factory = new YAMLFactory();
    factory.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    return new YAMLMapper(factory);
  }

  private static void sameAsMapper(String yaml) throws JsonProcessingException {
    JsonNode expected = MAPPER.readTree(yaml);
    JsonNode actual = YamlTree.read(yaml);
    assertThat(actual).as(yaml).isEqualTo(expected);
    assertThat(classes(actual)).as(yaml).isEqualTo(classes(expected));
  }

  /** Every node's class, depth first: equal trees may still differ in int against long nodes. */
  private static List<String> classes(JsonNode node) {
    List<String> out = new ArrayList<>();
    out.add(node.getClass().getSimpleName());
    node.elements().forEachRemaining(child -> out.addAll(classes(child)));
    return out;
  }

  @Test
  void scalars_of_every_kind_become_the_nodes_the_mapper_makes() throws JsonProcessingException {
    sameAsMapper(
        """
        text: hello
        quoted: "1"
        int: 42
        negative: -7
        long: 9000000000
        big: 123456789012345678901234567890
        octal: 0o17
        hex: 0x1F
        float: 2.5
        exponent: 1e-3
        yes: true
        no: False
        nothing: null
        tilde: ~
        empty:
        duration: 1h
        list: [1, two, 3.0, null, [nested], {k: v}]
        block:
          - a: 1
            b: [x, y]
          - c
        anchored: &a {p: 1}
        alias: *a
        """);
  }

  @Test
  void the_projects_own_yaml_files_read_alike() throws Exception {
    List<Path> files = new ArrayList<>(List.of(Path.of("../prometheus.yml")));
    files.add(Path.of("../docker-compose.yml"));
    for (String dir : List.of("../alertmanager", "../dashboards", "../deploy")) {
      try (Stream<Path> found = Files.walk(Path.of(dir))) {
        found.filter(f -> f.toString().matches(".*\\.ya?ml")).forEach(files::add);
      }
    }
    assertThat(files).hasSizeGreaterThan(10);
    for (Path file : files) {
      sameAsMapper(Files.readString(file));
    }
  }

  @Test
  void empty_text_scalar_documents_and_later_documents() throws JsonProcessingException {
    assertThat(YamlTree.read("").isMissingNode()).isTrue();
    assertThat(YamlTree.read("# only a comment\n").isMissingNode()).isTrue();
    sameAsMapper("just text");
    sameAsMapper("- 1\n- 2\n");
    sameAsMapper("a: 1\n---\nb: 2\n");
  }

  @Test
  void duplicate_keys_and_broken_yaml_are_refused() {
    assertThatThrownBy(() -> YamlTree.read("a: 1\nb:\n  c: 2\n  c: 3\n"))
        .isInstanceOf(JsonProcessingException.class)
        .hasMessageContaining("Duplicate field 'c'");
    assertThatThrownBy(() -> YamlTree.read("a: [1, 2\n"))
        .isInstanceOf(JsonProcessingException.class);
    assertThatThrownBy(() -> YamlTree.read("a: " + "[".repeat(5000) + "]".repeat(5000)))
        .as("nesting past the parser's limit, refused before the tree recurses that deep")
        .isInstanceOf(JsonProcessingException.class)
        .hasMessageContaining("nesting depth");
    assertThatThrownBy(() -> MAPPER.readTree("a: .inf"))
        .isInstanceOf(JsonProcessingException.class);
    assertThatThrownBy(() -> YamlTree.read("a: .inf"))
        .as("a float the mapper cannot read either")
        .isInstanceOf(JsonProcessingException.class);
  }

  @Property(seed = "20261127", tries = 300)
  void any_tree_written_as_yaml_reads_back_as_the_mapper_reads_it(@ForAll("trees") Object tree)
      throws JsonProcessingException {
    sameAsMapper(MAPPER.writeValueAsString(Collections.singletonMap("root", tree)));
  }

  @Provide
  Arbitrary<Object> trees() {
    Arbitrary<Object> scalars =
        Arbitraries.oneOf(
            Arbitraries.strings().ofMaxLength(8).map(s -> (Object) s),
            Arbitraries.integers().map(i -> (Object) i),
            Arbitraries.longs().map(l -> (Object) l),
            Arbitraries.doubles().map(d -> (Object) d),
            Arbitraries.of(true, false).map(b -> (Object) b),
            Arbitraries.just(null));
    return Arbitraries.recursive(
        () -> scalars,
        inner ->
            Arbitraries.oneOf(
                inner.list().ofMaxSize(4).map(l -> (Object) l),
                Arbitraries.maps(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(6), inner)
                    .ofMaxSize(4)
                    .map(m -> (Object) new LinkedHashMap<>(m))),
        0,
        3);
  }
}
