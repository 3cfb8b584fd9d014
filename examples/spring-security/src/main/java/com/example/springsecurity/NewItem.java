package com.example.springsecurity;

record NewItem(String name) {
}
