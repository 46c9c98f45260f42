package org.tongxin.shared.web;

import java.net.URI;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.tongxin.shared.jdbc.EventQuiescence;

/**
 * The answer of an API command, written once (ADR 0051): the command has run in its own transaction, so wait for the
 * reactions to the events it published ({@link EventQuiescence#settle()}, ADR 0015) and answer what it returned —
 * {@code 200} with the view, or {@code 201 Created} with the new resource's {@code Location}. A refusal never gets
 * here: the command threw it and {@code ProblemHandler} answers it as a problem with its code. The version a command
 * checks comes from {@link LockVersions#required}.
 */
@Component
public class ApiCommands {

    private final EventQuiescence reactions;

    public ApiCommands(EventQuiescence reactions) {
        this.reactions = reactions;
    }

    /** 200: the command's answer, once its own reactions have run. */
    public <T> T settled(T answer) {
        reactions.settle();
        return answer;
    }

    /** 200: what a command that has just run answers, read once the command's own reactions have run. */
    public <T> T answer(Supplier<T> answer) {
        reactions.settle();
        return answer.get();
    }

    /** 200: runs a command that answers nothing, then reads the answer once the command's own reactions have run. */
    public <T> T run(Runnable command, Supplier<T> answer) {
        command.run();
        reactions.settle();
        return answer.get();
    }

    /** 201 with {@code Location}: the resource the command made, at the path made from it. */
    public <T> ResponseEntity<T> created(T answer, Function<T, String> location) {
        reactions.settle();
        return ResponseEntity.created(URI.create(location.apply(answer))).body(answer);
    }

    /**
     * 201 with {@code Location}: runs a command that answers the id of what it made, then, once its own reactions have
     * run, reads what the answer shows.
     */
    public <I, T> ResponseEntity<T> created(Supplier<I> command, Function<I, String> location, Function<I, T> answer) {
        I made = command.get();
        reactions.settle();
        return ResponseEntity.created(URI.create(location.apply(made))).body(answer.apply(made));
    }
}
