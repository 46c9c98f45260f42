package org.tongxin.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tongxin.shared.error.TongxinException;

class PageQueryTests {

    @Test
    void defaultsToTheFirstPageOfTwenty() {
        PageQuery q = PageQuery.of(null, null, null, Set.of("code", "name"), "code");
        assertThat(q).isEqualTo(new PageQuery(0, 20, "code", false));
        assertThat(PageQuery.of(2, 10, "-name", Set.of("code", "name"), "code").offset())
                .isEqualTo(20);
    }

    @Test
    void refusesBadPagingAndUnknownSortKeysWithFieldProblems() {
        assertThatThrownBy(() -> PageQuery.of(-1, 500, "password", Set.of("code"), "code"))
                .isInstanceOfSatisfying(
                        TongxinException.class,
                        e -> assertThat(e.fieldProblems())
                                .extracting(p -> p.field())
                                .containsExactly("page", "size", "sort"));
    }
}
