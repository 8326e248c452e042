// Reads byte by byte into sodium_malloc'd memory, so the passphrase never sits in a std::string or stdio buffer.
#include "cli/passphrase_input.hpp"

#include <fcntl.h>
#include <termios.h>
#include <unistd.h>

#include <cerrno>
#include <iostream>

#include "storage/crypto/protection.hpp"
#include "storage/paths.hpp"

namespace rekindle::cli {

namespace {

constexpr size_t kMaxPassphrase = 1024;

// One line from fd (without its newline); false when nothing could be read at all.
bool readLine(int fd, storage::SecretBytes& out) {
    storage::SecretBytes buf(kMaxPassphrase);
    size_t len = 0;
    bool any = false;
    for (;;) {
        unsigned char c = 0;
        ssize_t n = ::read(fd, &c, 1);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        any = true;
        if (c == '\n') break;
        if (len < kMaxPassphrase) buf.data()[len++] = c;
    }
    if (len > 0 && buf.data()[len - 1] == '\r') --len;
    buf.truncate(len);
    out = std::move(buf);
    return any;
}

}  // namespace

std::optional<storage::SecretBytes> readPassphrase(const CommandContext& ctx, const std::string& prompt,
                                                   std::string* error) {
    storage::SecretBytes out;
    if (ctx.passphraseFd >= 0) {
        if (!readLine(ctx.passphraseFd, out)) {
            if (error) *error = "nothing to read on --passphrase-fd " + std::to_string(ctx.passphraseFd);
            return std::nullopt;
        }
        return out;
    }
    int tty = ::open("/dev/tty", O_RDWR | O_CLOEXEC | O_NOCTTY);
    if (tty < 0) {
        if (error) *error = "no terminal to ask for the passphrase on; pass it with --passphrase-fd N";
        return std::nullopt;
    }
    termios saved {};
    bool haveTermios = ::tcgetattr(tty, &saved) == 0;
    if (haveTermios) {
        termios quiet = saved;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        quiet.c_lflag |= ECHONL;
        ::tcsetattr(tty, TCSAFLUSH, &quiet);
    }
    [[maybe_unused]] ssize_t w = ::write(tty, prompt.data(), prompt.size());
    bool ok = readLine(tty, out);
    if (haveTermios) ::tcsetattr(tty, TCSAFLUSH, &saved);
    ::close(tty);
    if (!ok) {
        if (error) *error = "no passphrase entered";
        return std::nullopt;
    }
    return out;
}

bool unlockForCommand(CommandContext& ctx, const std::string& command) {
    auto paths = storage::resolvePaths(ctx.dataDir);
    if (!storage::isProtected(paths.dataDir) || storage::isUnlocked(paths.dataDir)) return true;
    std::string error;
    std::string who = command.empty() ? "rekindle" : "rekindle " + command;
    auto pass = readPassphrase(ctx, "Passphrase for " + paths.dataDir.string() + ": ", &error);
    if (!pass) {
        std::cerr << who << ": this data folder is protected with a passphrase; " << error << "\n";
        ctx.exitCode = 1;
        return false;
    }
    auto result = storage::unlockFolder(paths.dataDir, *pass);
    if (result.status != storage::UnlockStatus::Ok) {
        std::cerr << who << ": " << result.message << "\n";
        ctx.exitCode = 1;
        return false;
    }
    if (!result.message.empty()) std::cerr << who << ": " << result.message << "\n";
    if (result.converted > 0)
        std::cerr << who << ": finished an interrupted conversion (" << result.converted << " files)\n";
    return true;
}

}  // namespace rekindle::cli
