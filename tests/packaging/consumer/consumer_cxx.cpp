// consumer_cxx.cpp - the installed header and library used from C++ (proves the
// extern "C" block: a missing one fails to link).
#include <ifreward.h>

#include <cstdio>
#include <cstring>

int main()
{
    static const char spec_json[] =
        "{\"instruction_id_list\": [\"punctuation:no_comma\"], \"kwargs\": [{}]}";
    const char *text = "No commas here.";
    double reward = -1.0;
    ifr_error err;
    int rc = ifr_score(spec_json, sizeof spec_json - 1, text, std::strlen(text),
                       IFR_CHECK_STRICT, IFR_AGGREGATE_ALL, nullptr, &reward, &err);
    if (rc != IFR_OK || reward != 1.0) {
        std::fprintf(stderr, "ifr_score: %s (%s), reward %g\n", ifr_strerror(rc), err.message,
                     reward);
        return 1;
    }
    std::printf("consumer_cxx: ok (ifreward %s)\n", ifr_version_string());
    return 0;
}
