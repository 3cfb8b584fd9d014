import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Padlock's share of the CPU samples of a JFR recording of a bench/scale.sh application: those taken before the
 * application had started (START_MS), and those taken while the first GET /v3/api-docs ran (START_MS to END_MS),
 * counting a sample as Padlock's when any frame of its stack is in io.github.padlock. Also prints the Padlock methods
 * (innermost Padlock frame) that took most of those samples.
 *
 * <pre>java bench/scale/PadlockShare.java recording.jfr START_MS END_MS</pre>
 */
public class PadlockShare {

    public static void main(String[] args) throws IOException {
        Instant started = Instant.ofEpochMilli(Long.parseLong(args[1]));
        Instant served = Instant.ofEpochMilli(Long.parseLong(args[2]));
        Phase startup = new Phase("start-up");
        Phase apiDocs = new Phase("first /v3/api-docs");
        for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(args[0]))) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                continue;
            }
            Instant time = event.getStartTime();
            Phase phase = time.isBefore(started) ? startup : time.isBefore(served) ? apiDocs : null;
            if (phase != null) {
                phase.add(event.getStackTrace().getFrames());
            }
        }
        System.out.println(startup);
        System.out.println(apiDocs);
    }

    static final class Phase {

        final String name;

        int samples;

        int padlock;

        final Map<String, Integer> methods = new HashMap<>();

        Phase(String name) {
            this.name = name;
        }

        void add(List<RecordedFrame> frames) {
            this.samples++;
            for (RecordedFrame frame : frames) {
                String type = frame.getMethod().getType().getName();
                if (type.startsWith("io.github.padlock.")) {
                    this.padlock++;
                    this.methods.merge(type.substring(type.lastIndexOf('.') + 1) + "." + frame.getMethod().getName(),
                            1, Integer::sum);
                    return;
                }
            }
        }

        @Override
        public String toString() {
            StringBuilder text = new StringBuilder(String.format("%s: %d samples, %d with a Padlock frame (%.1f%%)",
                    this.name, this.samples, this.padlock, 100.0 * this.padlock / Math.max(1, this.samples)));
            this.methods.entrySet()
                .stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(6)
                .forEach((entry) -> text.append(String.format("; %s %d", entry.getKey(), entry.getValue())));
            return text.toString();
        }
    }
}
