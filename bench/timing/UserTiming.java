import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Random;

/**
 * User-enumeration timing check for HTTP Basic: does a known user with a wrong password answer in another time than
 * an unknown user? Padlock's UserAuthenticator checks an unknown user's password against a dummy hash of the same
 * encoder, so both cases should cost one password-hash check; this measures it from outside.
 * <p>
 * Sends N pairs of requests — A: the known user with a wrong password, B: an unknown user with the same password —
 * in random order within each pair (so that a slow moment of a shared machine falls on both alike), after a
 * warm-up, over one keep-alive connection, and times each with System.nanoTime. Both must answer 401. Prints
 * median, p10 and p90 of each case, the difference of the medians with a bootstrap 95% confidence interval, and a
 * Mann-Whitney U test (normal approximation).
 * <p>
 * Usage (single-file program, no dependencies):
 * <pre>
 * java bench/timing/UserTiming.java http://127.0.0.1:8080/users/me stanley wrongpass unknownuser 600
 * </pre>
 * Arguments: URL, known user, wrong password, unknown user, pairs (at least 500 recommended; default 600).
 */
public final class UserTiming {

    private static final int WARMUP_PAIRS = 30;

    private static final int BOOTSTRAP_RESAMPLES = 4000;

    private UserTiming() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            System.err.println(
                    "Usage: java UserTiming.java <url> <known-user> <wrong-password> <unknown-user> [pairs]");
            System.exit(2);
        }
        URI url = URI.create(args[0]);
        String known = args[1];
        String password = args[2];
        String unknown = args[3];
        int pairs = (args.length > 4) ? Integer.parseInt(args[4]) : 600;
        HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
        HttpRequest a = request(url, known, password);
        HttpRequest b = request(url, unknown, password);
        Random order = new Random(1);
        for (int i = 0; i < WARMUP_PAIRS; i++) {
            time(client, a, "A");
            time(client, b, "B");
        }
        double[] timesA = new double[pairs];
        double[] timesB = new double[pairs];
        long start = System.nanoTime();
        for (int i = 0; i < pairs; i++) {
            if (order.nextBoolean()) {
                timesA[i] = time(client, a, "A");
                timesB[i] = time(client, b, "B");
            }
            else {
                timesB[i] = time(client, b, "B");
                timesA[i] = time(client, a, "A");
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("UserTiming: %s, %d pairs in random order within each pair after %d warm-up pairs, %.1f s%n",
                url, pairs, WARMUP_PAIRS, seconds);
        System.out.printf("  A known user '%s', wrong password: %s%n", known, describe(timesA));
        System.out.printf("  B unknown user '%s', same password: %s%n", unknown, describe(timesB));
        double diff = median(timesB) - median(timesA);
        double[] ci = bootstrap(timesA, timesB, new Random(42));
        System.out.printf("  median(B) - median(A) = %+.3f ms, bootstrap 95%% CI [%+.3f, %+.3f] ms (%d resamples)%n",
                diff, ci[0], ci[1], BOOTSTRAP_RESAMPLES);
        double[] mw = mannWhitney(timesA, timesB);
        System.out.printf("  Mann-Whitney U = %.0f, z = %+.2f, two-sided p = %.3g; P(A slower than B) = %.3f%n",
                mw[0], mw[1], mw[2], mw[3]);
        double relative = Math.abs(diff) / median(timesA);
        boolean zeroInside = ci[0] <= 0 && 0 <= ci[1];
        String verdict;
        if (zeroInside && mw[2] >= 0.05) {
            verdict = "no significant difference: the answer time does not tell a known user from an unknown one";
        }
        else if (relative < 0.05) {
            verdict = String.format("a statistically detectable but small difference (%.1f%% of the median); look at"
                    + " the machine's load before blaming the code", relative * 100);
        }
        else {
            verdict = String.format("a difference of %.1f%% of the median: the answer time may tell known users from"
                    + " unknown ones", relative * 100);
        }
        System.out.println("  Note: " + verdict + ".");
        // The target: the medians within max(2 ms, 5 % of the known user's median).
        double limit = Math.max(2.0, 0.05 * median(timesA));
        System.out.printf("  RESULT A %.3f ms, B %.3f ms, gap %+.3f ms, limit %.3f ms: %s%n", median(timesA),
                median(timesB), diff, limit, (Math.abs(diff) <= limit) ? "within" : "OUTSIDE");
    }

    private static HttpRequest request(URI url, String user, String password) {
        String credentials = Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(url)
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Basic " + credentials)
            .GET()
            .build();
    }

    /** One request, in milliseconds; it must be refused with 401, or the comparison means nothing. */
    private static double time(HttpClient client, HttpRequest request, String label) throws Exception {
        long t0 = System.nanoTime();
        HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        long t1 = System.nanoTime();
        if (response.statusCode() != 401) {
            throw new IllegalStateException("Case " + label + " answered " + response.statusCode()
                    + ", expected 401: check the URL, the user names and that the password is wrong");
        }
        return (t1 - t0) / 1e6;
    }

    private static String describe(double[] times) {
        return String.format("median %.3f ms, p10 %.3f ms, p90 %.3f ms, mean %.3f ms (n=%d)", median(times),
                percentile(times, 10), percentile(times, 90), Arrays.stream(times).average().orElse(0), times.length);
    }

    private static double median(double[] values) {
        return percentile(values, 50);
    }

    /** Linear interpolation between closest ranks. */
    private static double percentile(double[] values, double p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double rank = p / 100 * (sorted.length - 1);
        int low = (int) Math.floor(rank);
        int high = (int) Math.ceil(rank);
        return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
    }

    /** 95% percentile interval of median(B*) - median(A*) over resamples with replacement. */
    private static double[] bootstrap(double[] a, double[] b, Random random) {
        double[] diffs = new double[BOOTSTRAP_RESAMPLES];
        double[] ra = new double[a.length];
        double[] rb = new double[b.length];
        for (int r = 0; r < BOOTSTRAP_RESAMPLES; r++) {
            for (int i = 0; i < a.length; i++) {
                ra[i] = a[random.nextInt(a.length)];
            }
            for (int i = 0; i < b.length; i++) {
                rb[i] = b[random.nextInt(b.length)];
            }
            diffs[r] = median(rb) - median(ra);
        }
        return new double[] { percentile(diffs, 2.5), percentile(diffs, 97.5) };
    }

    /**
     * Mann-Whitney U of A against B with mid-ranks for ties and the tie-corrected normal approximation.
     * @return U of A, z, two-sided p, and U / (nA nB): the probability that a random A is slower than a random B
     */
    private static double[] mannWhitney(double[] a, double[] b) {
        int n1 = a.length;
        int n2 = b.length;
        int n = n1 + n2;
        double[][] all = new double[n][];
        for (int i = 0; i < n1; i++) {
            all[i] = new double[] { a[i], 0 };
        }
        for (int i = 0; i < n2; i++) {
            all[n1 + i] = new double[] { b[i], 1 };
        }
        Arrays.sort(all, (x, y) -> Double.compare(x[0], y[0]));
        double rankSumA = 0;
        double tieTerm = 0;
        for (int i = 0; i < n;) {
            int j = i;
            while (j + 1 < n && all[j + 1][0] == all[i][0]) {
                j++;
            }
            double rank = (i + j) / 2.0 + 1;
            int ties = j - i + 1;
            tieTerm += (double) ties * ties * ties - ties;
            for (int k = i; k <= j; k++) {
                if (all[k][1] == 0) {
                    rankSumA += rank;
                }
            }
            i = j + 1;
        }
        double u = rankSumA - n1 * (n1 + 1) / 2.0;
        double mean = n1 * (double) n2 / 2;
        double sigma = Math.sqrt(n1 * (double) n2 / 12 * ((n + 1) - tieTerm / ((double) n * (n - 1))));
        double z = (sigma == 0) ? 0 : (u - mean) / sigma;
        double p = erfc(Math.abs(z) / Math.sqrt(2));
        return new double[] { u, z, p, u / (n1 * (double) n2) };
    }

    /** Complementary error function (Numerical Recipes' erfcc, fractional error below 1.2e-7). */
    private static double erfc(double x) {
        double z = Math.abs(x);
        double t = 1 / (1 + 0.5 * z);
        double r = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851526
                + t * (-0.82215223 + t * 0.17087277)))))))));
        return (x >= 0) ? r : 2 - r;
    }
}
