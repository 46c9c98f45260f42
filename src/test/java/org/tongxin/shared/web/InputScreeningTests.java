package org.tongxin.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tongxin.shared.error.UnacceptableInputException;
import tools.jackson.databind.json.JsonMapper;

/** The input screening of JSON bodies without Spring: NUL characters and dates beyond the calendar, wherever they are. */
class InputScreeningTests {

    record Person(String name, LocalDate birthDate, List<String> aliases, Map<String, String> notes) {}

    record Envelope(Person subject, List<Person> others) {}

    static final JsonMapper MAPPER = JsonMapper.builder()
            .addModule(new InputScreening().inputScreeningModule())
            .build();

    @Test
    void ordinaryValuesReadAsBefore() {
        Envelope e = MAPPER.readValue("""
            {"subject": {"name": "张三", "birthDate": "1990-01-02", "aliases": ["阿三"], "notes": {"k": "v"}}, "others": []}\
            """, Envelope.class);
        assertThat(e.subject().name()).isEqualTo("张三");
        assertThat(e.subject().birthDate()).isEqualTo(LocalDate.of(1990, 1, 2));
    }

    @Test
    void aNulCharacterIsRefusedWithItsPathWhereverItIs() {
        for (String json : List.of(
                "{\"subject\": {\"name\": \"张\\u0000三\"}}",
                "{\"subject\": {\"aliases\": [\"a\", \"\\u0000\"]}}",
                "{\"subject\": {\"notes\": {\"k\\u0000\": \"v\"}}}",
                "{\"subject\": {\"notes\": {\"k\": \"\\u0000\"}}}",
                "{\"others\": [{\"name\": \"\\u0000\"}]}")) {
            assertThatThrownBy(() -> MAPPER.readValue(json, Envelope.class))
                    .as(json)
                    .isInstanceOfSatisfying(UnacceptableInputException.class, e -> {
                        assertThat(e.kind()).isEqualTo(UnacceptableInputException.Kind.CHARACTER);
                        assertThat(e.getPath()).isNotEmpty();
                    });
        }
    }

    @Test
    void aDateBeyondTheCalendarIsRefused() {
        for (String date : List.of("+999999999-12-31", "-999999999-01-01", "+10000-01-01", "0000-12-31")) {
            assertThatThrownBy(
                            () -> MAPPER.readValue("{\"subject\": {\"birthDate\": \"" + date + "\"}}", Envelope.class))
                    .as(date)
                    .isInstanceOfSatisfying(
                            UnacceptableInputException.class,
                            e -> assertThat(e.kind()).isEqualTo(UnacceptableInputException.Kind.DATE));
        }
        assertThat(MAPPER.readValue("{\"subject\": {\"birthDate\": \"9999-12-31\"}}", Envelope.class)
                        .subject()
                        .birthDate())
                .isEqualTo(LocalDate.of(9999, 12, 31));
    }
}
