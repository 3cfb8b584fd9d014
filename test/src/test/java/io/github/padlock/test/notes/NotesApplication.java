package io.github.padlock.test.notes;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A small application that is not the demo, as a user writes one; its slice tests import its security beans. */
@SpringBootApplication
public class NotesApplication {
}
