// Sets TZ for a test's lifetime, so local-time output is the same on every machine; shared by core and storage tests.
#pragma once

#include <cstdlib>
#include <ctime>
#include <string>

struct ZoneScope {
    std::string old;
    bool had = false;
    explicit ZoneScope(const char* tz) {
        if (const char* o = std::getenv("TZ")) {
            old = o;
            had = true;
        }
        ::setenv("TZ", tz, 1);
        ::tzset();
    }
    ~ZoneScope() {
        if (had) ::setenv("TZ", old.c_str(), 1);
        else ::unsetenv("TZ");
        ::tzset();
    }
};
