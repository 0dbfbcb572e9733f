package io.waypoint.localstack.demo;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Blood pressure, heart rate and temperature, written {@code 124/79 72 36.7}. */
public record Vitals(int systolicMmHg, int diastolicMmHg, int heartRateBpm, BigDecimal temperatureCelsius) {

    private static final Pattern FORMAT = Pattern.compile("(\\d+)/(\\d+)\\s+(\\d+)\\s+(\\d+(?:\\.\\d)?)");

    public static Vitals parse(String text) {
        Matcher m = FORMAT.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("vitals must read 'systolic/diastolic heartRate temperature': " + text);
        }
        return new Vitals(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                new BigDecimal(m.group(4)).setScale(1));
    }

    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("systolicMmHg", systolicMmHg);
        json.put("diastolicMmHg", diastolicMmHg);
        json.put("heartRateBpm", heartRateBpm);
        json.put("temperatureCelsius", temperatureCelsius);
        return json;
    }
}
