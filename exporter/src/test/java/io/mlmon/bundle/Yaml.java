package io.mlmon.bundle;

import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** YAML and JSON files of the bundle as Jackson trees. */
final class Yaml {
  static final YAMLMapper YAML =
      new YAMLMapper(
          YAMLFactory.builder()
              .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
              .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
              .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
              .build());
  static final ObjectMapper JSON = new ObjectMapper();

  private Yaml() {}

  static JsonNode read(Path file) {
    try {
      return file.toString().endsWith(".json")
          ? JSON.readTree(file.toFile())
          : YAML.readTree(file.toFile());
    } catch (IOException e) {
      return fail("cannot parse " + file + ": " + e.getMessage(), e);
    }
  }

  static JsonNode parse(String yaml) {
    try {
      return YAML.readTree(yaml);
    } catch (IOException e) {
      return fail("cannot parse YAML: " + e.getMessage(), e);
    }
  }

  static void write(Path file, JsonNode tree) {
    try {
      Files.createDirectories(file.getParent());
      YAML.writeValue(file.toFile(), tree);
    } catch (IOException e) {
      fail("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  static List<JsonNode> items(JsonNode array) {
    List<JsonNode> out = new ArrayList<>();
    array.forEach(out::add);
    return out;
  }

  static List<Map.Entry<String, JsonNode>> fields(JsonNode object) {
    return new ArrayList<>(object.properties());
  }

  /** Every file of {@code dir} whose name ends with {@code suffix}, sorted by name. */
  static List<Path> files(Path dir, String suffix) {
    try (var stream = Files.list(dir)) {
      return stream
          .filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(suffix))
          .sorted()
          .toList();
    } catch (IOException e) {
      return fail("cannot list " + dir + ": " + e.getMessage(), e);
    }
  }
}
