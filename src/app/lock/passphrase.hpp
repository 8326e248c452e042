// A passphrase on its way from a text field to the key derivation: held in sodium_malloc'd memory (wiped when the
// last command holding it is gone), never in a std::string. Shared so that commands stay copyable.
#pragma once

#include <cstddef>
#include <memory>

#include "storage/crypto/secret.hpp"

namespace rekindle::app {

class Passphrase {
public:
    Passphrase() = default;
    // Copies `size` bytes of text; the caller wipes its own buffer afterwards.
    static Passphrase fromText(const char* text, size_t size);

    bool empty() const { return !m_secret || m_secret->empty(); }
    size_t size() const { return m_secret ? m_secret->size() : 0; }
    bool sameAs(const Passphrase& other) const;  // constant time over the length
    // An empty secret when none was given.
    const storage::SecretBytes& secret() const;

private:
    std::shared_ptr<const storage::SecretBytes> m_secret;
};

// How hard a passphrase looks to guess, for a hint under the field. Deliberately no rules: any passphrase is
// accepted; the hint says what makes one stronger.
enum class Strength { Empty, Weak, Fair, Strong };
struct StrengthHint {
    Strength strength = Strength::Empty;
    const char* words = "";  // one calm sentence
};
StrengthHint passphraseStrength(const char* text, size_t size);

}  // namespace rekindle::app
