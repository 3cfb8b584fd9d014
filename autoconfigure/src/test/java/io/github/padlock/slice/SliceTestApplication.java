package io.github.padlock.slice;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * An application as a user writes one, scanning its package: {@code @WebMvcTest} finds it, keeps only the controller
 * of the scan and leaves out {@link NotesSecurityConfiguration}, which a test imports.
 */
@SpringBootApplication
public class SliceTestApplication {
}
