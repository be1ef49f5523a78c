package org.cartcompanion.support.metrics;

import java.util.Arrays;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;

/**
 * The services' HTTP answers ({@code http_server_requests_seconds}) as histograms with the shared buckets, so a check-in's p99
 * can be read and alerted on per endpoint; Quarkus publishes only count, sum and max otherwise.
 */
public class HttpHistograms {

    @Produces
    @Singleton
    MeterFilter httpServerBuckets() {
        double[] nanos = Arrays.stream(Latencies.BUCKETS).mapToDouble(d -> (double) d.toNanos()).toArray();
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!"http.server.requests".equals(id.getName())) {
                    return config;
                }
                return DistributionStatisticConfig.builder().serviceLevelObjectives(nanos).build().merge(config);
            }
        };
    }
}
