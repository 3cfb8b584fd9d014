package com.example.springsecurity;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

@Service
class ItemService {

    private final Map<Long, Item> items = new ConcurrentSkipListMap<>();

    private final AtomicLong ids = new AtomicLong();

    @PreAuthorize("hasAuthority('SCOPE_items:write')")
    public Item create(String name) {
        String createdBy = SecurityContextHolder.getContext().getAuthentication().getName();
        Item item = new Item(this.ids.incrementAndGet(), name, createdBy);
        this.items.put(item.id(), item);
        return item;
    }

    @PreAuthorize("hasAuthority('SCOPE_items:read')")
    public List<Item> list() {
        return List.copyOf(this.items.values());
    }
}
