import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Reads a JFR recording of a JMH benchmark (see docs/benchmarks.md, section 2) and reports, for the samples taken inside
 * the benchmark loop (the frames above JMH's {@code _jmhStub} frame; set-up, where Padlock plans handlers by
 * reflection, and JMH's own reflective call of the loop are left out):
 * <ul>
 * <li>how many CPU samples ({@code jdk.ExecutionSample}) had a reflection or annotation-lookup frame anywhere on
 * their stack, and which frames;</li>
 * <li>the methods most often on top of the stack;</li>
 * <li>where the sampled allocations ({@code jdk.ObjectAllocationSample}, weighted) were made: the class allocated
 * and the innermost frame of Padlock, nimbus or the benchmark fixture that led to it.</li>
 * </ul>
 * Run with {@code java bench/jmh/JfrReport.java recording.jfr...}; after {@code --share}, fully qualified method
 * names ({@code java.security.MessageDigest.getInstance}) whose share of the CPU samples (samples with that method
 * anywhere on the stack) to print as well.
 */
public class JfrReport {

    /**
     * Frames that mean a reflective call or an annotation lookup. A {@code java.lang.reflect.Method} used as a map
     * key ({@code Method.hashCode}, {@code equals}), or a getter of Spring's {@code MethodParameter} that returns a
     * field, is neither.
     */
    static final Pattern REFLECTION = Pattern.compile("^(jdk\\.internal\\.reflect\\.|sun\\.reflect\\."
            + "|java\\.lang\\.reflect\\.(Method\\.invoke|Constructor\\.newInstance|Field\\.get|Field\\.set|Proxy\\."
            + "|[A-Za-z]+\\.(getAnnotation|getDeclaredAnnotation|getAnnotations|getParameterAnnotations|getParameters"
            + "|getParameterTypes|getGeneric|getAnnotatedParameterTypes|isAnnotationPresent))"
            + "|java\\.lang\\.Class\\.(getAnnotation|getDeclared|getMethod|getField|getConstructor|getRecordComponents"
            + "|isAnnotationPresent|getGeneric|getEnclosing)"
            + "|org\\.springframework\\.core\\.annotation\\.(AnnotatedElementUtils|AnnotationUtils|MergedAnnotation"
            + "|TypeMappedAnnotation|AnnotationsScanner|AnnotationTypeMapping|RepeatableContainers|SynthesizedMerged)"
            + "|org\\.springframework\\.core\\.annotation\\.AnnotatedMethod.*\\.(getParameterAnnotation|hasParameterAnnotation"
            + "|getMethodAnnotation|getParameterAnnotations)"
            + "|org\\.springframework\\.core\\.MethodParameter\\.(getParameterAnnotation|hasParameterAnnotation"
            + "|getMethodAnnotation|getAnnotatedElement)|org\\.springframework\\.util\\.ReflectionUtils"
            + "|org\\.springframework\\.core\\.ResolvableType\\.)");

    /** Whose frames name an allocation site. */
    static final Pattern OWN = Pattern.compile("^(io\\.github\\.padlock\\.|com\\.nimbusds\\.)");

    public static void main(String[] args) throws IOException {
        List<String> arguments = List.of(args);
        int share = arguments.indexOf("--share");
        List<String> files = (share < 0) ? arguments : arguments.subList(0, share);
        List<String> methods = (share < 0) ? List.of() : arguments.subList(share + 1, arguments.size());
        for (String file : files) {
            report(Path.of(file), methods);
        }
    }

    static void report(Path file, List<String> methods) throws IOException {
        Map<String, Integer> withMethod = new LinkedHashMap<>();
        methods.forEach((method) -> withMethod.put(method, 0));
        int samples = 0;
        int reflective = 0;
        Map<String, Integer> reflectiveFrames = new TreeMap<>();
        Map<String, Integer> reflectiveStacks = new LinkedHashMap<>();
        Map<String, Integer> topFrames = new HashMap<>();
        long allocated = 0;
        Map<String, Long> sites = new HashMap<>();
        for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
            RecordedStackTrace stack = event.getStackTrace();
            List<RecordedFrame> frames = (stack != null) ? insideBenchmarkLoop(stack.getFrames()) : List.of();
            if (frames.isEmpty()) {
                continue;
            }
            String type = event.getEventType().getName();
            if (type.equals("jdk.ExecutionSample")) {
                samples++;
                topFrames.merge(name(frames.get(0)), 1, Integer::sum);
                for (String method : methods) {
                    if (frames.stream().anyMatch((frame) -> name(frame).equals(method))) {
                        withMethod.merge(method, 1, Integer::sum);
                    }
                }
                boolean hit = false;
                for (RecordedFrame frame : frames) {
                    String name = name(frame);
                    if (REFLECTION.matcher(name).find()) {
                        reflectiveFrames.merge(name, 1, Integer::sum);
                        hit = true;
                    }
                }
                if (hit) {
                    reflective++;
                    StringBuilder path = new StringBuilder();
                    for (RecordedFrame frame : frames) {
                        path.append("\n            ").append(name(frame)).append(':').append(frame.getLineNumber());
                    }
                    reflectiveStacks.merge(path.toString(), 1, Integer::sum);
                }
            }
            else if (type.equals("jdk.ObjectAllocationSample")) {
                long weight = event.getLong("weight");
                allocated += weight;
                String site = frames.stream()
                    .map(JfrReport::name)
                    .filter((name) -> OWN.matcher(name).find())
                    .findFirst()
                    .orElse(name(frames.get(0)));
                String allocator = name(frames.get(0));
                sites.merge(event.getClass("objectClass").getName() + " <- " + allocator
                        + (allocator.equals(site) ? "" : " <- ... " + site), weight, Long::sum);
            }
        }
        System.out.println("== " + file);
        System.out.printf("CPU samples in the benchmark loop: %d; with a reflection or annotation frame: %d%n",
                samples, reflective);
        reflectiveFrames.forEach((name, count) -> System.out.printf("    %6d  %s%n", count, name));
        top(reflectiveStacks, 3).forEach((path, count) -> System.out.printf("    %6d samples of the stack:%s%n",
                count, path));
        int sampleCount = Math.max(1, samples);
        long allocatedBytes = Math.max(1, allocated);
        withMethod.forEach((method, count) -> System.out.printf("    %5.1f%% of the samples in %s%n",
                100.0 * count / sampleCount, method));
        System.out.println("Most frequent top frames:");
        top(topFrames, 12).forEach((name, count) -> System.out.printf("    %5.1f%%  %s%n",
                100.0 * count / sampleCount, name));
        System.out.println("Sampled allocations by class and site (share of the sampled bytes):");
        top(sites, 15).forEach((site, weight) -> System.out.printf("    %5.1f%%  %s%n",
                100.0 * weight / allocatedBytes, site));
        System.out.println();
    }

    /**
     * The frames above JMH's measurement loop (its {@code _jmhStub} method), innermost first; empty for a stack
     * outside it. JMH itself calls the loop by reflection, so the frames below it are left out.
     */
    static List<RecordedFrame> insideBenchmarkLoop(List<RecordedFrame> frames) {
        for (int i = 0; i < frames.size(); i++) {
            if (frames.get(i).getMethod().getName().endsWith("_jmhStub")) {
                return frames.subList(0, i);
            }
        }
        return List.of();
    }

    static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    static <V extends Comparable<V>> Map<String, V> top(Map<String, V> counts, int limit) {
        Map<String, V> top = new LinkedHashMap<>();
        counts.entrySet()
            .stream()
            .sorted(Map.Entry.<String, V>comparingByValue().reversed())
            .limit(limit)
            .forEach((entry) -> top.put(entry.getKey(), entry.getValue()));
        return top;
    }
}
