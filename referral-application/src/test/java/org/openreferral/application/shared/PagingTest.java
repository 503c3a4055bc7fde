package org.openreferral.application.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openreferral.domain.error.InvalidValueException;
import org.openreferral.domain.model.user.UserId;

class PagingTest {

    @Test
    void firstPageHoldsFiftyItems() {
        assertThat(PageRequest.first()).isEqualTo(new PageRequest(1, 50));
    }

    @Test
    void sizeOfAHundredIsTheMost() {
        assertThat(new PageRequest(1, 100).size()).isEqualTo(100);
        assertThatThrownBy(() -> new PageRequest(1, 101))
                .isInstanceOfSatisfying(InvalidValueException.class,
                        e -> assertThat(e.subject()).isEqualTo(PageRequest.SIZE));
    }

    @Test
    void sizeMustBePositive() {
        assertThatThrownBy(() -> new PageRequest(1, 0)).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new PageRequest(1, -5)).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void pagesCountFromOne() {
        assertThatThrownBy(() -> new PageRequest(0, 10))
                .isInstanceOfSatisfying(InvalidValueException.class,
                        e -> assertThat(e.subject()).isEqualTo(PageRequest.PAGE));
        assertThatThrownBy(() -> new PageRequest(-1, 10)).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void offsetSkipsTheEarlierPages() {
        assertThat(new PageRequest(1, 50).offset()).isZero();
        assertThat(new PageRequest(3, 20).offset()).isEqualTo(40);
        assertThat(new PageRequest(Integer.MAX_VALUE, 100).offset()).isEqualTo((Integer.MAX_VALUE - 1L) * 100);
    }

    @ParameterizedTest
    @CsvSource({"0,10,0", "1,10,1", "10,10,1", "11,10,2", "100,50,2", "101,50,3"})
    void pagesIsTheTotalDividedBySizeRoundedUp(long total, int size, long pages) {
        assertThat(new Page<>(List.of(), total, 1, size).pages()).isEqualTo(pages);
    }

    @Test
    void pageKeepsItsShapeWhenMapped() {
        Page<Integer> page = Page.of(List.of(1, 2), 12, new PageRequest(2, 2));

        Page<String> mapped = page.map(i -> "#" + i);

        assertThat(mapped.items()).containsExactly("#1", "#2");
        assertThat(mapped.total()).isEqualTo(12);
        assertThat(mapped.page()).isEqualTo(2);
        assertThat(mapped.size()).isEqualTo(2);
        assertThat(mapped.pages()).isEqualTo(6);
    }

    @Test
    void pageItemsCannotBeChanged() {
        Page<Integer> page = new Page<>(new ArrayList<>(List.of(1)), 1, 1, 10);

        assertThatThrownBy(() -> page.items().add(2)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void callerMaySeeOnlyTheirOwnDataUnlessAdmin() {
        UserId me = new UserId(UUID.randomUUID());
        UserId other = new UserId(UUID.randomUUID());

        assertThat(new Caller(me, false).maySee(me)).isTrue();
        assertThat(new Caller(me, false).maySee(other)).isFalse();
        assertThat(new Caller(me, true).maySee(other)).isTrue();
    }
}
