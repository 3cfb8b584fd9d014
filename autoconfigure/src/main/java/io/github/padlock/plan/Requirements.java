package io.github.padlock.plan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.github.padlock.scheme.SecurityScheme;

/**
 * The OpenAPI side of a plan: the ways a request can satisfy a handler, each the list of schemes that must all pass —
 * all-of across a handler's roots, one way per {@code anyOf} alternative — and whether a request without credentials
 * passes at all.
 */
final class Requirements {

    private Requirements() {
    }

    /**
     * @param nodes the plan's nodes
     * @param roots the roots, in resolution order
     * @return one list of scheme uses per way to satisfy the roots
     */
    static List<List<SecurityPlan.SchemeUse>> of(List<Node> nodes, Iterable<Integer> roots) {
        List<List<SecurityPlan.SchemeUse>> requirements = List.of(List.of());
        for (int root : roots) {
            Node node = nodes.get(root);
            List<List<SecurityPlan.SchemeUse>> choices = new ArrayList<>();
            if (node.isAnyOf()) {
                for (int alternative : node.children()) {
                    choices.add(schemeUses(nodes, alternative));
                }
            }
            else {
                choices.add(schemeUses(nodes, root));
            }
            requirements = combine(requirements, choices);
        }
        return requirements;
    }

    /**
     * @return whether a request without credentials passes the root {@code index}: a scheme with {@code autoError}
     * off (or alternatives of them), asked for no scopes, into a parameter that may be {@code null}
     */
    static boolean isOptional(List<Node> nodes, int index, boolean required) {
        return !required && !nodes.get(index).hasScopes() && producesNothingWithoutCredentials(nodes, index);
    }

    private static boolean producesNothingWithoutCredentials(List<Node> nodes, int index) {
        Node node = nodes.get(index);
        if (node.isAnyOf()) {
            return Arrays.stream(node.children()).allMatch((child) -> producesNothingWithoutCredentials(nodes, child));
        }
        return node.dependency() instanceof SecurityScheme<?> scheme && !scheme.autoError();
    }

    /** Every requirement so far, each extended with each choice. */
    private static List<List<SecurityPlan.SchemeUse>> combine(List<List<SecurityPlan.SchemeUse>> requirements,
            List<List<SecurityPlan.SchemeUse>> choices) {
        Set<List<SecurityPlan.SchemeUse>> combined = new LinkedHashSet<>();
        for (List<SecurityPlan.SchemeUse> requirement : requirements) {
            for (List<SecurityPlan.SchemeUse> choice : choices) {
                Set<SecurityPlan.SchemeUse> uses = new LinkedHashSet<>(requirement);
                uses.addAll(choice);
                combined.add(List.copyOf(uses));
            }
        }
        return List.copyOf(combined);
    }

    /** The schemes beneath a node, depth-first, pre-order, children in declaration order (FastAPI §4.2). */
    private static List<SecurityPlan.SchemeUse> schemeUses(List<Node> nodes, int root) {
        List<SecurityPlan.SchemeUse> uses = new ArrayList<>();
        collect(nodes, root, new boolean[nodes.size()], uses);
        return uses;
    }

    private static void collect(List<Node> nodes, int index, boolean[] seen, List<SecurityPlan.SchemeUse> uses) {
        if (seen[index]) {
            return;
        }
        seen[index] = true;
        Node node = nodes.get(index);
        if (node.dependency() instanceof SecurityScheme<?> scheme) {
            uses.add(new SecurityPlan.SchemeUse(scheme, node.scopes()));
        }
        for (int child : node.children()) {
            collect(nodes, child, seen, uses);
        }
    }
}
