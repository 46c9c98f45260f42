package org.tongxin.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns a valid example of a request body into the fuzzer's variant of it: each field is kept, replaced by another kind
 * of value (any text, a tricky text, a number, a boolean, null, an array, an object) or dropped, and unknown fields are
 * added, as the fuzzer's bytes say. Starting from a valid body keeps most inputs deep in the application's rules
 * instead of at the JSON parser, which the raw mode of the fuzz tests covers.
 */
final class BodyMutator {

    /** Texts that once broke something somewhere: NUL, dates beyond the calendar, LIKE wildcards, huge numbers. */
    static final List<String> TRICKY = List.of(
            "\u0000",
            "a\u0000b",
            "+999999999-12-31",
            "-999999999-01-01",
            "0000-01-01",
            "9999-12-31",
            "10000-01-01",
            "2025-02-30",
            "2025-13-01",
            "2025-06-01T25:00",
            "+999999999-12-31T23:59:59",
            "1970-01-01T00:00:00Z",
            "",
            " ",
            "%",
            "_",
            "\\",
            "'",
            "\"",
            "null",
            "NaN",
            "1e309",
            "-1",
            "0",
            "2147483648",
            "99999999999999999999",
            "\uD800",
            "\uDFFF",
            "\uFEFF",
            "\u202E",
            "😀",
            "张三\t\r\n",
            "<script>alert(1)</script>",
            "../../etc/passwd",
            "a".repeat(5000),
            "长".repeat(2001),
            "00000000-0000-0000-0000-000000000000",
            "PROBATION",
            "MALE",
            "RESIDENT_ID",
            "DELIVERED",
            "TOPIC",
            "CONFLICT",
            "COUNTY_OFFICER",
            "SYSTEM_ADMIN");

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private BodyMutator() {}

    static JsonNode mutate(JsonNode template, FuzzedDataProvider data) {
        return mutate(template, data, 0);
    }

    private static JsonNode mutate(JsonNode node, FuzzedDataProvider data, int depth) {
        if (data.remainingBytes() == 0) {
            return node;
        }
        if (node.isObject()) {
            ObjectNode copy = NODES.objectNode();
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                int choice = data.consumeInt(0, 15);
                if (choice == 15) {
                    continue;
                }
                copy.set(field.getKey(), choice < 11 ? mutate(field.getValue(), data, depth + 1) : leaf(data, depth));
            }
            if (data.consumeInt(0, 19) == 0) {
                copy.set(
                        data.consumeBoolean()
                                ? data.consumeString(12)
                                : TRICKY.get(data.consumeInt(0, TRICKY.size() - 1)),
                        leaf(data, depth));
            }
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = NODES.arrayNode();
            for (JsonNode element : node) {
                copy.add(mutate(element, data, depth + 1));
            }
            int extra = data.consumeInt(0, 3) == 0 ? data.consumeInt(1, 4) : 0;
            for (int i = 0; i < extra && node.size() > 0; i++) {
                copy.add(mutate(node.get(0), data, depth + 1));
            }
            return copy;
        }
        return data.consumeInt(0, 2) == 0 ? leaf(data, depth) : node;
    }

    /** A value of the fuzzer's choosing. */
    static JsonNode leaf(FuzzedDataProvider data, int depth) {
        return switch (data.consumeInt(0, 9)) {
            case 0, 1 -> NODES.stringNode(data.consumeString(64));
            case 2, 3, 4 -> NODES.stringNode(TRICKY.get(data.consumeInt(0, TRICKY.size() - 1)));
            case 5 -> NODES.numberNode(data.consumeLong());
            case 6 -> NODES.numberNode(data.consumeDouble());
            case 7 -> NODES.booleanNode(data.consumeBoolean());
            case 8 -> NODES.nullNode();
            default -> depth > 3 ? NODES.stringNode(data.consumeString(8)) : container(data, depth);
        };
    }

    private static JsonNode container(FuzzedDataProvider data, int depth) {
        if (data.consumeBoolean()) {
            ArrayNode array = NODES.arrayNode();
            int n = data.consumeInt(0, 3);
            for (int i = 0; i < n; i++) {
                array.add(leaf(data, depth + 1));
            }
            return array;
        }
        ObjectNode object = NODES.objectNode();
        List<String> names = new ArrayList<>(List.of("name", "version", "id", "kind", "text"));
        int n = data.consumeInt(0, 3);
        for (int i = 0; i < n; i++) {
            object.set(names.get(data.consumeInt(0, names.size() - 1)), leaf(data, depth + 1));
        }
        return object;
    }
}
