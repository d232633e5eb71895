package dev.herald.bench;

/** The numbers of one database's run. */
record DbResult(String name, Load.Result publish, double deliveriesPerSecond, double endToEndPerSecond,
                int delivered, Load.Result latencyPublish, Stats latency, int latencyReceived,
                Load.Result create, Load.Result list, double peakRssMib, double cpuMicrosPerDelivery,
                double ceilingPerSecond, double diskKibPerEvent) {

    DbResult withCeiling(double perSecond) {
        return new DbResult(name, publish, deliveriesPerSecond, endToEndPerSecond, delivered, latencyPublish,
                latency, latencyReceived, create, list, peakRssMib, cpuMicrosPerDelivery, perSecond,
                diskKibPerEvent);
    }
}
