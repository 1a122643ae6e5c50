package dev.magnetar.core.service;

import dev.magnetar.core.error.MagnetarException;
import dev.magnetar.core.port.PageRequest;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PagingTest {

    private static final Set<String> SORTABLE = Set.of("id", "name");

    @Test
    void defaults_to_the_maximum_page_sorted_by_id_ascending() {
        assertThat(Paging.request(null, null, null, null, SORTABLE))
                .isEqualTo(new PageRequest(1000, null, "id", PageRequest.SortDirection.ASC));
    }

    @Test
    void caps_the_limit_at_the_maximum() {
        assertThat(Paging.request(5000, null, "name", "DESC", SORTABLE).limit()).isEqualTo(1000);
    }

    @Test
    void refuses_a_limit_that_is_not_positive() {
        assertThatThrownBy(() -> Paging.request(0, null, null, null, SORTABLE))
                .isInstanceOf(MagnetarException.class).hasMessage("Limit must be positive");
    }

    @Test
    void refuses_a_sort_key_that_is_not_sortable() {
        assertThatThrownBy(() -> Paging.request(null, null, "nope", null, SORTABLE))
                .hasMessage("The sort_key value \"nope\" is an invalid field for sorting");
    }

    @Test
    void refuses_an_unknown_sort_direction() {
        assertThatThrownBy(() -> Paging.request(null, null, null, "up", SORTABLE))
                .hasMessage("Invalid sort direction: up. Acceptable values are 'asc' or 'desc'");
    }

    @Test
    void refuses_a_marker_that_is_not_a_uuid_and_canonicalises_one_that_is() {
        assertThatThrownBy(() -> Paging.request(null, "abc", null, null, SORTABLE))
                .isInstanceOf(MagnetarException.class).hasMessageContaining("abc");
        assertThat(Paging.request(null, "6B4C3D2E1F004A5B9C8D7E6F5A4B3C2D", null, null, SORTABLE).marker())
                .isEqualTo("6b4c3d2e-1f00-4a5b-9c8d-7e6f5a4b3c2d");
    }
}
