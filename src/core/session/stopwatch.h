// Milliseconds since a point on the steady clock: the start-up timings (state().timings)
// taken by the session (parse, index) and the shell (font atlas, first layout and draw).
#pragma once

#include <chrono>

namespace lectern {

using SteadyClock = std::chrono::steady_clock;

inline double ms_since(SteadyClock::time_point start) {
    return std::chrono::duration<double, std::milli>(SteadyClock::now() - start).count();
}

}  // namespace lectern
