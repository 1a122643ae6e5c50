package dev.magnetar.core.monitor;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecretBoxTest {

    final SecretBox box = new SecretBox(SecretBox.newKey());

    @Test
    void opens_what_it_sealed_for_the_same_owner_and_never_shows_the_plaintext() {
        String sealed = box.seal("cluster-1", "-----BEGIN PRIVATE KEY-----secret");

        assertThat(sealed).startsWith("v1:").doesNotContain("PRIVATE").doesNotContain("secret");
        assertThat(box.open("cluster-1", sealed)).isEqualTo("-----BEGIN PRIVATE KEY-----secret");
        assertThat(box.seal("cluster-1", "same")).as("a fresh nonce each time").isNotEqualTo(box.seal("cluster-1", "same"));
    }

    @Test
    void refuses_another_owner_another_key_and_any_altered_byte() {
        String sealed = box.seal("cluster-1", "key");
        int at = "v1:".length() + 20; // inside the ciphertext, in a full base64 group: every bit counts
        String altered = sealed.substring(0, at) + (sealed.charAt(at) == 'A' ? 'B' : 'A') + sealed.substring(at + 1);

        assertThatThrownBy(() -> box.open("cluster-2", sealed)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SecretBox(SecretBox.newKey()).open("cluster-1", sealed))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> box.open("cluster-1", altered)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void takes_only_a_256_bit_key() {
        assertThatThrownBy(() -> new SecretBox(new byte[16])).hasMessageContaining("32 bytes");
    }
}
