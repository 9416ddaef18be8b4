package io.mlmon.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The tree of a YAML document, built from the parser's tokens: the tree {@code YAMLMapper.readTree}
 * gives, without building a mapper.
 *
 * <p>Why: a mapper sets up Jackson's whole data-binding machinery, about half of the time it took
 * to load a config at start-up, and {@code run} and {@code replay} wait for the config (and the
 * references it names) before reading any log. The tree needs only the parser and the node classes.
 */
final class YamlTree {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private YamlTree() {}

  /**
   * The first document of {@code yaml}, with duplicate keys rejected; {@link MissingNode} when the
   * text holds none.
   *
   * @throws JsonProcessingException when the text is not YAML
   */
  static JsonNode read(String yaml) throws JsonProcessingException {
    YAMLFactory factory = new YAMLFactory();
    factory.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    try (JsonParser parser = factory.createParser(yaml)) {
      JsonToken token = parser.nextToken();
      return token == null ? MissingNode.getInstance() : value(parser, token);
    } catch (JsonProcessingException e) {
      throw e;
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a string is read without I/O
    }
  }

  private static JsonNode value(JsonParser parser, JsonToken token) throws IOException {
    switch (token) {
      case START_OBJECT -> {
        ObjectNode object = NODES.objectNode();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String key = parser.currentName();
          object.set(key, value(parser, parser.nextToken()));
        }
        return object;
      }
      case START_ARRAY -> {
        ArrayNode array = NODES.arrayNode();
        JsonToken item;
        while ((item = parser.nextToken()) != JsonToken.END_ARRAY) {
          array.add(value(parser, item));
        }
        return array;
      }
      case VALUE_STRING -> {
        return NODES.textNode(parser.getText());
      }
      case VALUE_NUMBER_INT -> {
        return switch (parser.getNumberType()) {
          case INT -> NODES.numberNode(parser.getIntValue());
          case LONG -> NODES.numberNode(parser.getLongValue());
          default -> NODES.numberNode(parser.getBigIntegerValue());
        };
      }
      case VALUE_NUMBER_FLOAT -> {
        return parser.getNumberType() == JsonParser.NumberType.BIG_DECIMAL
            ? NODES.numberNode(parser.getDecimalValue())
            : NODES.numberNode(parser.getDoubleValue());
      }
      case VALUE_TRUE, VALUE_FALSE -> {
        return NODES.booleanNode(token == JsonToken.VALUE_TRUE);
      }
      case VALUE_NULL -> {
        return NODES.nullNode();
      }
      case VALUE_EMBEDDED_OBJECT -> {
        Object embedded = parser.getEmbeddedObject();
        return embedded instanceof byte[] bytes
            ? NODES.binaryNode(bytes)
            : NODES.pojoNode(embedded);
      }
      default -> throw new IllegalStateException("unexpected YAML token " + token);
    }
  }
}
