package dev.herald.bench;

/** The numbers of one database's run; the latency and management fields are null when those parts were skipped. */
record DbResult(String name, Load.Result publish, double deliveriesPerSecond, double endToEndPerSecond,
                int delivered, Load.Result latencyPublish, Stats latency, int latencyReceived,
                Load.Result create, Load.Result list, double peakRssMib, double cpuMicrosPerDelivery,
                double ceilingPerSecond, double diskKibPerEvent) {

    DbResult withCeiling(double perSecond) {
        return new DbResult(name, publish, deliveriesPerSecond, endToEndPerSecond, delivered, latencyPublish,
                latency, latencyReceived, create, list, peakRssMib, cpuMicrosPerDelivery, perSecond,
                diskKibPerEvent);
    }

    DbResult withLatency(Load.Result publish, Stats latency, int received) {
        return new DbResult(name, this.publish, deliveriesPerSecond, endToEndPerSecond, delivered, publish, latency,
                received, create, list, peakRssMib, cpuMicrosPerDelivery, ceilingPerSecond, diskKibPerEvent);
    }

    DbResult withManagement(Load.Result create, Load.Result list) {
        return new DbResult(name, publish, deliveriesPerSecond, endToEndPerSecond, delivered, latencyPublish,
                latency, latencyReceived, create, list, peakRssMib, cpuMicrosPerDelivery, ceilingPerSecond,
                diskKibPerEvent);
    }

    DbResult withPeakRss(double mib) {
        return new DbResult(name, publish, deliveriesPerSecond, endToEndPerSecond, delivered, latencyPublish,
                latency, latencyReceived, create, list, mib, cpuMicrosPerDelivery, ceilingPerSecond, diskKibPerEvent);
    }
}
