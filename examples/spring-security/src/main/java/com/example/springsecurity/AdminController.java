package com.example.springsecurity;

import java.util.Map;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Spring Security's side: its form login guards it (WebSecurityConfiguration), Padlock does not. */
@RestController
class AdminController {

    @GetMapping("/admin/dashboard")
    Map<String, String> dashboard(Authentication authentication) {
        return Map.of("admin", authentication.getName());
    }
}
