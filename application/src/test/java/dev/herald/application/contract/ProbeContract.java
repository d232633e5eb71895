package dev.herald.application.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.application.port.out.ForProbingDatabase;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What every {@link ForProbingDatabase} does. */
public abstract class ProbeContract {
    /** A probe of a database that works. */
    protected abstract ForProbingDatabase probeOfWorkingDatabase();

    /** A probe of a database that is gone (closed, stopped, unreachable). */
    protected abstract ForProbingDatabase probeOfDatabaseThatIsDown();

    @Test
    void aWorkingDatabaseAnswers() {
        assertEquals(Optional.empty(), probeOfWorkingDatabase().problem());
    }

    @Test
    void aDatabaseThatIsDownDoesNotAnswerAndSaysWhyThrowingNothing() {
        Optional<String> problem = probeOfDatabaseThatIsDown().problem();
        assertTrue(problem.isPresent());
        assertFalse(problem.get().isBlank());
    }
}
