package io.waypoint.schemas.tools.compat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.avro.JsonProperties;
import org.apache.avro.Schema;

/**
 * The normalized JSON of a schema as a contract: Avro's parsing canonical form (what the wire and the
 * single-object fingerprint depend on) plus everything else that changes what a reader makes of the data:
 * logical types with decimal precision and scale, field defaults, enum defaults, aliases and non-ascending
 * field orders. Documentation and code generation hints ({@code avro.java.string}) are left out: they change
 * neither the bytes nor their meaning.
 *
 * <p>Two schemas with the same parsing fingerprint may differ here: {@code amountMg} as decimal(7,2) and as
 * decimal(7,3) are the same bytes on the wire, read as amounts ten times apart.
 */
public final class ContractForm {

    private ContractForm() {
    }

    /** The contract form of a schema, one line of JSON with attributes in a fixed order. */
    public static String of(Schema schema) {
        StringBuilder json = new StringBuilder();
        write(schema, json, new HashSet<>());
        return json.toString();
    }

    /**
     * The logical type of a schema as the contract states it, e.g. {@code decimal(7,2)} or
     * {@code timestamp-millis}; null when it has none. A decimal without a scale has scale 0.
     */
    static String logicalTypeOf(Schema schema) {
        String logicalType = schema.getProp("logicalType");
        if (logicalType == null) {
            return null;
        }
        if ("decimal".equals(logicalType)) {
            return "decimal(" + number(schema.getObjectProp("precision"), "?") + ","
                    + number(schema.getObjectProp("scale"), "0") + ")";
        }
        return logicalType;
    }

    private static void write(Schema schema, StringBuilder json, Set<String> named) {
        switch (schema.getType()) {
            case UNION -> {
                json.append('[');
                List<Schema> branches = schema.getTypes();
                for (int i = 0; i < branches.size(); i++) {
                    if (i > 0) {
                        json.append(',');
                    }
                    write(branches.get(i), json, named);
                }
                json.append(']');
            }
            case RECORD, ENUM, FIXED -> {
                if (!named.add(schema.getFullName())) {
                    string(schema.getFullName(), json);
                    return;
                }
                json.append("{\"name\":");
                string(schema.getFullName(), json);
                json.append(",\"type\":");
                string(schema.getType().getName(), json);
                aliases(schema.getAliases(), json);
                switch (schema.getType()) {
                    case RECORD -> fields(schema, json, named);
                    case ENUM -> {
                        json.append(",\"symbols\":[");
                        List<String> symbols = schema.getEnumSymbols();
                        for (int i = 0; i < symbols.size(); i++) {
                            if (i > 0) {
                                json.append(',');
                            }
                            string(symbols.get(i), json);
                        }
                        json.append(']');
                        if (schema.getEnumDefault() != null) {
                            json.append(",\"default\":");
                            string(schema.getEnumDefault(), json);
                        }
                    }
                    default -> json.append(",\"size\":").append(schema.getFixedSize());
                }
                logicalType(schema, json);
                json.append('}');
            }
            case ARRAY -> {
                json.append("{\"type\":\"array\",\"items\":");
                write(schema.getElementType(), json, named);
                json.append('}');
            }
            case MAP -> {
                json.append("{\"type\":\"map\",\"values\":");
                write(schema.getValueType(), json, named);
                json.append('}');
            }
            default -> {
                if (schema.getProp("logicalType") == null) {
                    string(schema.getType().getName(), json);
                } else {
                    json.append("{\"type\":");
                    string(schema.getType().getName(), json);
                    logicalType(schema, json);
                    json.append('}');
                }
            }
        }
    }

    private static void fields(Schema record, StringBuilder json, Set<String> named) {
        json.append(",\"fields\":[");
        List<Schema.Field> fields = record.getFields();
        for (int i = 0; i < fields.size(); i++) {
            Schema.Field field = fields.get(i);
            if (i > 0) {
                json.append(',');
            }
            json.append("{\"name\":");
            string(field.name(), json);
            aliases(field.aliases(), json);
            json.append(",\"type\":");
            write(field.schema(), json, named);
            if (field.hasDefaultValue()) {
                json.append(",\"default\":");
                value(field.defaultVal(), json);
            }
            if (field.order() != Schema.Field.Order.ASCENDING) {
                json.append(",\"order\":");
                string(field.order().name().toLowerCase(Locale.ROOT), json);
            }
            json.append('}');
        }
        json.append(']');
    }

    private static void logicalType(Schema schema, StringBuilder json) {
        String logicalType = schema.getProp("logicalType");
        if (logicalType == null) {
            return;
        }
        json.append(",\"logicalType\":");
        string(logicalType, json);
        if ("decimal".equals(logicalType)) {
            json.append(",\"precision\":").append(number(schema.getObjectProp("precision"), "null"));
            json.append(",\"scale\":").append(number(schema.getObjectProp("scale"), "0"));
        }
    }

    private static void aliases(Collection<String> aliases, StringBuilder json) {
        if (aliases == null || aliases.isEmpty()) {
            return;
        }
        json.append(",\"aliases\":[");
        boolean first = true;
        for (String alias : new TreeSet<>(aliases)) {
            if (!first) {
                json.append(',');
            }
            string(alias, json);
            first = false;
        }
        json.append(']');
    }

    /** A default value as {@link Schema.Field#defaultVal()} gives it, as canonical JSON (object keys sorted). */
    private static void value(Object value, StringBuilder json) {
        switch (value) {
            case null -> json.append("null");
            case JsonProperties.Null ignored -> json.append("null");
            case Boolean b -> json.append(b);
            case Number n -> json.append(canonicalNumber(n));
            case CharSequence s -> string(s.toString(), json);
            case byte[] bytes -> string(new String(bytes, StandardCharsets.ISO_8859_1), json);
            case Collection<?> items -> {
                json.append('[');
                boolean first = true;
                for (Object item : items) {
                    if (!first) {
                        json.append(',');
                    }
                    value(item, json);
                    first = false;
                }
                json.append(']');
            }
            case Map<?, ?> map -> {
                json.append('{');
                boolean first = true;
                for (Map.Entry<String, Object> entry : sorted(map).entrySet()) {
                    if (!first) {
                        json.append(',');
                    }
                    string(entry.getKey(), json);
                    json.append(':');
                    value(entry.getValue(), json);
                    first = false;
                }
                json.append('}');
            }
            default -> string(value.toString(), json);
        }
    }

    private static Map<String, Object> sorted(Map<?, ?> map) {
        Map<String, Object> sorted = new TreeMap<>();
        map.forEach((key, value) -> sorted.put(String.valueOf(key), value));
        return sorted;
    }

    private static String number(Object value, String absent) {
        return value instanceof Number n ? canonicalNumber(n) : value == null ? absent : String.valueOf(value);
    }

    /** 1, 1.0 and 1.00 are the same number. */
    private static String canonicalNumber(Number number) {
        if (number instanceof Double d && (d.isNaN() || d.isInfinite())
                || number instanceof Float f && (f.isNaN() || f.isInfinite())) {
            return "\"" + number + "\"";
        }
        BigDecimal decimal = new BigDecimal(number.toString()).stripTrailingZeros();
        return decimal.scale() < 0 ? decimal.setScale(0).toPlainString() : decimal.toPlainString();
    }

    private static void string(String value, StringBuilder json) {
        json.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }
}
