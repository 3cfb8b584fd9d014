package com.example.quickstart;

import java.util.Map;

import io.github.padlock.SecurityParam;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class UserController {

    @GetMapping("/users/me")
    Map<String, String> me(@SecurityParam("currentUsername") String username) {
        return Map.of("username", username);
    }
}
