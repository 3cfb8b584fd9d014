package io.github.padlock.slice;

import java.util.Map;

import io.github.padlock.SecurityParam;
import io.github.padlock.scheme.HttpBasicCredentials;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** A controller that is not the demo's: the raw credentials, and a verified user. */
@RestController
class NotesController {

    @GetMapping("/notes/raw")
    Map<String, String> raw(@SecurityParam("basicAuth") HttpBasicCredentials credentials) {
        return Map.of("username", credentials.username());
    }

    @GetMapping("/notes")
    Map<String, String> notes(@SecurityParam("noteTaker") String username) {
        return Map.of("owner", username);
    }
}
