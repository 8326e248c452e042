// Passphrases in locked memory, and the strength hint: a rough guess count from length and the kinds of
// characters used, with repeats and runs counted once, so "aaaaaaaaaaaa" or "123456789" do not look strong.
#include "app/lock/passphrase.hpp"

#include <cmath>
#include <cstring>

namespace rekindle::app {

Passphrase Passphrase::fromText(const char* text, size_t size) {
    Passphrase p;
    if (size > 0) p.m_secret = std::make_shared<const storage::SecretBytes>(text, size);
    return p;
}

bool Passphrase::sameAs(const Passphrase& other) const {
    if (size() != other.size()) return false;
    if (empty()) return true;
    unsigned char diff = 0;
    for (size_t i = 0; i < size(); ++i) diff |= m_secret->data()[i] ^ other.m_secret->data()[i];
    return diff == 0;
}

const storage::SecretBytes& Passphrase::secret() const {
    static const storage::SecretBytes none;
    return m_secret ? *m_secret : none;
}

StrengthHint passphraseStrength(const char* text, size_t size) {
    if (size == 0) return {Strength::Empty, ""};
    bool lower = false, upper = false, digit = false, other = false;
    double effective = 0;  // characters that add something: a repeat or a step of a run adds little
    for (size_t i = 0; i < size; ++i) {
        unsigned char c = static_cast<unsigned char>(text[i]);
        if (c >= 'a' && c <= 'z') lower = true;
        else if (c >= 'A' && c <= 'Z') upper = true;
        else if (c >= '0' && c <= '9') digit = true;
        else other = true;
        bool repeat = i > 0 && c == static_cast<unsigned char>(text[i - 1]);
        bool run = i > 0 && (c == static_cast<unsigned char>(text[i - 1]) + 1 || c + 1 == static_cast<unsigned char>(text[i - 1]));
        effective += repeat || run ? 0.25 : 1.0;
    }
    int pool = (lower ? 26 : 0) + (upper ? 26 : 0) + (digit ? 10 : 0) + (other ? 33 : 0);
    double bits = effective * std::log2(double(pool > 1 ? pool : 2));
    if (bits < 45) return {Strength::Weak, "Easy to guess. Several unrelated words, or a longer sentence only you would think of, is much stronger."};
    if (bits < 70) return {Strength::Fair, "Fair. Another word or two would make it much harder to guess."};
    return {Strength::Strong, "Strong, as long as it is not a phrase others know you use."};
}

}  // namespace rekindle::app
