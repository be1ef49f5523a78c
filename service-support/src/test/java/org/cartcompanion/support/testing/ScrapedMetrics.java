package org.cartcompanion.support.testing;

import static io.restassured.RestAssured.given;

import java.util.Map;

/** The service's {@code /q/metrics} as Prometheus text, read once, and the sum of the series matching a name and labels. */
public final class ScrapedMetrics {

    private final String text;

    private ScrapedMetrics(String text) {
        this.text = text;
    }

    /** Reads the service's metrics now. */
    public static ScrapedMetrics read() {
        return new ScrapedMetrics(given().get("/q/metrics").then().statusCode(200).extract().asString());
    }

    /** The sum of the series named {@code name} that carry every label of {@code labels}; 0 when none is there. */
    public double sum(String name, Map<String, String> labels) {
        double total = 0;
        for (String line : text.split("\n")) {
            if (line.startsWith("#") || !(line.startsWith(name + "{") || line.startsWith(name + " "))) {
                continue;
            }
            int end = line.lastIndexOf(' ');
            String series = line.substring(0, end);
            if (labels.entrySet().stream().allMatch(l -> series.contains(l.getKey() + "=\"" + l.getValue() + "\""))) {
                total += Double.parseDouble(line.substring(end + 1));
            }
        }
        return total;
    }

    /** Whether a series of that name is exposed at all. */
    public boolean has(String name) {
        return text.lines().anyMatch(l -> l.startsWith(name + "{") || l.startsWith(name + " "));
    }
}
