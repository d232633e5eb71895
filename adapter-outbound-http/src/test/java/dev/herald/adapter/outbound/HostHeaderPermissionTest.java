package dev.herald.adapter.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HostHeaderPermissionTest {
    @Test
    void addsHostToWhatTheOperatorAllowedAndKeepsItOnce() {
        String before = System.getProperty(HostHeaderPermission.PROPERTY);
        try {
            System.setProperty(HostHeaderPermission.PROPERTY, "connection");
            assertTrue(HostHeaderPermission.grant());
            assertEquals("connection,host", System.getProperty(HostHeaderPermission.PROPERTY));

            HostHeaderPermission.grant();
            assertEquals("connection,host", System.getProperty(HostHeaderPermission.PROPERTY));
        } finally {
            if (before == null) {
                System.clearProperty(HostHeaderPermission.PROPERTY);
            } else {
                System.setProperty(HostHeaderPermission.PROPERTY, before);
            }
        }
    }
}
