package com.example.springsecurity;

record Item(long id, String name, String createdBy) {
}
