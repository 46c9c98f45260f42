package org.tongxin.shared.error;

import java.util.ArrayList;
import java.util.List;

/** Collects field problems while a request is checked, then throws them all at once. */
public final class FieldProblems {

    private final List<FieldProblem> problems = new ArrayList<>();

    public FieldProblems add(String field, String code, Object... args) {
        problems.add(new FieldProblem(field, code, args));
        return this;
    }

    public boolean has(String field) {
        return problems.stream().anyMatch(p -> p.field().equals(field));
    }

    public boolean isEmpty() {
        return problems.isEmpty();
    }

    public List<FieldProblem> list() {
        return List.copyOf(problems);
    }

    public void throwIfAny() {
        if (!problems.isEmpty()) {
            throw TongxinException.invalid(problems);
        }
    }
}
